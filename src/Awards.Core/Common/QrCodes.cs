using QRCoder;

namespace Awards.Core.Common;

/// <summary>QR codes as PNG images, made here and never by a service on the internet.</summary>
public static class QrCodes
{
    /// <summary>The QR code of <paramref name="text"/> as PNG bytes, with its quiet zone (error correction M).</summary>
    public static byte[] Png(string text, int pixelsPerModule)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        using var code = new PngByteQRCode(data);
        return code.GetGraphic(pixelsPerModule);
    }
}
