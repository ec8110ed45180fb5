using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The office pays each winner the bonus of their prize level: the draft list gives the leading
/// group the proposal's budget, the bonus payment sheet (奖金发放表) lists the published winners
/// with their amounts, and below them (outside the filter) the subtotals and the total, and no
/// document that travels carries an amount.
/// </summary>
public sealed class BonusExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheDraftListGivesTheBudget_AndThePaymentSheetPaysThePublishedWinners_WithSubtotalsAndTotal()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var first = await EssayAsync("qian.duoduo@example.org", "钱多多", "journey");
        var second = await EssayAsync("sun.xiaomei@example.org", "孙小美", "journey");
        var story = await EssayAsync("zhou.er@example.org", "周二", "help-story");
        Judged.ScoreRound(factory, "journey", 1, new() { [first] = [95, 95, 95], [second] = [90, 90, 90] });
        Judged.ScoreRound(factory, "help-story", 1, new() { [story] = [92, 92, 92] });

        // The journey's first and second prizes carry 7,654 and 3,210 yuan; My Help Story's first the seeded 2,000.
        const string Settings = "/organizer/contest/tracks/journey";
        var fields = FormFields.Read(await organizer.GetStringAsync(Settings), "track-settings");
        fields["Levels[0].Bonus"] = "7654";
        fields["Levels[1].Bonus"] = "3210";
        (await organizer.SubmitAsync(Settings, Settings, fields)).Dispose();
        await Judged.ConfigureAsync(factory, organizer, "journey", 1, "", 1, 1, 0, 0);

        // Nothing published yet: the draft list proposes 3 prizes with a bonus, 7,654 + 3,210 + 2,000 yuan.
        var (_, draft) = await Exported.RunAsync(factory, organizer, "draft-list");
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(draft), false))
        {
            var summary = Exported.SheetText(workbook, "汇总");
            Assert.Contains("奖项|状态|奖次|拟获奖数|每人奖金（元）|奖金小计（元）", summary, StringComparison.Ordinal);
            Assert.Contains("征文：我的脱贫历程|讨论稿（未公示）|一等奖|1|7654|7654", summary, StringComparison.Ordinal);
            Assert.Contains("征文：我的脱贫历程|讨论稿（未公示）|二等奖|1|3210|3210", summary, StringComparison.Ordinal);
            Assert.Contains("征文：我的帮扶故事|讨论稿（未公示）|一等奖|1|2000|2000", summary, StringComparison.Ordinal);

            // The Outstanding Organization Award is proposed too (its top 5 units, nothing picked yet); it carries no bonus.
            Assert.Contains("征文优秀组织奖|讨论稿（未公示）|优秀组织奖|5|0|0", summary, StringComparison.Ordinal);
            Assert.EndsWith("合计|8|12864", summary, StringComparison.Ordinal);
        }

        // The journey final, My Help Story on notice.
        await Judged.FinalizeAsync(factory, organizer, "journey", 1, 1, 0, 0);
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 0, 0, 0);

        var (job, bytes) = await Exported.RunAsync(factory, organizer, "bonuses");
        Assert.Contains("奖金发放表", job.FileName!, StringComparison.Ordinal);
        Assert.EndsWith(".xlsx", job.FileName!, StringComparison.Ordinal);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(bytes), false))
        {
            var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(sheet).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            Assert.Equal("最终结果", sheet.PackageProperties.Subject);
            Assert.Equal(
                "序号|奖项|奖次|获奖者|单位|金额（元）|领款人签名|"
                + "1|征文：我的脱贫历程|一等奖|钱多多|青山县|7654|"
                + "2|征文：我的脱贫历程|二等奖|孙小美|青山县|3210|"
                + "征文：我的脱贫历程小计|10864|"
                + "合计|大写：人民币壹万零捌佰陆拾肆元整|10864",
                Exported.SheetText(sheet, "奖金发放表"));
        }

        // With the results on notice: My Help Story's winner too, and the file says it holds both.
        var (proposedJob, proposed) = await Exported.RunAsync(factory, organizer, "bonuses", proposed: true);
        Assert.True(proposedJob.Proposed);
        using (var sheet = SpreadsheetDocument.Open(new MemoryStream(proposed), false))
        {
            Assert.Equal("最终结果及拟获奖（公示中）", sheet.PackageProperties.Subject);
            var text = Exported.SheetText(sheet, "奖金发放表");
            Assert.Contains("|1|征文：我的帮扶故事|一等奖|周二|青山县|2000|2|征文：我的脱贫历程|一等奖|钱多多|", text, StringComparison.Ordinal);
            Assert.Contains("|3|征文：我的脱贫历程|二等奖|孙小美|青山县|3210|征文：我的帮扶故事小计|2000|征文：我的脱贫历程小计|10864|合计|", text, StringComparison.Ordinal);
            Assert.EndsWith("合计|大写：人民币壹万贰仟捌佰陆拾肆元整|12864", text, StringComparison.Ordinal);

            // The filter holds the header and the 3 winners: filtered by unit, no subtotal is mixed in with them.
            var part = (WorksheetPart)sheet.WorkbookPart!.GetPartById(sheet.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single().Id!);
            Assert.Equal("A1:G4", part.Worksheet.GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.Equal("'奖金发放表'!$A$1:$G$4", sheet.WorkbookPart.Workbook.DefinedNames!.Elements<DefinedName>().Single(n => n.Name == "_xlnm._FilterDatabase").Text);
        }

        // The prize list and the commendation notice travel: no amount in them.
        var (_, list) = await Exported.RunAsync(factory, organizer, "prize-list", proposed: true);
        using (var prizes = SpreadsheetDocument.Open(new MemoryStream(list), false))
        {
            var all = Exported.AllSheetsText(prizes);
            Assert.Contains("钱多多", all, StringComparison.Ordinal);
            Assert.DoesNotContain("7654", all, StringComparison.Ordinal);
            Assert.DoesNotContain("3210", all, StringComparison.Ordinal);
            Assert.DoesNotContain("奖金", all, StringComparison.Ordinal);
        }

        var (_, notice) = await Exported.RunAsync(factory, organizer, "notice", proposed: true);
        using (var document = WordprocessingDocument.Open(new MemoryStream(notice), false))
        {
            var text = document.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("钱多多", text, StringComparison.Ordinal);
            Assert.DoesNotContain("7654", text, StringComparison.Ordinal);
            Assert.DoesNotContain("7,654", text, StringComparison.Ordinal);
            Assert.DoesNotContain("奖金", text, StringComparison.Ordinal);
        }

        var visitor = new Browser(factory);
        foreach (var page in new[] { "/notice", "/results", "/tracks/journey", "/tracks/help-story" })
        {
            var html = await visitor.GetStringAsync(page);
            Assert.False(html.Contains("7654", StringComparison.Ordinal) || html.Contains("7,654", StringComparison.Ordinal) || html.Contains("3,210", StringComparison.Ordinal), $"{page} shows a bonus");
        }
    }

    private async Task<string> EssayAsync(string email, string name, string theme)
    {
        var writer = await Writing.NewAuthorAsync(factory, email, name: name);
        var essay = await Writing.CreateDraftAsync(writer, theme);
        (await Writing.SubmitAsync(writer, essay)).Dispose();
        return essay;
    }
}
