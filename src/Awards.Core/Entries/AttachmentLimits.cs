namespace Awards.Core.Entries;

/// <summary>Caps on the supporting files of one entry; the cap per file is <see cref="Uploads.UploadLimits"/>.</summary>
public sealed record AttachmentLimits(int MaxFiles, long MaxTotalBytes)
{
    public static readonly AttachmentLimits Default = new(10, 30L * 1024 * 1024);
}
