using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SheetList = DocumentFormat.OpenXml.Spreadsheet.Sheets;

namespace Awards.Core.Exports.Sheets;

/// <summary>
/// Writes a workbook of plain lists: each sheet has its header in row 1 (bold, light fill, frozen,
/// with an autofilter over header and data), its data from row 2, optional subtotal rows and a
/// bold total row below the filtered range, and columns as wide as their content. Rows are streamed with
/// <see cref="OpenXmlWriter"/>, never built as a DOM; strings are inline, numbers invariant. The
/// contest's name and status go into the core properties, not the cells.
/// </summary>
/// <remarks>
/// System.IO.Packaging opens a package created on a stream in zip update mode, which keeps each
/// part's bytes in memory until the package closes and needs a readable, seekable stream: memory
/// grows with the file's size (about 0.5 MB of XML per thousand prize rows), not with objects.
/// </remarks>
internal sealed class WorkbookWriter : IDisposable
{
    /// <summary>The status in the core properties' subject while results are only proposed.</summary>
    public const string ProposedStatus = "拟获奖（公示中）";

    /// <summary>The status in the core properties' subject once results are final.</summary>
    public const string FinalStatus = "最终结果";

    /// <summary>The status of a workbook whose sheets are some final, some on notice: each sheet's header says its own.</summary>
    public const string MixedStatus = "最终结果及拟获奖（公示中）";

    private const string FilterDatabase = "_xlnm._FilterDatabase";

    private const string PrintTitles = "_xlnm.Print_Titles";

    // Wider than this (in characters, all columns) prints across an A4 page in landscape.
    private const int PortraitWidth = 90;

    // A4 in the paper sizes of SpreadsheetML.
    private const uint A4Paper = 9;

    private const uint ScoreFormatId = 164;

    // Whole yuan with thousands separators ("#,##0"), written out rather than the built-in 3 so
    // that the file says what it means.
    private const uint AmountFormatId = 165;

    private const int MinWidth = 6;

    private const int MaxWidth = 60;

    // The height in points of a line of 11-point 宋体, with its leading.
    private const int LineHeight = 15;

    private readonly SpreadsheetDocument _document;

    private readonly WorkbookPart _workbookPart;

    private readonly List<(string Name, string PartId, string FilterRange, string PrintTitles)> _sheets = [];

    private readonly string _contestName;

    private readonly ExportStage _stage;

    // Excel reserves "History" for its change-tracking sheet.
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase) { "History" };

    private bool _finished;

    /// <summary>
    /// Starts a workbook on <paramref name="output"/>, which stays open. <paramref name="stage"/> is
    /// the whole workbook's (its subject, and the print header of a sheet that does not say its
    /// own); when null, the contest's <c>IsFinal</c> and <c>IncludesFinal</c> say.
    /// </summary>
    public WorkbookWriter(Stream output, ExportContest contest, ExportStage? stage = null)
    {
        _document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        _stage = stage ?? (contest.IsFinal ? ExportStage.Final : contest.IncludesFinal ? ExportStage.Mixed : ExportStage.Proposed);
        _contestName = contest.Name;
        _document.PackageProperties.Title = contest.Name;
        _document.PackageProperties.Subject = Status(_stage);
        _document.PackageProperties.Creator = contest.IssuingOffice;
        _workbookPart = _document.AddWorkbookPart();
        var styles = _workbookPart.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = CreateStylesheet();
        styles.Stylesheet.Save();
    }

    /// <summary>
    /// Adds a sheet. <paramref name="items"/> is read twice: once to fit the column widths, once to
    /// write the rows, so only one row is held at a time.
    /// </summary>
    /// <param name="requestedName">The sheet's name before it is made valid and unique.</param>
    /// <param name="headers">The column headers.</param>
    /// <param name="items">The data rows' sources, in order.</param>
    /// <param name="toCells">One data row's cells, as many as <paramref name="headers"/>.</param>
    /// <param name="total">A total row below the data, outside the filter; null for none.</param>
    /// <param name="stage">This sheet's stage, for its print header; the workbook's when null.</param>
    /// <param name="subtotals">
    /// Rows between the data and the total, outside the filter as the total is: sorting or
    /// filtering the data must not move them among the rows they add up. Null for none.
    /// </param>
    /// <returns>The sheet's name as written.</returns>
    public string AddSheet<T>(
        string requestedName,
        IReadOnlyList<string> headers,
        IReadOnlyList<T> items,
        Func<T, SheetCell[]> toCells,
        SheetCell[]? total = null,
        ExportStage? stage = null,
        IReadOnlyList<SheetCell[]>? subtotals = null)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var name = SheetText.UniqueSheetName(requestedName, _names);
        var lastColumn = ColumnName(headers.Count - 1);
        var lastFilterRow = 1 + items.Count;
        subtotals ??= [];
        var lastRow = lastFilterRow + subtotals.Count + (total is null ? 0 : 1);

        var widths = headers.Select(h => SheetText.DisplayWidth(h)).ToArray();
        foreach (var item in items)
        {
            Widen(widths, toCells(item));
        }

        foreach (var subtotal in subtotals)
        {
            Widen(widths, subtotal);
        }

        if (total is not null)
        {
            Widen(widths, total);
        }

        var part = _workbookPart.AddNewPart<WorksheetPart>();
        using (var writer = OpenXmlWriter.Create(part))
        {
            writer.WriteStartElement(new Worksheet());

            // Printed one page wide, as many pages down as it takes.
            writer.WriteElement(new SheetProperties(new PageSetupProperties { FitToPage = true }));
            writer.WriteElement(new SheetDimension { Reference = $"A1:{lastColumn}{lastRow}" });
            writer.WriteElement(new SheetViews(FrozenHeaderView(selected: _sheets.Count == 0)));
            writer.WriteElement(new SheetFormatProperties { DefaultRowHeight = 15D });
            writer.WriteElement(new Columns(widths.Select((w, i) => new Column
            {
                Min = (uint)(i + 1),
                Max = (uint)(i + 1),
                Width = Math.Clamp(w + 2, MinWidth, MaxWidth),
                CustomWidth = true,
            })));

            // A column held to the widest width (a long title) wraps its text: cut off at the
            // column's edge, the printed list lost the end of the title.
            var wrapped = widths.Select(w => w + 2 > MaxWidth ? MaxWidth : 0).ToArray();
            writer.WriteStartElement(new SheetData());
            WriteRow(writer, 1, headers.Select(h => SheetCell.Of(h, SheetStyle.Header)).ToArray(), wrapped);
            var rowIndex = 1;
            foreach (var item in items)
            {
                WriteRow(writer, ++rowIndex, toCells(item), wrapped);
            }

            foreach (var subtotal in subtotals)
            {
                WriteRow(writer, ++rowIndex, subtotal, wrapped);
            }

            if (total is not null)
            {
                WriteRow(writer, ++rowIndex, total, wrapped);
            }

            writer.WriteEndElement();
            writer.WriteElement(new AutoFilter { Reference = $"A1:{lastColumn}{lastFilterRow}" });
            writer.WriteElement(new PrintOptions { HorizontalCentered = true });
            writer.WriteElement(new PageMargins { Left = 0.7D, Right = 0.7D, Top = 0.75D, Bottom = 0.75D, Header = 0.3D, Footer = 0.3D });
            var wide = widths.Sum(w => Math.Clamp(w + 2, MinWidth, MaxWidth)) > PortraitWidth;
            writer.WriteElement(new PageSetup
            {
                PaperSize = A4Paper,
                FitToWidth = 1U,
                FitToHeight = 0U,
                Orientation = wide ? OrientationValues.Landscape : OrientationValues.Portrait,
            });
            writer.WriteElement(new HeaderFooter(new OddHeader(PrintHeader(stage ?? _stage)), new OddFooter("&C第 &P 页，共 &N 页")));
            writer.WriteEndElement();
            writer.Close();
        }

        var quoted = "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'";
        _sheets.Add((name, _workbookPart.GetIdOfPart(part), $"{quoted}!$A$1:${lastColumn}${lastFilterRow}", $"{quoted}!$1:$1"));
        return name;
    }

    /// <summary>Writes the workbook part (sheets and filter names) and closes the package; the stream stays open.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        var sheets = new SheetList(_sheets.Select((s, i) => new Sheet { Name = s.Name, SheetId = (uint)(i + 1), Id = s.PartId }));
        // Each sheet's filter range, and its header row repeated on every printed page.
        var names = new DefinedNames(_sheets.SelectMany((s, i) => new[]
        {
            new DefinedName(s.FilterRange) { Name = FilterDatabase, LocalSheetId = (uint)i, Hidden = true },
            new DefinedName(s.PrintTitles) { Name = PrintTitles, LocalSheetId = (uint)i },
        }));
        _workbookPart.Workbook = new Workbook(
            new BookViews(new WorkbookView { ActiveTab = 0U }),
            sheets,
            names);
        _workbookPart.Workbook.Save();
        _finished = true;
        _document.Dispose();
    }

    /// <summary>Closes the package without finishing it, e.g. after an exception.</summary>
    public void Dispose()
    {
        if (!_finished)
        {
            _finished = true;
            _document.Dispose();
        }
    }

    /// <summary>What a sheet or the subject says of results at <paramref name="stage"/>.</summary>
    public static string Status(ExportStage stage) => stage switch
    {
        ExportStage.Final => FinalStatus,
        ExportStage.Proposed => ProposedStatus,
        ExportStage.Draft => DraftListWorkbook.DraftStatus,
        _ => MixedStatus,
    };

    /// <summary>
    /// Printed at the top of every page: whether the sheet is final or still proposed, which
    /// otherwise shows only in the file's properties. "&amp;&amp;" is a literal ampersand in a header.
    /// </summary>
    private string PrintHeader(ExportStage stage) =>
        $"&C{_contestName.Replace("&", "&&", StringComparison.Ordinal)}（{Status(stage)}）";

    /// <summary>The letters of a zero-based column index: 0 is A, 26 is AA.</summary>
    private static string ColumnName(int index)
    {
        var name = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static void Widen(int[] widths, SheetCell[] cells)
    {
        for (var i = 0; i < cells.Length && i < widths.Length; i++)
        {
            widths[i] = Math.Max(widths[i], SheetText.DisplayWidth(cells[i].Display));
        }
    }

    private static SheetView FrozenHeaderView(bool selected) =>
        new(
            new Pane
            {
                VerticalSplit = 1D,
                TopLeftCell = "A2",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            },
            new Selection
            {
                Pane = PaneValues.BottomLeft,
                ActiveCell = "A2",
                SequenceOfReferences = new ListValue<StringValue> { InnerText = "A2" },
            })
        {
            TabSelected = selected,
            WorkbookViewId = 0U,
        };

    /// <summary>
    /// Writes a row cell by cell as start and end tags with attribute lists, without building
    /// each cell as an element: several times faster on large sheets.
    /// </summary>
    /// <param name="writer">The sheet's writer, inside sheetData.</param>
    /// <param name="rowIndex">The row's number, from 1.</param>
    /// <param name="cells">The row's cells.</param>
    /// <param name="wrapped">Per column, its width when its text wraps, else 0.</param>
    private static void WriteRow(OpenXmlWriter writer, int rowIndex, SheetCell[] cells, int[] wrapped)
    {
        var row = rowIndex.ToString(CultureInfo.InvariantCulture);

        // A row with wrapped text says its height: LibreOffice keeps a row one line high unless told.
        var lines = 1;
        for (var i = 0; i < cells.Length && i < wrapped.Length; i++)
        {
            if (wrapped[i] > 0 && cells[i].Style == SheetStyle.Default && cells[i].Text is { } wrappedText)
            {
                lines = Math.Max(lines, (SheetText.DisplayWidth(SheetText.Clean(wrappedText)) + wrapped[i] - 3) / (wrapped[i] - 2));
            }
        }

        List<OpenXmlAttribute> rowAttributes = [new OpenXmlAttribute("r", string.Empty, row)];
        if (lines > 1)
        {
            rowAttributes.Add(new OpenXmlAttribute("ht", string.Empty, (lines * LineHeight).ToString(CultureInfo.InvariantCulture)));
            rowAttributes.Add(new OpenXmlAttribute("customHeight", string.Empty, "1"));
        }

        writer.WriteStartElement(new Row(), rowAttributes);
        var attributes = new List<OpenXmlAttribute>(3);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.IsEmpty)
            {
                continue;
            }

            attributes.Clear();
            attributes.Add(new OpenXmlAttribute("r", string.Empty, ColumnName(i) + row));
            var style = cell.Style == SheetStyle.Default && cell.Number is null && i < wrapped.Length && wrapped[i] > 0 ? SheetStyle.Wrapped : cell.Style;
            if (style != SheetStyle.Default)
            {
                attributes.Add(new OpenXmlAttribute("s", string.Empty, ((uint)style).ToString(CultureInfo.InvariantCulture)));
            }

            if (cell.Number is decimal number)
            {
                attributes.Add(new OpenXmlAttribute("t", string.Empty, "n"));
                writer.WriteStartElement(new Cell(), attributes);
                writer.WriteStartElement(new CellValue());
                writer.WriteString(number.ToString(CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }
            else
            {
                var text = SheetText.Clean(cell.Text!);
                attributes.Add(new OpenXmlAttribute("t", string.Empty, "inlineStr"));
                writer.WriteStartElement(new Cell(), attributes);
                writer.WriteStartElement(new InlineString());
                if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                {
                    writer.WriteStartElement(new Text(), [new OpenXmlAttribute("xml", "space", "http://www.w3.org/XML/1998/namespace", "preserve")]);
                }
                else
                {
                    writer.WriteStartElement(new Text());
                }

                writer.WriteString(text);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    private static Stylesheet CreateStylesheet() =>
        new(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = ScoreFormatId, FormatCode = "0.00" },
                new NumberingFormat { NumberFormatId = AmountFormatId, FormatCode = "#,##0" })
            { Count = 2U },
            new Fonts(Font(bold: false), Font(bold: true)) { Count = 2U },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                new Fill(new PatternFill(
                    new ForegroundColor { Rgb = "FFDDEBF7" },
                    new BackgroundColor { Indexed = 64U })
                { PatternType = PatternValues.Solid }))
            { Count = 3U },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1U },
            new CellStyleFormats(new CellFormat(new Alignment { Vertical = VerticalAlignmentValues.Top }) { NumberFormatId = 0U, FontId = 0U, FillId = 0U, BorderId = 0U, ApplyAlignment = true }) { Count = 1U },
            new CellFormats(
                Format(SheetStyle.Default),
                Format(SheetStyle.Header),
                Format(SheetStyle.Score),
                Format(SheetStyle.Total),
                Format(SheetStyle.TotalScore),
                Format(SheetStyle.Wrapped),
                Format(SheetStyle.Amount),
                Format(SheetStyle.TotalAmount))
            { Count = 8U },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0U, BuiltinId = 0U }) { Count = 1U });

    /// <summary>宋体 11 with the GB2312 charset, so CJK text renders with a Chinese font everywhere.</summary>
    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(
            new FontSize { Val = 11D },
            new FontName { Val = "宋体" },
            new FontFamilyNumbering { Val = 3 },
            new FontCharSet { Val = 134 });
        return font;
    }

    /// <summary>The cellXfs entry of a style; its position must match the enum's value.</summary>
    private static CellFormat Format(SheetStyle style)
    {
        var bold = style is SheetStyle.Header or SheetStyle.Total or SheetStyle.TotalScore or SheetStyle.TotalAmount;
        var score = style is SheetStyle.Score or SheetStyle.TotalScore;
        var amount = style is SheetStyle.Amount or SheetStyle.TotalAmount;
        var header = style is SheetStyle.Header;
        var wrapped = style is SheetStyle.Wrapped;
        var format = new CellFormat
        {
            NumberFormatId = score ? ScoreFormatId : amount ? AmountFormatId : 0U,
            FontId = bold ? 1U : 0U,
            FillId = header ? 2U : 0U,
            BorderId = 0U,
            FormatId = 0U,
            ApplyNumberFormat = score || amount ? true : null,
            ApplyFont = bold ? true : null,
            ApplyFill = header ? true : null,
        };

        // Every cell at the top of its row, so that the rest of a row with a wrapped title lines up with its first line.
        format.Append(new Alignment { Vertical = VerticalAlignmentValues.Top, WrapText = wrapped ? true : null });
        format.ApplyAlignment = true;
        return format;
    }
}
