using System.Text;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// Reads CSV text as RFC 4180 describes it: fields separated by a comma, a tab or a semicolon
/// (whichever the header line has most of, outside quotes), optionally quoted, with "" for a quote
/// and line breaks allowed inside quotes; records end at CRLF, LF or CR. A quote that does not
/// start a field is taken literally, as Excel does.
/// </summary>
internal static class CsvSheet
{
    private const int Gb18030CodePage = 54936;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LittleEndianBom => [0xFF, 0xFE];

    private static ReadOnlySpan<byte> Utf16BigEndianBom => [0xFE, 0xFF];

    /// <summary>
    /// Decodes <paramref name="bytes"/> as text: UTF-8 (with or without its BOM), UTF-16 with its
    /// BOM (Excel's "Unicode Text"), or else GB18030, which covers the GBK that Excel writes on a
    /// Chinese Windows. False when none fits or the text holds control characters, as binary does.
    /// </summary>
    public static bool TryDecode(byte[] bytes, out string text)
    {
        text = string.Empty;
        ReadOnlySpan<byte> span = bytes;
        string? decoded;
        if (span.StartsWith(Utf8Bom))
        {
            decoded = Decode(StrictUtf8, span[Utf8Bom.Length..]);
        }
        else if (span.StartsWith(Utf16LittleEndianBom))
        {
            decoded = Decode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), span[2..]);
        }
        else if (span.StartsWith(Utf16BigEndianBom))
        {
            decoded = Decode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), span[2..]);
        }
        else
        {
            decoded = Decode(StrictUtf8, span) ?? Decode(Gb18030(), span);
        }

        if (decoded is null || decoded.Any(c => char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
        {
            return false;
        }

        text = decoded;
        return true;
    }

    /// <summary>Hands each record of <paramref name="text"/> to <paramref name="add"/>, numbered from 1, empty lines included.</summary>
    public static void Read(string text, Action<SheetLine> add)
    {
        var delimiter = DetectDelimiter(text);
        var cells = new Dictionary<int, SheetCell>();
        var field = new StringBuilder();
        var line = 1;
        var quoted = false;
        var atFieldStart = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                i++;
                continue;
            }

            if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                EndField();
                add(new SheetLine(line++, cells));
                cells = [];
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
            }

            i++;
        }

        if (quoted)
        {
            EndField();
            add(new SheetLine(line, cells, Unterminated: true));
        }
        else if (!atFieldStart || cells.Count > 0)
        {
            EndField();
            add(new SheetLine(line, cells));
        }

        void EndField()
        {
            cells[cells.Count] = new SheetCell(field.ToString(), IsNumber: false);
            field.Clear();
            atFieldStart = true;
        }
    }

    /// <summary>
    /// The comma, tab or semicolon the first line that is not blank (the header) has most of
    /// outside quotes; a comma when it has none.
    /// </summary>
    private static char DetectDelimiter(string text)
    {
        int commas = 0, tabs = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text.AsSpan().TrimStart())
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\r' or '\n')
                {
                    break;
                }

                commas += c == ',' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
            }
        }

        return tabs >= commas && tabs >= semicolons && tabs > 0 ? '\t'
            : semicolons > commas ? ';'
            : ',';
    }

    private static Encoding? Gb18030() =>
        CodePagesEncodingProvider.Instance.GetEncoding(Gb18030CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    private static string? Decode(Encoding? encoding, ReadOnlySpan<byte> bytes)
    {
        if (encoding is null)
        {
            return null;
        }

        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
