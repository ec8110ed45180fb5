using System.Globalization;
using Awards.Core.Exports;
using Awards.Core.Exports.Sheets;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Awards.Core.Tests.Exports.Sheets;

/// <summary>
/// The bonus payment sheet: each winner's amount, a subtotal per award, the total in figures and in
/// capitals; the filter holds the winners only, so that filtering or sorting never mixes a subtotal in.
/// </summary>
public class BonusWorkbookTests
{
    private static readonly ExportContest Final =
        new("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", new DateTime(2026, 10, 17), true);

    private static readonly BonusRow[] Rows =
    [
        new("征文：我的帮扶故事", new PrizeRow(1, 1, "一等奖", "E-001", "桥", "张三", "清河市农业农村局", 92m), 2000),
        new("征文：我的帮扶故事", new PrizeRow(2, 2, "二等奖", "E-014", "路", "李四", "清河市教育局", 88m), 1000),
        new("征文：我的帮扶故事", new PrizeRow(3, 2, "二等奖", "E-009", "山", "王五", "清河市民政局", 85m), 1000),
        new("优秀组织奖", new PrizeRow(1, 1, "优秀组织奖", string.Empty, string.Empty, "青山县扶贫办", string.Empty, null), 10050),
    ];

    [Fact]
    public void Sheet_ListsEachWinner_ThenASubtotalPerAward_AndTheTotalInCapitals()
    {
        using var book = WorkbookReader.Write(s => BonusWorkbook.Write(s, Final, Rows));

        Assert.Empty(book.ValidationErrors());
        Assert.Equal(["奖金发放表"], book.SheetNames);
        Assert.Equal("最终结果", book.Document.PackageProperties.Subject);
        Assert.Equal(
            [
                ["序号", "奖项", "奖次", "获奖者", "单位", "金额（元）", "领款人签名"],
                ["1", "征文：我的帮扶故事", "一等奖", "张三", "清河市农业农村局", "2000", null],
                ["2", "征文：我的帮扶故事", "二等奖", "李四", "清河市教育局", "1000", null],
                ["3", "征文：我的帮扶故事", "二等奖", "王五", "清河市民政局", "1000", null],
                ["4", "优秀组织奖", "优秀组织奖", "青山县扶贫办", null, "10050", null],
                [null, "征文：我的帮扶故事小计", null, null, null, "4000", null],
                [null, "优秀组织奖小计", null, null, null, "10050", null],
                ["合计", "大写：人民币壹万肆仟零伍拾元整", null, null, null, "14050", null],
            ],
            book.Rows("奖金发放表"));

        // Amounts print as yuan with thousands separators; subtotals and the total in bold.
        var amount = book.Format(book.Cell("奖金发放表", "F2")!);
        Assert.Equal("#,##0", book.FormatCode(amount));
        var subtotal = book.Format(book.Cell("奖金发放表", "F6")!);
        Assert.NotNull(book.Font(subtotal).Bold);
        Assert.Equal("#,##0", book.FormatCode(book.Format(book.Cell("奖金发放表", "F8")!)));

        // The signature column is wide enough to sign in, and a CJK font renders the names.
        Assert.True(book.ColumnWidths("奖金发放表")[6] >= 12);
        Assert.Equal("宋体", book.Font(amount).GetFirstChild<FontName>()!.Val!.Value);
    }

    [Fact]
    public void Filter_HoldsTheWinnersOnly_SubtotalsAndTotalBelowIt_AndTheHeaderPrintsOnEveryPage()
    {
        using var book = WorkbookReader.Write(s => BonusWorkbook.Write(s, Final, Rows));

        // Header and the 4 winners: sorting by amount or filtering by unit leaves the subtotals where they are.
        Assert.Equal("A1:G5", book.Worksheet("奖金发放表").GetFirstChild<AutoFilter>()!.Reference!.Value);
        var names = book.Workbook.DefinedNames!.Elements<DefinedName>().ToList();
        Assert.Equal("'奖金发放表'!$A$1:$G$5", names.Single(n => n.Name == "_xlnm._FilterDatabase").Text);
        Assert.Equal("'奖金发放表'!$1:$1", names.Single(n => n.Name == "_xlnm.Print_Titles").Text);
        var rows = book.Rows("奖金发放表");
        Assert.DoesNotContain(rows.Take(5), r => r.Any(c => c is not null && (c.Contains("小计", StringComparison.Ordinal) || c.Contains("合计", StringComparison.Ordinal))));

        // Below it the subtotals add up to the winners' amounts, and the total to the subtotals.
        var amounts = rows.Skip(1).Take(4).Sum(r => decimal.Parse(r[5]!, CultureInfo.InvariantCulture));
        var subtotals = rows.Skip(5).Take(2).Sum(r => decimal.Parse(r[5]!, CultureInfo.InvariantCulture));
        Assert.Equal(amounts, subtotals);
        Assert.Equal(amounts, decimal.Parse(rows[^1][5]!, CultureInfo.InvariantCulture));
        Assert.Equal("合计", rows[^1][0]);
    }

    [Fact]
    public void Sheet_OfResultsOnNotice_SaysSoOnEveryPrintedPage()
    {
        using var book = WorkbookReader.Write(s => BonusWorkbook.Write(s, Final with { IsFinal = false }, Rows));

        Assert.Equal("拟获奖（公示中）", book.Document.PackageProperties.Subject);
        Assert.Contains("拟获奖（公示中）", book.Worksheet("奖金发放表").Descendants<OddHeader>().Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ConvertsToPdf_NeedsLibreOffice()
    {
        var directory = Directory.CreateTempSubdirectory("awards-bonus-");
        try
        {
            var file = Path.Combine(directory.FullName, "bonus.xlsx");
            using (var stream = File.Create(file))
            {
                BonusWorkbook.Write(stream, Final, Rows);
            }

            var pdf = LibreOffice.TryConvertToPdf(file, directory.FullName);
            if (pdf is null)
            {
                // LibreOffice is not installed and xunit 2 cannot skip at run time: the package validates instead.
                using var stream = File.OpenRead(file);
                using var copy = WorkbookReader.Write(s => stream.CopyTo(s));
                Assert.Empty(copy.ValidationErrors());
                return;
            }

            Assert.True(new FileInfo(pdf).Length > 0, "The PDF is empty.");
            if (File.Exists("/usr/bin/pdftotext"))
            {
                using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/usr/bin/pdftotext", ["-enc", "UTF-8", pdf, "-"]) { RedirectStandardOutput = true })!;
                var text = string.Concat(process.StandardOutput.ReadToEnd().Where(c => !char.IsWhiteSpace(c)));
                process.WaitForExit();
                Assert.Contains("14,050", text, StringComparison.Ordinal);
                Assert.Contains("壹万肆仟零伍拾元整", text, StringComparison.Ordinal);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
