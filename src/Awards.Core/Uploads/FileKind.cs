namespace Awards.Core.Uploads;

/// <summary>The kinds of file the site accepts, told apart by content (see <see cref="FileInspector"/>).</summary>
public enum FileKind
{
    Docx,
    Pdf,
    Jpeg,
    Png,
}

/// <summary>Extensions and MIME types of each <see cref="FileKind"/>.</summary>
public static class FileKinds
{
    /// <summary>The extension to store and show the file under, with its dot (".jpg" for JPEG).</summary>
    public static string Extension(this FileKind kind) => kind switch
    {
        FileKind.Docx => ".docx",
        FileKind.Pdf => ".pdf",
        FileKind.Jpeg => ".jpg",
        FileKind.Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string MimeType(this FileKind kind) => kind switch
    {
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Pdf => "application/pdf",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>
    /// The kind a file name's extension (with its dot, any case, as <see cref="Path.GetExtension(string)"/>
    /// gives it) names; ".jpeg" names JPEG as well as ".jpg".
    /// </summary>
    public static bool TryFromExtension(string? extension, out FileKind kind)
    {
        foreach (var candidate in Enum.GetValues<FileKind>())
        {
            if (string.Equals(extension, candidate.Extension(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        if (string.Equals(extension, ".jpeg", StringComparison.OrdinalIgnoreCase))
        {
            kind = FileKind.Jpeg;
            return true;
        }

        kind = default;
        return false;
    }
}
