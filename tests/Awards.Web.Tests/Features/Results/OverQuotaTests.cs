using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>An override that puts more entries in a prize level than its quota is pointed out on the results page.</summary>
public sealed class OverQuotaTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/journey";

    [Fact]
    public async Task AMoveByHandBeyondALevelsQuota_IsPointedOut()
    {
        var codes = Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.ConfigureAsync(factory, organizer, "journey", 1, "", 1, 1, 0, 0);
        Assert.DoesNotContain("data-testid=\"over-quota\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);

        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = codes[1], ["level"] = "1", ["reason"] = "评审组复议：并列一等奖。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();

        Assert.Contains("手动调整后，以下奖次的获奖数超过名额：一等奖 2/1。", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
    }
}
