using System.Globalization;
using Awards.Core.Exports;
using Awards.Core.Exports.Sheets;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Core.Tests.Exports.Sheets;

/// <summary>The per-unit statistics workbook: one valid sheet, rows as given, and a weighted total.</summary>
public class StatisticsWorkbookTests
{
    // Each header says what it counts: the essays of every theme, the rest only of the themes whose results are final.
    private static readonly string[] Header = ["单位", "参赛作品数（全部主题）", "已评分（已确定主题）", "获奖数（已确定主题）", "平均分（已确定主题）", "获奖积分（已确定主题）"];

    private static readonly ExportContest Final =
        new("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", new DateTime(2026, 10, 17), true);

    // Not in name order: the rows keep the order given.
    private static readonly UnitStatistics[] Units =
    [
        new("清河市教育局", 10, 8, 3, 85.5m, 12m),
        new("清河市农业农村局", 5, 2, 1, 70m, 4.5m),
        new("清河市民政局", 3, 0, 0, null, 0m),
    ];

    [Fact]
    public void Write_GivesAValidWorkbookWithOneSheet()
    {
        using var book = Write(Units);

        Assert.Empty(book.ValidationErrors());
        Assert.Equal(["参与情况"], book.SheetNames);
        Assert.Equal(Final.Name, book.Document.PackageProperties.Title);
        Assert.Equal("最终结果", book.Document.PackageProperties.Subject);
    }

    [Fact]
    public void Sheet_HasTheUnitsInTheOrderGiven_AndATotalRow()
    {
        using var book = Write(Units);

        var rows = book.Rows("参与情况");
        Assert.Equal(
            [
                Header,
                ["清河市教育局", "10", "8", "3", "85.5", "12"],
                ["清河市农业农村局", "5", "2", "1", "70", "4.5"],
                ["清河市民政局", "3", "0", "0", null, "0"],
            ],
            rows.Take(4));
        Assert.Equal(["合计", "18", "10", "4"], rows[4].Take(4));
        Assert.Equal(82.4m, decimal.Parse(rows[4][4]!, CultureInfo.InvariantCulture)); // (85.5 × 8 + 70 × 2) / 10.
        Assert.Equal(16.5m, decimal.Parse(rows[4][5]!, CultureInfo.InvariantCulture));
        Assert.Equal(5, rows.Count);
    }

    [Fact]
    public void Sheet_FormatsAveragesWithTwoDecimals_AndTheTotalRowBold()
    {
        using var book = Write(Units);

        var average = book.Cell("参与情况", "E2")!;
        Assert.Equal(CellValues.Number, average.DataType!.Value);
        Assert.Equal("0.00", book.FormatCode(book.Format(average)));
        Assert.Equal("0.00", book.FormatCode(book.Format(book.Cell("参与情况", "E5")!)));
        Assert.NotNull(book.Font(book.Format(book.Cell("参与情况", "A5")!)).GetFirstChild<Bold>());
        Assert.NotNull(book.Font(book.Format(book.Cell("参与情况", "A1")!)).GetFirstChild<Bold>());
        Assert.Null(book.Font(book.Format(book.Cell("参与情况", "A2")!)).GetFirstChild<Bold>());
    }

    [Fact]
    public void Sheet_IsFrozenAndFiltered_OverHeaderAndUnitsOnly()
    {
        using var book = Write(Units);

        var sheet = book.Worksheet("参与情况");
        var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.Pane!;
        Assert.Equal(1D, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal("A1:F4", sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
        var filterName = Assert.Single(book.Workbook.DefinedNames!.Elements<DefinedName>(), n => n.Name != "_xlnm.Print_Titles");
        Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
        Assert.Equal(0U, filterName.LocalSheetId!.Value);
        Assert.True(filterName.Hidden!.Value);
        Assert.Equal("'参与情况'!$A$1:$F$4", filterName.Text);
    }

    [Fact]
    public void Columns_AreFittedToContent()
    {
        using var book = Write(Units);

        // 单位: 清河市农业农村局 is 8 wide characters; the headers, which say what each column counts, 10 to 11.
        Assert.Equal([18D, 24D, 22D, 22D, 22D, 24D], book.ColumnWidths("参与情况"));
    }

    [Fact]
    public void Headers_OfAProposedExport_SayTheScoresAreOfThemesPublished()
    {
        using var book = WorkbookReader.Write(s => StatisticsWorkbook.Write(s, Final with { IsFinal = false }, Units));

        Assert.Equal(["单位", "参赛作品数（全部主题）", "已评分（已公示主题）", "获奖数（已公示主题）", "平均分（已公示主题）", "获奖积分（已公示主题）"], book.Rows("参与情况")[0].AsEnumerable());
    }

    [Fact]
    public void ThePrintHeader_OfAnExportWithFinalResultsAndResultsOnNotice_SaysItHoldsBoth()
    {
        string Header(ExportContest contest)
        {
            using var book = WorkbookReader.Write(s => StatisticsWorkbook.Write(s, contest, Units));
            return book.Worksheet("参与情况").GetFirstChild<DocumentFormat.OpenXml.Spreadsheet.HeaderFooter>()!.OddHeader!.Text!;
        }

        Assert.EndsWith("（最终结果及拟获奖（公示中））", Header(Final with { IsFinal = false, IncludesFinal = true }), StringComparison.Ordinal);
        Assert.EndsWith("（拟获奖（公示中））", Header(Final with { IsFinal = false }), StringComparison.Ordinal);
        Assert.EndsWith("（最终结果）", Header(Final), StringComparison.Ordinal);
    }

    [Fact]
    public void Total_WithoutAnyScoredUnit_LeavesTheAverageEmpty()
    {
        using var book = Write([new("清河市民政局", 3, 0, 0, null, 0m)]);

        Assert.Equal(["合计", "3", "0", "0", null, "0"], book.Rows("参与情况")[2].AsEnumerable());
        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public void Write_OfNoUnits_IsTheHeaderAndAZeroTotal()
    {
        using var book = Write([]);

        Assert.Equal([Header, ["合计", "0", "0", "0", null, "0"]], book.Rows("参与情况"));
        Assert.Equal("A1:F1", book.Worksheet("参与情况").GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Empty(book.ValidationErrors());
    }

    // The prize list's 20,000-row test runs the validator; this one checks the rows and the total only, to stay fast.
    [Fact]
    public void Write_OfTwentyThousandUnits_KeepsEveryRowAndTheTotal()
    {
        var units = Enumerable.Range(1, 20_000)
            .Select(i => new UnitStatistics($"单位{i:D5}", i % 9, i % 5, i % 3, i % 5 == 0 ? null : 60m + (i % 40), i % 3 * 1.5m))
            .ToList();

        using var book = Write(units);

        var rows = book.Rows("参与情况");
        Assert.Equal(20_002, rows.Count);
        Assert.Equal("单位20000", rows[20_000][0]);
        Assert.Equal("合计", rows[^1][0]);
        Assert.Equal(units.Sum(u => u.Entries).ToString(CultureInfo.InvariantCulture), rows[^1][1]);
    }

    private static WorkbookReader Write(IReadOnlyList<UnitStatistics> units) =>
        WorkbookReader.Write(s => StatisticsWorkbook.Write(s, Final, units));
}
