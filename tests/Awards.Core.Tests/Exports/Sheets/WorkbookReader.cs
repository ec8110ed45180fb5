using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Core.Tests.Exports.Sheets;

/// <summary>A written workbook, reopened for reading: sheets by name, cells as text, and the validator's errors.</summary>
internal sealed class WorkbookReader : IDisposable
{
    private readonly MemoryStream _stream;

    private WorkbookReader(MemoryStream stream)
    {
        _stream = stream;
        Document = SpreadsheetDocument.Open(stream, isEditable: false);
    }

    public SpreadsheetDocument Document { get; }

    public Workbook Workbook => Document.WorkbookPart!.Workbook;

    public IReadOnlyList<string> SheetNames =>
        [.. Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    /// <summary>Writes a workbook to a memory stream, checks the stream is left open, and reopens it.</summary>
    public static WorkbookReader Write(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        Assert.True(stream.CanRead, "The writer closed the caller's stream.");
        stream.Position = 0;
        return new WorkbookReader(stream);
    }

    /// <summary>The validator's errors as readable lines (empty for a valid workbook).</summary>
    public IReadOnlyList<string> ValidationErrors() =>
        [.. new OpenXmlValidator(FileFormatVersions.Office2013).Validate(Document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")];

    public Worksheet Worksheet(string sheetName)
    {
        var sheet = Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)Document.WorkbookPart!.GetPartById(sheet.Id!.Value!)).Worksheet;
    }

    /// <summary>The sheet's rows from row 1, each as wide as the widest row; a missing cell is null.</summary>
    public IReadOnlyList<string?[]> Rows(string sheetName)
    {
        var rows = Worksheet(sheetName).GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var width = rows.SelectMany(r => r.Elements<Cell>()).Select(c => ColumnIndex(c.CellReference!)).DefaultIfEmpty(-1).Max() + 1;
        var grid = new List<string?[]>();
        foreach (var row in rows)
        {
            Assert.Equal((uint)(grid.Count + 1), row.RowIndex!.Value);
            var values = new string?[width];
            foreach (var cell in row.Elements<Cell>())
            {
                Assert.EndsWith(row.RowIndex.Value.ToString(CultureInfo.InvariantCulture), cell.CellReference!.Value, StringComparison.Ordinal);
                values[ColumnIndex(cell.CellReference!)] = Value(cell);
            }

            grid.Add(values);
        }

        return grid;
    }

    public Cell? Cell(string sheetName, string reference) =>
        Worksheet(sheetName).Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    /// <summary>The widths of the sheet's columns, from A.</summary>
    public IReadOnlyList<double> ColumnWidths(string sheetName) =>
        [.. Worksheet(sheetName).GetFirstChild<Columns>()!.Elements<Column>().OrderBy(c => c.Min!.Value).Select(c => c.Width!.Value)];

    /// <summary>The cell format a cell uses.</summary>
    public CellFormat Format(Cell cell) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    public Font Font(CellFormat format) =>
        Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value);

    /// <summary>The format code of a cell format's number format (custom or the built-in General).</summary>
    public string FormatCode(CellFormat format)
    {
        var id = format.NumberFormatId?.Value ?? 0;
        return id == 0
            ? "General"
            : Document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.NumberingFormats!.Elements<NumberingFormat>()
                .Single(f => f.NumberFormatId! == id).FormatCode!.Value!;
    }

    public void Dispose()
    {
        Document.Dispose();
        _stream.Dispose();
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }

    private string? Value(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString?.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var table = Document.WorkbookPart!.SharedStringTablePart!.SharedStringTable;
            return table.Elements<SharedStringItem>().ElementAt(int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)).InnerText;
        }

        return cell.CellValue?.Text;
    }
}
