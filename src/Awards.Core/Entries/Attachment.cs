using System.Security.Cryptography;
using Awards.Core.Uploads;

namespace Awards.Core.Entries;

/// <summary>
/// A supporting file of an entry: the checked kind, the size and hash, and the name the entrant
/// gave it. The bytes are stored apart (the web layer's AttachmentContent) so that lists never
/// load them. Judges never see attachments (SECURITY.md §1).
/// </summary>
public class Attachment
{
    public const int MaxFileNameLength = 120;

    internal Attachment(Entry entry, string fileName, FileKind kind, long length, string sha256, DateTime utcNow)
    {
        Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        Entry = entry;
        FileName = CleanFileName(fileName, kind);
        Kind = kind;
        Length = length;
        Sha256 = sha256;
        UploadedAt = utcNow;
    }

    private Attachment()
    {
        Token = string.Empty;
        FileName = string.Empty;
        Sha256 = string.Empty;
        Entry = null!;
    }

    public int Id { get; private set; }

    /// <summary>A random id for URLs, so that attachment ids cannot be guessed or counted.</summary>
    public string Token { get; private set; }

    public int EntryId { get; private set; }

    public Entry Entry { get; private set; }

    public string FileName { get; private set; }

    public FileKind Kind { get; private set; }

    public long Length { get; private set; }

    /// <summary>The SHA-256 of the content, lower-case hex; shown on the receipt.</summary>
    public string Sha256 { get; private set; }

    public DateTime UploadedAt { get; private set; }

    /// <summary>The base name only, without control characters, with the extension of the detected kind.</summary>
    public static string CleanFileName(string fileName, FileKind kind)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))]).Trim();
        var extension = FileKinds.Extension(kind);
        if (name.Length == 0)
        {
            name = "attachment";
        }

        return name.Length + extension.Length > MaxFileNameLength ? name[..(MaxFileNameLength - extension.Length)] + extension : name + extension;
    }
}
