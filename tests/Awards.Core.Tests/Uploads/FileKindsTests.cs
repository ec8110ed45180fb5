using Awards.Core.Uploads;

namespace Awards.Core.Tests.Uploads;

public class FileKindsTests
{
    [Theory]
    [InlineData(FileKind.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData(FileKind.Pdf, ".pdf", "application/pdf")]
    [InlineData(FileKind.Jpeg, ".jpg", "image/jpeg")]
    [InlineData(FileKind.Png, ".png", "image/png")]
    public void ExtensionAndMimeType_AreTheCanonicalOnes(FileKind kind, string extension, string mimeType)
    {
        Assert.Equal(extension, kind.Extension());
        Assert.Equal(mimeType, kind.MimeType());
    }

    [Theory]
    [InlineData(".docx", FileKind.Docx)]
    [InlineData(".DOCX", FileKind.Docx)]
    [InlineData(".pdf", FileKind.Pdf)]
    [InlineData(".jpg", FileKind.Jpeg)]
    [InlineData(".JPG", FileKind.Jpeg)]
    [InlineData(".jpeg", FileKind.Jpeg)]
    [InlineData(".JPEG", FileKind.Jpeg)]
    [InlineData(".Png", FileKind.Png)]
    public void TryFromExtension_IgnoresCaseAndTakesJpegForJpg(string extension, FileKind expected)
    {
        Assert.True(FileKinds.TryFromExtension(extension, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".doc")]
    [InlineData(".docm")]
    [InlineData(".txt")]
    [InlineData("docx")]
    public void TryFromExtension_RefusesOtherExtensions(string? extension)
    {
        Assert.False(FileKinds.TryFromExtension(extension, out _));
    }

    [Fact]
    public void Extension_RefusesAnUndefinedKind()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((FileKind)42).Extension());
    }
}
