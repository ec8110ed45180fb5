namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Size limits for one score sheet. The zip limits apply to .xlsx workbooks, which are zip packages
/// that can inflate far beyond their upload size (SECURITY.md §4).
/// </summary>
/// <param name="MaxFileBytes">The largest file, as sent.</param>
/// <param name="MaxRows">The most rows of scores, not counting the header and empty rows.</param>
/// <param name="MaxZipEntries">The most entries a workbook package may hold.</param>
/// <param name="MaxInflatedBytes">The most bytes all entries of a workbook may inflate to together.</param>
/// <param name="MaxCompressionRatio">
/// The highest inflated/compressed ratio of one entry, applied once that entry has inflated more
/// than 1 MiB; the same as <see cref="Uploads.UploadLimits.Default"/>.
/// </param>
public sealed record SheetLimits(long MaxFileBytes, int MaxRows, int MaxZipEntries, long MaxInflatedBytes, double MaxCompressionRatio = 100)
{
    public static readonly SheetLimits Default = new(5 * 1024 * 1024, 50_000, 200, 100 * 1024 * 1024);
}
