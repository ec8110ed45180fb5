using System.IO.Compression;
using Awards.Core.Common;

namespace Awards.Core.Uploads;

/// <summary>
/// Inflates the entries of an uploaded zip (a .docx or an .xlsx) before any SDK opens it,
/// counting every byte actually produced — declared sizes can lie — and stops at the first limit
/// crossed with <paramref name="tooLargeMessage"/> (SECURITY.md §4).
/// </summary>
internal sealed class ZipMeter(long maxInflatedBytes, double maxCompressionRatio, long archiveLength, string tooLargeMessage)
{
    /// <summary>Small parts may compress very well (an empty style sheet); the ratio counts above this.</summary>
    private const long RatioCheckedAboveBytes = 1024 * 1024;

    private readonly byte[] _buffer = new byte[64 * 1024];
    private long _total;

    /// <summary>Inflates one entry; with <paramref name="keep"/>, also keeps its bytes, up to <paramref name="keepAtMost"/>.</summary>
    public void Inflate(ZipArchiveEntry entry, MemoryStream? keep, int keepAtMost)
    {
        // The declared compressed size can lie too, but never beyond the archive itself.
        var compressed = Math.Clamp(entry.CompressedLength, 1, Math.Max(1, archiveLength));
        long inflated = 0;
        using var stream = entry.Open();
        int read;
        while ((read = stream.Read(_buffer)) > 0)
        {
            inflated += read;
            _total += read;
            if (_total > maxInflatedBytes
                || (inflated > RatioCheckedAboveBytes && inflated / (double)compressed > maxCompressionRatio)
                || (keep is not null && inflated > keepAtMost))
            {
                throw new DomainException(tooLargeMessage);
            }

            keep?.Write(_buffer, 0, read);
        }
    }
}
