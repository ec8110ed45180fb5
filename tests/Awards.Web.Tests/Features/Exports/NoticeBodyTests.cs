using Awards.Core.Exports;
using Awards.Web.Features.Exports;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>What the commendation notice says about when the notice of the proposed awards runs.</summary>
public class NoticeBodyTests
{
    private static readonly NoticePeriod FirstWeek = new(new DateTime(2026, 11, 1, 9, 0, 0), new DateTime(2026, 11, 8, 9, 0, 0));
    private static readonly NoticePeriod Later = new(new DateTime(2026, 11, 5, 10, 0, 0), new DateTime(2026, 11, 12, 10, 0, 0));

    [Fact]
    public void AwardsOnNoticeForTheSameDays_GetOneSentence()
    {
        // The same days, published at different hours.
        var body = Text([("创新奖", FirstWeek), ("奋进奖", FirstWeek with { Starts = FirstWeek.Starts.AddHours(5) })]);

        Assert.Contains("公示时间为2026年11月1日至2026年11月8日。公示期间，对公示对象如有异议", body, StringComparison.Ordinal);
        Assert.DoesNotContain("创新奖", body, StringComparison.Ordinal);
    }

    [Fact]
    public void AwardsOnNoticeForDifferentDays_EachGetTheirOwn_NotTheFirstStartToTheLastEnd()
    {
        var body = Text([("创新奖", FirstWeek), ("征文：我的脱贫历程", Later), ("奋进奖", FirstWeek)]);

        Assert.Contains(
            "公示时间：“创新奖”“奋进奖”为2026年11月1日至2026年11月8日；“征文：我的脱贫历程”为2026年11月5日至2026年11月12日。公示期间，对公示对象如有异议",
            body,
            StringComparison.Ordinal);
        Assert.DoesNotContain("2026年11月1日至2026年11月12日", body, StringComparison.Ordinal);
    }

    [Fact]
    public void AMixedNotice_SaysEachAwardsDaysToo()
    {
        var body = string.Concat(ExportRunner.NoticeBody("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", ExportStage.Mixed, [("创新奖", FirstWeek), ("奋进奖", Later)]));

        Assert.Contains("公示时间：“创新奖”为2026年11月1日至2026年11月8日；“奋进奖”为2026年11月5日至2026年11月12日。", body, StringComparison.Ordinal);
    }

    private static string Text(IReadOnlyList<(string Track, NoticePeriod Period)> periods) =>
        string.Concat(ExportRunner.NoticeBody("2026年清河市扶贫日表彰暨征文活动", "清河市扶贫开发领导小组办公室", ExportStage.Proposed, periods));
}
