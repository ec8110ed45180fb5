using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>Only the entries still in the contest are ranked: a disqualified essay's scores leave the ranking.</summary>
public sealed class CountedEntriesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ADisqualifiedEssay_LeavesTheRanking_WithItsScores()
    {
        var codes = Judged.Score(factory, "journey", [70, 90, 80], [60, 60, 60]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string page = "/organizer/results/journey";
        var before = await organizer.GetStringAsync(page);
        Assert.All(codes, code => Assert.Contains($"data-code=\"{code}\"", before, StringComparison.Ordinal));

        (await organizer.SubmitAsync($"/organizer/essays/{codes[1]}", $"/organizer/essays/{codes[1]}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();

        var after = await organizer.GetStringAsync(page);
        Assert.Contains($"data-code=\"{codes[0]}\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-code=\"{codes[1]}\"", after, StringComparison.Ordinal);
        var csv = await organizer.GetStringAsync(page + "/ranking.csv");
        Assert.Contains(codes[0], csv, StringComparison.Ordinal);
        Assert.DoesNotContain(codes[1], csv, StringComparison.Ordinal);
    }
}
