using Awards.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>The draft list explains a proposed prize the ranking alone would not give: the flags, the level it would have had, and the reason.</summary>
public sealed class DraftListNotesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AMoveByHandIntoAPrize_IsExplained_WithTheLevelTheRankingGave()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var codes = Judged.Score(factory, "journey", [60, 60, 60], [50, 50, 50]);
        const string Page = "/organizer/results/journey";
        await Judged.ConfigureAsync(factory, organizer, "journey", 1, "55", 1, 1, 0, 0);
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = codes[1], ["level"] = "2", ["reason"] = "评审组复议。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();

        using var workbook = SpreadsheetDocument.Open(new MemoryStream(await DraftListAsync(organizer)), false);
        var sheet = Exported.SheetText(workbook, "征文：我的脱贫历程");
        Assert.Contains($"{codes[1]}|", sheet, StringComparison.Ordinal);
        Assert.Contains("低于最低分；手动调整（按排名为未获奖）：评审组复议。", sheet, StringComparison.Ordinal);
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
