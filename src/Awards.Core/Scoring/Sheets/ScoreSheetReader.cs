using Awards.Core.Common;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Reads a sheet of judges' scores: an Excel workbook (.xlsx, its first visible worksheet) or CSV
/// text (comma, tab or semicolon; UTF-8, UTF-16 with a BOM, or GB18030/GBK), told apart by content,
/// never by the file's name (SECURITY.md §4). The first row that is not empty is the header: the
/// entry code, the judge, one column per criterion and an optional comment, in any order and in
/// Chinese or English. Empty rows are skipped; every other row is a judge's scores for one entry.
/// Errors collect, so the organizer sees them all at once; checking each score against the rubric's
/// range, and the entry codes and judges against the round, is the caller's work.
/// </summary>
public static class ScoreSheetReader
{
    private const long BytesPerMegabyte = 1024 * 1024;

    private static ReadOnlySpan<byte> ZipSignature => [0x50, 0x4B, 0x03, 0x04];

    // OLE compound file: an old .xls, or any Office file saved with a password (even an .xlsx).
    private static ReadOnlySpan<byte> CompoundFileSignature => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    // A PDF can begin with a few lines of plain text, which would otherwise pass for CSV.
    private static ReadOnlySpan<byte> PdfSignature => "%PDF-"u8;

    /// <summary>
    /// Reads <paramref name="content"/> (from its start, if it is seekable, where it is left).
    /// <paramref name="fileName"/> only chooses the message for unreadable content: a file named
    /// .xlsx is a damaged workbook, anything else is not a sheet. Throws
    /// <see cref="ArgumentException"/> when two criteria share an id or a column name.
    /// </summary>
    public static ScoreSheet Read(Stream content, string fileName, IReadOnlyList<SheetCriterion> criteria, SheetLimits limits)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(limits);
        if (!content.CanRead)
        {
            throw new ArgumentException("The content must be a readable stream.", nameof(content));
        }

        var sheet = new SheetInterpreter(criteria, limits);
        try
        {
            var bytes = ReadAll(content, limits);
            ReadContent(bytes, fileName, limits, sheet.Add);
            return sheet.Result();
        }
        catch (DomainException exception)
        {
            return SheetInterpreter.Refused(exception.MessageKey, [.. exception.Arguments]);
        }
    }

    private static void ReadContent(byte[] bytes, string fileName, SheetLimits limits, Action<SheetLine> add)
    {
        ReadOnlySpan<byte> start = bytes;
        if (start.StartsWith(ZipSignature))
        {
            XlsxSheet.Read(bytes, limits, add);
        }
        else if (start.StartsWith(CompoundFileSignature) || start.StartsWith(PdfSignature))
        {
            throw new DomainException(SheetMessages.NotASheet);
        }
        else if (CsvSheet.TryDecode(bytes, out var text))
        {
            CsvSheet.Read(text, add);
        }
        else
        {
            throw new DomainException(
                string.Equals(Path.GetExtension(fileName), ".xlsx", StringComparison.OrdinalIgnoreCase)
                    ? SheetMessages.DamagedWorkbook
                    : SheetMessages.NotASheet);
        }
    }

    private static byte[] ReadAll(Stream content, SheetLimits limits)
    {
        try
        {
            if (content.CanSeek)
            {
                if (content.Length > limits.MaxFileBytes)
                {
                    throw TooLarge(limits);
                }

                content.Position = 0;
            }

            using var buffer = new MemoryStream();
            var chunk = new byte[64 * 1024];
            int read;
            while ((read = content.Read(chunk)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxFileBytes)
                {
                    throw TooLarge(limits);
                }
            }

            return buffer.Length > 0 ? buffer.ToArray() : throw new DomainException(SheetMessages.Empty);
        }
        finally
        {
            if (content.CanSeek)
            {
                content.Position = 0;
            }
        }
    }

    private static DomainException TooLarge(SheetLimits limits) =>
        new(SheetMessages.TooLarge, (int)(limits.MaxFileBytes / BytesPerMegabyte));
}
