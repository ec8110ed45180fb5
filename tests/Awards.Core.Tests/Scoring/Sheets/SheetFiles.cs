using System.Globalization;
using System.IO.Compression;
using System.Text;
using Awards.Core.Scoring.Sheets;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Core.Tests.Scoring.Sheets;

/// <summary>An inline string cell (t="inlineStr") rather than a shared string.</summary>
internal sealed record Inline(string Text);

/// <summary>A shared string of two runs with a phonetic guide, as Excel stores Chinese with pinyin.</summary>
internal sealed record WithPinyin(string First, string Second, string Pinyin);

/// <summary>A formula cell holding its cached result.</summary>
internal sealed record Formula(string Expression, string CachedValue);

/// <summary>A numeric cell holding <paramref name="Value"/> as written, e.g. Excel's "85.499999999999986".</summary>
internal sealed record Stored(string Value);

/// <summary>A boolean cell (t="b").</summary>
internal sealed record Flag(bool Value);

/// <summary>Builds score sheets in code and reads them.</summary>
internal static class SheetFiles
{
    public const string CsvHeader = "Entry code,Judge e-mail,Content,Expression,Creativity,Comment";

    /// <summary>A three-criterion rubric, named in Chinese and English.</summary>
    public static readonly IReadOnlyList<SheetCriterion> Criteria =
    [
        new(11, ["内容", "Content"]),
        new(12, ["表达", "Expression"]),
        new(13, ["创意", "Creativity"]),
    ];

    public static ScoreSheet Read(byte[] content, string fileName = "scores.csv", SheetLimits? limits = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        return ScoreSheetReader.Read(stream, fileName, Criteria, limits ?? SheetLimits.Default);
    }

    public static ScoreSheet ReadCsv(string text) => Read(Utf8(text));

    public static byte[] Utf8(string text, bool bom = false) =>
        [.. bom ? Encoding.UTF8.GetPreamble() : [], .. Encoding.UTF8.GetBytes(text)];

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    /// <summary>Each error as the web layer would show it: "line: formatted message".</summary>
    public static string[] Messages(ScoreSheet sheet) =>
        [.. sheet.Errors.Select(error => error.Line.ToString(CultureInfo.InvariantCulture) + ": "
            + string.Format(CultureInfo.InvariantCulture, error.MessageKey, [.. error.Arguments]))];

    public static (int Criterion, decimal Score)[] Scores(SheetRow row) =>
        [.. row.Values.OrderBy(pair => pair.Key).Select(pair => (pair.Key, pair.Value))];

    /// <summary>Asserts that the whole file was refused with <paramref name="messageKey"/>.</summary>
    public static SheetError AssertRefused(string messageKey, ScoreSheet sheet)
    {
        Assert.False(sheet.IsValid);
        Assert.Empty(sheet.Rows);
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(0, error.Line);
        Assert.Equal(messageKey, error.MessageKey);
        return error;
    }

    /// <summary>
    /// A workbook whose first worksheet holds <paramref name="rows"/>, numbered from 1: a null row
    /// is left out (a gap), an empty one is written as an empty &lt;row&gt;. In a row, a string is a
    /// shared string, a number a numeric cell, null no cell; see also <see cref="Inline"/>,
    /// <see cref="WithPinyin"/>, <see cref="Formula"/>, <see cref="Stored"/> and <see cref="Flag"/>.
    /// </summary>
    public static byte[] Xlsx(params object?[]?[] rows) => Xlsx(rows, hiddenSheetFirst: false);

    public static byte[] Xlsx(object?[]?[] rows, bool hiddenSheetFirst, SpreadsheetDocumentType type = SpreadsheetDocumentType.Workbook)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, type))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
            var stringsPart = workbookPart.AddNewPart<SharedStringTablePart>();
            stringsPart.SharedStringTable = new SharedStringTable();
            var strings = new SharedStrings(stringsPart.SharedStringTable);
            if (hiddenSheetFirst)
            {
                var hidden = AddWorksheet(workbookPart, strings, [["Lists"], ["Not", "scores"]]);
                sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(hidden), SheetId = 1, Name = "Lists", State = SheetStateValues.Hidden });
            }

            var worksheet = AddWorksheet(workbookPart, strings, rows);
            sheets.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheet), SheetId = 2, Name = "评分" });
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary><paramref name="xlsx"/> with more entries added by <paramref name="addMore"/>.</summary>
    public static byte[] WithEntries(byte[] xlsx, Action<ZipArchive> addMore)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            addMore(zip);
        }

        return stream.ToArray();
    }

    private static WorksheetPart AddWorksheet(WorkbookPart workbookPart, SharedStrings strings, object?[]?[] rows)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is not { } cells)
            {
                continue;
            }

            var rowIndex = (uint)(i + 1);
            var row = new Row { RowIndex = rowIndex };
            for (var column = 0; column < cells.Length; column++)
            {
                if (cells[column] is { } value)
                {
                    var cell = Cell(value, strings);
                    cell.CellReference = ColumnName(column) + rowIndex.ToString(CultureInfo.InvariantCulture);
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        part.Worksheet = new Worksheet(data);
        return part;
    }

    private static Cell Cell(object value, SharedStrings strings) => value switch
    {
        string text => strings.Add(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve })),
        WithPinyin p => strings.Add(new SharedStringItem(
            new Run(new Text(p.First)),
            new Run(new Text(p.Second)),
            new PhoneticRun(new Text(p.Pinyin)) { BaseTextStartIndex = 0, EndingBaseIndex = 2 })),
        Inline inline => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(inline.Text)) },
        Formula formula => new Cell { CellFormula = new CellFormula(formula.Expression), CellValue = new CellValue(formula.CachedValue) },
        Stored stored => new Cell { CellValue = new CellValue(stored.Value) },
        Flag flag => new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(flag.Value ? "1" : "0") },
        IFormattable number => new Cell { CellValue = new CellValue(number.ToString(null, CultureInfo.InvariantCulture)) },
        _ => throw new ArgumentException("Unsupported cell value.", nameof(value)),
    };

    private static string ColumnName(int column)
    {
        var name = string.Empty;
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Appends shared strings, counting them (the SDK's element list counts by walking it).</summary>
    private sealed class SharedStrings(SharedStringTable table)
    {
        private int _count;

        public Cell Add(SharedStringItem item)
        {
            table.Append(item);
            return new Cell { DataType = CellValues.SharedString, CellValue = new CellValue((_count++).ToString(CultureInfo.InvariantCulture)) };
        }
    }
}
