using System.Globalization;
using Awards.Core.Exports;
using Awards.Core.Exports.Sheets;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Core.Tests.Exports.Sheets;

/// <summary>The prize list workbook: a valid package, its sheets, rows, layout and names.</summary>
public class PrizeListWorkbookTests
{
    private const string LongTitle = "山那边的路——一位驻村第一书记与二十七户贫困家庭的三年";

    private static readonly string[] TrackHeader = ["名次", "奖次", "编号", "标题", "作者（被推荐人）", "单位", "得分"];

    private static readonly ExportContest Proposed =
        new("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", new DateTime(2026, 10, 17), false);

    private static readonly PrizeTrack Essays = new(
        "help-story",
        "征文：我的帮扶故事",
        [
            new PrizeRow(1, 1, "一等奖", "E-001", LongTitle, "张三", "清河市农业农村局", 92.456m),
            new PrizeRow(2, 2, "二等奖", "E-014", "桥", "李四", "清河市教育局", 88.5m),
            new PrizeRow(2, 2, "二等奖", "E-009", " 前后有空格 ", "王五", "清河市民政局", 88.5m),
            new PrizeRow(4, 3, "三等奖", "E-020", "控制\u0001字符", "赵六", "清河市卫健委", 80m),
        ]);

    private static readonly PrizeTrack UnitAward = new(
        "organizer",
        "优秀组织奖",
        [new PrizeRow(1, 1, "优秀组织奖", string.Empty, "组织有力", "清河市教育局", "清河市教育局", null)]);

    [Fact]
    public void Write_GivesAValidWorkbook()
    {
        using var book = Write(Essays, UnitAward);

        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public void Write_PutsTheSummaryFirst_ThenOneSheetPerTrackInOrder()
    {
        using var book = Write(Essays, UnitAward);

        Assert.Equal(["汇总", "征文：我的帮扶故事", "优秀组织奖"], book.SheetNames);
    }

    [Fact]
    public void Summary_CountsPrizesPerTrackAndLevel_WithATotalRow()
    {
        using var book = Write(Essays, UnitAward);

        Assert.Equal(
            [
                ["奖项", "奖次", "获奖数"],
                ["征文：我的帮扶故事", "一等奖", "1"],
                ["征文：我的帮扶故事", "二等奖", "2"],
                ["征文：我的帮扶故事", "三等奖", "1"],
                ["优秀组织奖", "优秀组织奖", "1"],
                ["合计", null, "5"],
            ],
            book.Rows("汇总"));
    }

    [Fact]
    public void Summary_ListsATrackWithoutPrizes_WithZero()
    {
        using var book = Write(new PrizeTrack("empty", "空赛道", []));

        Assert.Equal([["奖项", "奖次", "获奖数"], ["空赛道", null, "0"], ["合计", null, "0"]], book.Rows("汇总"));
        Assert.Equal([TrackHeader], book.Rows("空赛道"));
        Assert.Equal("A1:G1", book.Worksheet("空赛道").GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public void TrackSheet_HasTheHeaderAndThePrizesInOrder()
    {
        using var book = Write(Essays, UnitAward);

        Assert.Equal(
            [
                TrackHeader,
                ["1", "一等奖", "E-001", LongTitle, "张三", "清河市农业农村局", "92.456"],
                ["2", "二等奖", "E-014", "桥", "李四", "清河市教育局", "88.5"],
                ["2", "二等奖", "E-009", " 前后有空格 ", "王五", "清河市民政局", "88.5"],
                ["4", "三等奖", "E-020", "控制字符", "赵六", "清河市卫健委", "80"],
            ],
            book.Rows("征文：我的帮扶故事"));
    }

    [Fact]
    public void TrackSheet_WritesNumbersAsNumbers_AndScoresWithTwoDecimals()
    {
        using var book = Write(Essays);

        var place = book.Cell("征文：我的帮扶故事", "A2")!;
        var score = book.Cell("征文：我的帮扶故事", "G2")!;
        var title = book.Cell("征文：我的帮扶故事", "D2")!;
        Assert.Equal(CellValues.Number, place.DataType!.Value);
        Assert.Equal(CellValues.Number, score.DataType!.Value);
        Assert.Equal(92.456m, decimal.Parse(score.CellValue!.Text, CultureInfo.InvariantCulture));
        Assert.Equal("0.00", book.FormatCode(book.Format(score)));
        Assert.Equal("General", book.FormatCode(book.Format(place)));
        Assert.NotEqual(CellValues.Number, title.DataType!.Value);
    }

    [Fact]
    public void AUnitAwardsSheet_NamesEachUnitOnce_WithoutEmptyCodeTitleOrScoreColumns()
    {
        var track = new PrizeTrack(
            "outstanding-organization",
            "征文优秀组织奖",
            [new PrizeRow(1, 1, "优秀组织奖", string.Empty, string.Empty, "河东区", string.Empty, null), new PrizeRow(2, 1, "优秀组织奖", string.Empty, string.Empty, "市教育局", string.Empty, null)],
            Units: true);
        using var book = Write(track);

        Assert.Equal([["名次", "奖次", "获奖单位"], ["1", "优秀组织奖", "河东区"], ["2", "优秀组织奖", "市教育局"]], book.Rows("征文优秀组织奖"));
    }

    [Fact]
    public void TrackSheet_LeavesANullScoreEmpty()
    {
        using var book = Write(UnitAward);

        Assert.Null(book.Rows("优秀组织奖")[1][6]);
        Assert.Null(book.Cell("优秀组织奖", "G2")?.CellValue);
        Assert.Null(book.Rows("优秀组织奖")[1][2]); // No code: nothing written either.
    }

    [Fact]
    public void EverySheet_HasABoldFilledHeader_FrozenWithAFilter()
    {
        using var book = Write(Essays, UnitAward);

        var filterNames = book.Workbook.DefinedNames!.Elements<DefinedName>().Where(n => n.Name != "_xlnm.Print_Titles").ToList();
        foreach (var (name, index, range, definedRange) in new[]
        {
            ("汇总", 0U, "A1:C5", "$A$1:$C$5"),
            ("征文：我的帮扶故事", 1U, "A1:G5", "$A$1:$G$5"),
            ("优秀组织奖", 2U, "A1:G2", "$A$1:$G$2"),
        })
        {
            var sheet = book.Worksheet(name);
            var pane = sheet.GetFirstChild<SheetViews>()!.GetFirstChild<SheetView>()!.Pane!;
            Assert.Equal(1D, pane.VerticalSplit!.Value);
            Assert.Equal("A2", pane.TopLeftCell!.Value);
            Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
            Assert.Equal(range, sheet.GetFirstChild<AutoFilter>()!.Reference!.Value);

            var filterName = Assert.Single(filterNames, n => n.LocalSheetId?.Value == index);
            Assert.Equal("_xlnm._FilterDatabase", filterName.Name!.Value);
            Assert.True(filterName.Hidden!.Value);
            Assert.Equal($"'{name}'!{definedRange}", filterName.Text);

            var header = book.Format(book.Cell(name, "A1")!);
            Assert.NotNull(book.Font(header).GetFirstChild<Bold>());
            Assert.NotEqual(0U, header.FillId!.Value);
        }

        Assert.Equal(3, filterNames.Count);
    }

    [Fact]
    public void Summary_KeepsItsTotalRowOutOfTheFilter_AndBold()
    {
        using var book = Write(Essays, UnitAward);

        Assert.Equal("A1:C5", book.Worksheet("汇总").GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.NotNull(book.Font(book.Format(book.Cell("汇总", "A6")!)).GetFirstChild<Bold>());
    }

    [Fact]
    public void Columns_AreFittedToContent_CountingChineseAsTwo()
    {
        var veryLong = new PrizeRow(5, 3, "三等奖", "E-100", new string('长', 100), "钱七", "单位", 70m);
        using var book = Write(Essays with { Rows = [.. Essays.Rows, veryLong] });

        var widths = book.ColumnWidths("征文：我的帮扶故事");
        Assert.Equal(7, widths.Count);
        Assert.Equal(6D, widths[0]); // 名次: 4 + 2.
        Assert.Equal(60D, widths[3]); // 标题: clamped.
        Assert.True(widths[3] > widths[0]);
        Assert.Equal(18D, widths[4]); // 作者（被推荐人）: 8 wide characters + 2.
        Assert.All(widths, w => Assert.InRange(w, 6D, 60D));

        // Without the very long title, 标题 fits the long title: 25 ideographs, 2 dashes (narrow), + 2.
        using var shorter = Write(Essays);
        Assert.Equal(54D, shorter.ColumnWidths("征文：我的帮扶故事")[3]);
    }

    [Fact]
    public void SheetNames_AreSanitized_Truncated_AndUnique()
    {
        const string Long = "2026年清河市扶贫日表彰暨征文活动征文类：我的帮扶故事与乡村振兴实践";
        using var book = Write(
            new PrizeTrack("a", "征文/优秀[组织]奖*?:\\", []),
            new PrizeTrack("b", Long, []),
            new PrizeTrack("c", Long, []),
            new PrizeTrack("d", "汇总", []),
            new PrizeTrack("e", "征文优秀组织奖", []));

        var names = book.SheetNames;
        Assert.Equal(
            ["汇总", "征文优秀组织奖", Long[..31], Long[..27] + " (2)", "汇总 (2)", "征文优秀组织奖 (2)"],
            names);
        Assert.All(names, n => Assert.True(n.Length <= 31, n));
        Assert.All(names, n => Assert.Equal(-1, n.IndexOfAny(['[', ']', ':', '*', '?', '/', '\\'])));
        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public void Status_IsInTheDocumentProperties_NotInTheCells()
    {
        using (var proposed = Write(Essays))
        {
            Assert.Equal(Proposed.Name, proposed.Document.PackageProperties.Title);
            Assert.Equal("拟获奖（公示中）", proposed.Document.PackageProperties.Subject);
            Assert.DoesNotContain(proposed.Rows("汇总").SelectMany(r => r), v => v?.Contains('拟', StringComparison.Ordinal) == true);
        }

        using var final = WorkbookReader.Write(s => PrizeListWorkbook.Write(s, Proposed with { IsFinal = true }, [Essays]));
        Assert.Equal("最终结果", final.Document.PackageProperties.Subject);
        Assert.Equal(["汇总", "征文：我的帮扶故事"], final.SheetNames);
    }

    [Fact]
    public void Write_OfNoTracks_IsTheSummaryAlone()
    {
        using var book = Write();

        Assert.Equal(["汇总"], book.SheetNames);
        Assert.Equal([["奖项", "奖次", "获奖数"], ["合计", null, "0"]], book.Rows("汇总"));
        Assert.Equal("A1:C1", book.Worksheet("汇总").GetFirstChild<AutoFilter>()!.Reference!.Value);
        Assert.Empty(book.ValidationErrors());
    }

    [Fact]
    public void Write_OfTwentyThousandRows_IsValid()
    {
        var rows = Enumerable.Range(1, 20_000)
            .Select(i => new PrizeRow(i, 1 + (i % 3), $"{1 + (i % 3)}等奖", $"E-{i:D5}", $"第{i}篇征文的标题", $"作者{i}", $"单位{i % 50}", i % 7 == 0 ? null : 60m + (i % 4000 / 100m)))
            .ToList();

        using var book = Write(new PrizeTrack("big", "大量作品", rows));

        Assert.Empty(book.ValidationErrors());
        var sheet = book.Rows("大量作品");
        Assert.Equal(20_001, sheet.Count);
        Assert.Equal(["20000", "3等奖", "E-20000", "第20000篇征文的标题", "作者20000", "单位0"], sheet[^1].Take(6));
        Assert.Equal(60m, decimal.Parse(sheet[^1][6]!, CultureInfo.InvariantCulture));
        Assert.Null(sheet[7][6]); // Place 7 has no score.
        Assert.Equal("A1:G20001", book.Worksheet("大量作品").GetFirstChild<AutoFilter>()!.Reference!.Value);
    }

    [Fact]
    public void Write_PrintsEachSheetOnePageWide_WithTheStatusInTheHeader_AndTheHeaderRowOnEveryPage()
    {
        using var book = Write(Essays, UnitAward);

        foreach (var (name, index) in book.SheetNames.Select((n, i) => (n, i)))
        {
            var sheet = book.Worksheet(name);
            Assert.True(sheet.GetFirstChild<SheetProperties>()?.PageSetupProperties?.FitToPage?.Value);
            var setup = sheet.GetFirstChild<PageSetup>()!;
            Assert.Equal(1U, setup.FitToWidth!.Value);
            Assert.Equal(0U, setup.FitToHeight!.Value);
            Assert.Equal(9U, setup.PaperSize!.Value);

            // The essays' sheet, with its long titles, in landscape; the narrow ones upright.
            Assert.Equal(name == Essays.Name ? OrientationValues.Landscape : OrientationValues.Portrait, setup.Orientation!.Value);
            Assert.Contains("拟获奖（公示中）", sheet.GetFirstChild<HeaderFooter>()!.OddHeader!.Text, StringComparison.Ordinal);

            var titles = book.Workbook.DefinedNames!.Elements<DefinedName>().Single(d => d.Name == "_xlnm.Print_Titles" && d.LocalSheetId!.Value == index);
            Assert.EndsWith("!$1:$1", titles.Text, StringComparison.Ordinal);
        }

        using var final = WorkbookReader.Write(s => PrizeListWorkbook.Write(s, Proposed with { IsFinal = true }, [Essays]));
        Assert.Contains("最终结果", final.Worksheet("汇总").GetFirstChild<HeaderFooter>()!.OddHeader!.Text, StringComparison.Ordinal);
        Assert.Empty(final.ValidationErrors());
    }

    [Fact]
    public void AMixedWorkbook_PrintsEachSheetsOwnStatus_AndTheSummarySaysWhichAwardIsOnNotice()
    {
        var final = Essays with { Final = true };
        var onNotice = UnitAward with { Final = false };
        using var book = WorkbookReader.Write(s => PrizeListWorkbook.Write(s, Proposed, [final, onNotice]));

        string Header(string sheet) => book.Worksheet(sheet).GetFirstChild<HeaderFooter>()!.OddHeader!.Text;
        Assert.EndsWith("（最终结果）", Header(Essays.Name), StringComparison.Ordinal);
        Assert.EndsWith("（拟获奖（公示中））", Header(UnitAward.Name), StringComparison.Ordinal);
        Assert.EndsWith("（最终结果及拟获奖（公示中））", Header("汇总"), StringComparison.Ordinal);
        Assert.Equal("最终结果及拟获奖（公示中）", book.Document.PackageProperties.Subject);
        Assert.Equal(
            [
                ["奖项", "奖次", "获奖数", "状态"],
                ["征文：我的帮扶故事", "一等奖", "1", "最终结果"],
                ["征文：我的帮扶故事", "二等奖", "2", "最终结果"],
                ["征文：我的帮扶故事", "三等奖", "1", "最终结果"],
                ["优秀组织奖", "优秀组织奖", "1", "拟获奖（公示中）"],
                ["合计", null, "5", null],
            ],
            book.Rows("汇总"));
        Assert.Empty(book.ValidationErrors());

        // All of one stage, the summary keeps its three columns.
        using var allFinal = WorkbookReader.Write(s => PrizeListWorkbook.Write(s, Proposed, [final, UnitAward with { Final = true }]));
        Assert.Equal([["奖项", "奖次", "获奖数"]], allFinal.Rows("汇总").Take(1));
        Assert.EndsWith("（最终结果）", allFinal.Worksheet(UnitAward.Name).GetFirstChild<HeaderFooter>()!.OddHeader!.Text, StringComparison.Ordinal);
        Assert.Equal("最终结果", allFinal.Document.PackageProperties.Subject);
    }

    [Fact]
    public void Write_ConvertsToPdf_NeedsLibreOffice()
    {
        var directory = Directory.CreateTempSubdirectory("awards-sheets-");
        try
        {
            var file = Path.Combine(directory.FullName, "prizes.xlsx");
            using (var stream = File.Create(file))
            {
                PrizeListWorkbook.Write(stream, Proposed, [Essays, UnitAward]);
            }

            var pdf = LibreOffice.TryConvertToPdf(file, directory.FullName);
            if (pdf is null)
            {
                // LibreOffice is not installed and xunit 2 cannot skip at run time, so this test
                // falls back to the check that needs no LibreOffice: the package validates.
                using var stream = File.OpenRead(file);
                using var copy = WorkbookReader.Write(s => stream.CopyTo(s));
                Assert.Empty(copy.ValidationErrors());
                return;
            }

            Assert.True(File.Exists(pdf), $"No PDF at {pdf}.");
            Assert.True(new FileInfo(pdf).Length > 0, "The PDF is empty.");

            // Three sheets, each on one page: no sheet's columns split across pages.
            if (File.Exists("/usr/bin/pdfinfo"))
            {
                using var info = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdfinfo", [pdf]) { RedirectStandardOutput = true })!;
                var pages = info.StandardOutput.ReadToEnd().Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal));
                info.WaitForExit();
                Assert.Equal("3", pages["Pages:".Length..].Trim());
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ATitleLongerThanItsColumn_Wraps_SoThePrintedListShowsAllOfIt()
    {
        const string VeryLong = "在那些风雨兼程的日子里：一位驻村第一书记、两任村委会主任与三百二十六户建档立卡贫困户共同走过的一千零九十五个日夜——记清河市青山县石桥镇高坪村的蜕变历程";
        var track = new PrizeTrack("help-story", "征文：我的帮扶故事", [new PrizeRow(1, 1, "一等奖", "E-001", VeryLong, "张三", "清河市农业农村局", 92m), new PrizeRow(2, 1, "一等奖", "E-002", "桥", "李四", "清河县", 90m)]);
        using (var book = Write(track))
        {
            Assert.Empty(book.ValidationErrors());
            var title = book.Cell(track.Name, "D2")!;
            Assert.True(book.Format(title).Alignment?.WrapText?.Value, "The long title wraps.");
            Assert.True(book.Format(book.Cell(track.Name, "D3")!).Alignment?.WrapText?.Value, "Its column wraps throughout.");

            // The columns that fit their text do not wrap, and the summary is as it was.
            Assert.NotEqual(true, book.Format(book.Cell(track.Name, "E2")!).Alignment?.WrapText?.Value);
            Assert.NotEqual(true, book.Format(book.Cell("汇总", "A2")!).Alignment?.WrapText?.Value);
        }

        var directory = Directory.CreateTempSubdirectory("awards-sheets-");
        try
        {
            var file = Path.Combine(directory.FullName, "long.xlsx");
            using (var stream = File.Create(file))
            {
                PrizeListWorkbook.Write(stream, Proposed, [track]);
            }

            if (LibreOffice.TryConvertToPdf(file, directory.FullName) is { } pdf && File.Exists("/usr/bin/pdftotext"))
            {
                using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true })!;
                var text = process.StandardOutput.ReadToEnd();
                process.WaitForExit();
                Assert.Contains("高坪村的蜕变历程", string.Concat(text.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static WorkbookReader Write(params PrizeTrack[] tracks) =>
        WorkbookReader.Write(s => PrizeListWorkbook.Write(s, Proposed, tracks));
}
