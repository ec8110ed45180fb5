using System.Globalization;
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
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First().Id);
        (await organizer.SubmitAsync(Page, Page + "/settings", new Dictionary<string, string>
        {
            ["method"] = "RawMean",
            ["minimum"] = "",
            ["round"] = round.ToString(CultureInfo.InvariantCulture),
            ["levels"] = Judged.LevelsStamp(factory, "journey"),
            ["quota1"] = "1",
            ["quota2"] = "1",
            ["quota3"] = "0",
            ["quota4"] = "0",
        })).Dispose();
        Assert.DoesNotContain("data-testid=\"over-quota\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);

        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = codes[1], ["level"] = "1", ["reason"] = "评审组复议：并列一等奖。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();

        Assert.Contains("手动调整后，以下奖次的获奖数超过名额：一等奖 2/1。", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
    }
}
