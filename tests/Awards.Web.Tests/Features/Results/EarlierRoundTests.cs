using System.Text.RegularExpressions;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// A theme judged in two rounds gives its prizes to the final round's entries first and then to the
/// preliminary round's other entries, below every finalist: a 30% shortlist cannot fill 85 places.
/// </summary>
public sealed class EarlierRoundTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/journey";

    [Fact]
    public async Task PrizesTheFinalRoundLeaves_GoToThePreliminaryRoundsOtherEntries_AndCanBeMovedAndPublished()
    {
        foreach (var email in new[] { "round.one@example.org", "round.two@example.org" })
        {
            var writer = await Writing.NewAuthorAsync(factory, email);
            (await Writing.SubmitAsync(writer, await Writing.CreateDraftAsync(writer, "journey"))).Dispose();
        }

        // Preliminary: the second essay leads; the first and third go on to the final, where the third wins.
        var codes = Judged.Score(factory, "journey", [80, 80, 80], [90, 90, 90], [70, 70, 70], [60, 60, 60]);
        Judged.ScoreRound(factory, "journey", 2, new() { [codes[0]] = [85, 85, 85, 85, 85], [codes[2]] = [88, 88, 88, 88, 88] });
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var final = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 2 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Id);
        await Judged.ConfigureAsync(factory, organizer, "journey", 2, "", 1, 1, 1, 0);

        var page = await organizer.GetStringAsync(Page);
        Assert.Equal([codes[2], codes[0], codes[1], codes[3]], Regex.Matches(page, "<tr data-code=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
        Assert.Contains("2 件作品未进入终评：按前一轮评分排在终评的 2 件作品之后，其中 1 件获奖。", page, StringComparison.Ordinal);
        Assert.Matches(new Regex($"data-code=\"{codes[1]}\"(?:(?!</tr>).)*三等奖(?:(?!</tr>).)*前轮评分", RegexOptions.Singleline), page);
        Assert.DoesNotMatch(new Regex($"data-code=\"{codes[2]}\"(?:(?!</tr>).)*前轮评分", RegexOptions.Singleline), page);
        var csv = await organizer.GetStringAsync(Page + "/ranking.csv");
        Assert.Matches(new Regex($"^3,3,{codes[1]},90.00,.*EarlierRound", RegexOptions.Multiline), csv);

        // A preliminary-only entry can be moved by hand, like any ranked entry.
        (await organizer.SubmitAsync(Page, Page + "/override", new Dictionary<string, string> { ["entry"] = codes[3], ["level"] = "3", ["reason"] = "评审组复议。", ["levels"] = Judged.LevelsStamp(factory, "journey") })).Dispose();
        Assert.Equal(1, factory.WithDb(db => db.ResultOverrides.Count(o => db.Entries.Any(e => e.Id == o.EntryId && e.Code == codes[3]))));

        // The preliminary round's scores place entries too: with it still open, nothing is published.
        (await organizer.PostAsync($"/organizer/judging/{final}", $"/organizer/judging/{final}/close")).Dispose();
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Equal(Core.Results.ResultStage.Draft, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Stage));
        Assert.Empty(factory.WithDb(db => db.Placements.ToList()));

        await Judged.CloseFirstRoundAsync(factory, organizer, "journey");
        (await organizer.SubmitAsync(Page, Page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Equal(Core.Results.ResultStage.Notice, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Stage));
        var placements = factory.WithDb(db => db.Placements.Join(db.Entries, p => p.EntryId, e => e.Id, (p, e) => new { e.Code, p.Position, p.LevelRank }).OrderBy(p => p.Position).ToList());
        Assert.Equal([codes[2], codes[0], codes[1], codes[3]], placements.Select(p => p.Code));
        Assert.Equal([1, 2, 3, 3], placements.Select(p => p.LevelRank));
    }
}
