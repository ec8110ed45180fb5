namespace Awards.Core.Uploads;

/// <summary>
/// Size limits for one uploaded file. The zip limits apply to .docx files, which are zip packages
/// that can inflate far beyond their upload size (SECURITY.md §4).
/// </summary>
/// <param name="MaxFileBytes">The largest upload, as sent.</param>
/// <param name="MaxZipEntries">The most entries a .docx package may hold.</param>
/// <param name="MaxInflatedBytes">The most bytes all entries of a .docx may inflate to together.</param>
/// <param name="MaxCompressionRatio">
/// The highest inflated/compressed ratio of one entry, applied once that entry has inflated more
/// than 1 MiB (small, highly repetitive XML parts compress well and are harmless).
/// </param>
public sealed record UploadLimits(long MaxFileBytes, int MaxZipEntries, long MaxInflatedBytes, double MaxCompressionRatio)
{
    public static readonly UploadLimits Default = new(10 * 1024 * 1024, 1000, 100 * 1024 * 1024, 100);
}
