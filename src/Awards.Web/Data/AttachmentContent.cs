using Awards.Core.Entries;

namespace Awards.Web.Data;

/// <summary>
/// The bytes of an attachment, in a table of their own so that listing attachments never reads
/// them. They live in the database, not on disk, so that a file and its record are saved in one
/// transaction and the online backup carries both (ADR 0004).
/// </summary>
public class AttachmentContent
{
    public int AttachmentId { get; set; }

    public Attachment Attachment { get; set; } = null!;

    public byte[] Data { get; set; } = [];
}
