using Awards.Core.Common;

namespace Awards.Core.Uploads;

/// <summary>
/// Decides what an uploaded file is from its content, never from its name or the MIME type the
/// browser sent, and refuses it with a <see cref="DomainException"/> whose key is one of
/// <see cref="UploadMessages"/> (SECURITY.md §4). A name whose extension disagrees with the content
/// is refused too: a renamed file is usually the wrong file, and the uploader should see that.
/// </summary>
public static class FileInspector
{
    private const long BytesPerMegabyte = 1024 * 1024;

    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    // OLE compound file: .doc, and also any Office file saved with a password (even a .docx).
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Returns the kind of <paramref name="content"/> if it is one of <paramref name="accepted"/>,
    /// within <paramref name="limits"/>, and named with its extension; throws
    /// <see cref="DomainException"/> otherwise. <paramref name="content"/> must be seekable; it is
    /// left at position 0 either way.
    /// </summary>
    public static FileKind Inspect(Stream content, string fileName, IReadOnlyCollection<FileKind> accepted, UploadLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(accepted);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("The content must be a readable, seekable stream.", nameof(content));
        }

        if (accepted.Count == 0)
        {
            throw new ArgumentException("At least one kind of file must be accepted.", nameof(accepted));
        }

        try
        {
            var kind = Detect(content, fileName, accepted, limits);
            CheckName(fileName, kind);
            return kind;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static FileKind Detect(Stream content, string fileName, IReadOnlyCollection<FileKind> accepted, UploadLimits limits)
    {
        var length = content.Length;
        if (length == 0)
        {
            throw new DomainException(UploadMessages.Empty);
        }

        if (length > limits.MaxFileBytes)
        {
            throw new DomainException(UploadMessages.TooLarge, (int)(limits.MaxFileBytes / BytesPerMegabyte));
        }

        Span<byte> buffer = stackalloc byte[8];
        content.Position = 0;
        ReadOnlySpan<byte> header = buffer[..content.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false)];

        if (header.StartsWith(PdfSignature))
        {
            return Accepted(FileKind.Pdf, accepted);
        }

        if (header.StartsWith(JpegSignature))
        {
            return Accepted(FileKind.Jpeg, accepted);
        }

        if (header.StartsWith(PngSignature))
        {
            return Accepted(FileKind.Png, accepted);
        }

        if (header.StartsWith(CompoundFileSignature))
        {
            Accepted(FileKind.Docx, accepted);
            throw new DomainException(UploadMessages.OldOrProtectedDocument);
        }

        if (header.StartsWith(ZipSignature))
        {
            Accepted(FileKind.Docx, accepted);
            DocxPackage.Check(content, limits);
            return FileKind.Docx;
        }

        // Unknown content: someone who named it .docx where a .docx is wanted has a broken document;
        // anyone else has sent the wrong kind of file.
        if (accepted.Contains(FileKind.Docx)
            && FileKinds.TryFromExtension(Path.GetExtension(fileName), out var named)
            && named == FileKind.Docx)
        {
            throw new DomainException(UploadMessages.DamagedDocument);
        }

        throw NotAccepted(accepted);
    }

    private static FileKind Accepted(FileKind kind, IReadOnlyCollection<FileKind> accepted) =>
        accepted.Contains(kind) ? kind : throw NotAccepted(accepted);

    private static DomainException NotAccepted(IReadOnlyCollection<FileKind> accepted) =>
        new(UploadMessages.NotAccepted, string.Join(", ", accepted.Distinct().Select(kind => kind.Extension())));

    private static void CheckName(string fileName, FileKind kind)
    {
        var extension = Path.GetExtension(fileName);
        if (FileKinds.TryFromExtension(extension, out var named) && named == kind)
        {
            return;
        }

        var shown = extension.Length > 0 ? extension : Path.GetFileName(fileName);
        throw new DomainException(UploadMessages.NameMismatch, shown, kind.Extension());
    }
}
