using System.Net;
using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The leading group reviews the proposed prizes before the public notice: the draft list names
/// them (the nominee's position too) with the ranking's flags and the organizer's reasons, and
/// says 讨论稿（未公示） so that it is never taken for the published list.
/// </summary>
public sealed class DraftListExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheDraftList_NamesTheProposedPrizesOfDraftAndPublishedResults_MarkedAsADraft()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // Nothing scored: refused, no job.
        (await organizer.SubmitAsync("/organizer/exports", "/organizer/exports", new Dictionary<string, string> { ["kind"] = "draft-list" })).Dispose();
        Assert.Contains("尚无已提交评分的作品，无可排名内容。", WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/exports")), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.ExportJobs.Count()));

        // 创新奖: one nomination scored, still a draft. My Help Story: final. Journey: a draft with a move by hand.
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(name: "王春梅"));
        (await Nominating.SubmitAsync(coordinator, nomination)).Dispose();
        Judged.ScoreRound(factory, "innovation", 1, new() { [nomination] = [88, 90, 92] });
        var story = Judged.Score(factory, "help-story", [90, 90, 90], [85, 85, 85]);
        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        var journey = Judged.Score(factory, "journey", [95, 95, 95], [70, 70, 70]);
        const string Page = "/organizer/results/journey";
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = journey[1], ["level"] = "", ["reason"] = "经核实存在抄袭嫌疑，暂缓授奖。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();

        // The export page says what the list holds besides the prizes: the units of the Outstanding Organization Award and the budget.
        var exports = await organizer.GetStringAsync("/organizer/exports");
        Assert.Contains("拟表彰名单讨论稿（.xlsx）", exports, StringComparison.Ordinal);
        Assert.Contains("以及优秀组织奖拟表彰单位及其积分；汇总表列出各奖次每人奖金及奖金预算合计。", exports, StringComparison.Ordinal);
        var bytes = await DraftListAsync(organizer);
        using var workbook = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var errors = new OpenXmlValidator(FileFormatVersions.Office2013).Validate(workbook).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal("讨论稿（未公示）", workbook.PackageProperties.Subject);

        var summary = Exported.SheetText(workbook, "汇总");
        Assert.Contains("创新奖|讨论稿（未公示）|创新奖|1", summary, StringComparison.Ordinal);
        Assert.Contains("征文：我的帮扶故事|最终结果|一等奖|1", summary, StringComparison.Ordinal);
        Assert.Contains("征文优秀组织奖|讨论稿（未公示）|优秀组织奖|", summary, StringComparison.Ordinal);
        Assert.StartsWith("名次|拟授奖次|单位|参赛征文|已评分|平均分|获奖征文|获奖积分|说明|", Exported.SheetText(workbook, "征文优秀组织奖"), StringComparison.Ordinal);

        var innovation = Exported.SheetText(workbook, "创新奖");
        Assert.Contains($"|{nomination}|", innovation, StringComparison.Ordinal);
        Assert.Contains("王春梅", innovation, StringComparison.Ordinal);
        Assert.Contains("青山县石桥镇副镇长", innovation, StringComparison.Ordinal);
        Assert.DoesNotContain("0791-5550101", innovation, StringComparison.Ordinal);

        var helpStory = Exported.SheetText(workbook, "征文：我的帮扶故事");
        Assert.Contains(story[0], helpStory, StringComparison.Ordinal);
        Assert.Contains(story[1], helpStory, StringComparison.Ordinal);

        // The moved entry is not a proposed prize; the draft's winner is listed, its print header says draft.
        var journeySheet = Exported.SheetText(workbook, "征文：我的脱贫历程");
        Assert.Contains(journey[0], journeySheet, StringComparison.Ordinal);
        Assert.DoesNotContain(journey[1], journeySheet, StringComparison.Ordinal);
        Assert.Contains("讨论稿（未公示）", HeaderOf(workbook, "征文：我的脱贫历程"), StringComparison.Ordinal);

        // Nothing was published or stored by making it.
        Assert.Equal(1, factory.WithDb(db => db.TrackResults.Count(r => r.Stage != Core.Results.ResultStage.Draft)));
        Assert.False(factory.WithDb(db => db.TrackResults.Any(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "innovation"))));
    }

    private static string HeaderOf(SpreadsheetDocument workbook, string sheetName)
    {
        var part = workbook.WorkbookPart!;
        var sheet = part.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet.Descendants<OddHeader>().Single().Text;
    }

    private async Task<byte[]> DraftListAsync(Browser organizer)
    {
        // "Include results on notice" means nothing to the draft list: the job does not say proposed.
        var (job, bytes) = await Exported.RunAsync(factory, organizer, "draft-list", proposed: true);
        Assert.False(job.Proposed);
        Assert.Contains("拟表彰名单（讨论稿）", job.FileName!, StringComparison.Ordinal);
        return bytes;
    }
}
