using System.Net;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// An award that shows the panel's scores: a judge sees the other judges' submitted scores and
/// comments for an entry only once their own is submitted, by letter, never by name; an award
/// that does not (the default) never shows them.
/// </summary>
public sealed class PanelScoresTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AJudgeSeesTheOthersScoresOnlyAfterSubmitting_WithoutTheirNames_AndOnlyWhereTheAwardAllowsIt()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string settings = "/organizer/contest/tracks/help-story";
        var fields = FormFields.Read(await organizer.GetStringAsync(settings), "track-settings");
        Assert.False(fields.ContainsKey("PanelScores") && fields["PanelScores"] == "true");
        fields["PanelScores"] = "true";
        using (var saved = await organizer.SubmitAsync(settings, settings, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.True(factory.WithDb(db => db.Tracks.Single(t => t.Code == "help-story").ShowsPanelScores));
        var help = await AssignAsync("help-story");
        var journey = await AssignAsync("journey");

        // Three judges of one entry: the second and third submit, with comments.
        var (round, code, judges) = help;
        var criteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "help-story")).Select(c => c.Id).ToList());
        await ScoreAsync(judges[1].Email, round, code, criteria, "80", "点评甲：细节可信。");
        await ScoreAsync(judges[2].Email, round, code, criteria, "60", "语言平淡，略显冗长。");

        // The second judge, who has submitted, sees the third as 评委 B (the first, who has not
        // submitted yet, is A); B it stays once the first submits too.
        var second = await Nominating.SignedInAsync(factory, judges[1].Email);
        Assert.Contains("<strong>评委 B:</strong> 语言平淡，略显冗长。", await second.GetStringAsync($"/judge/rounds/{round}/{code}"), StringComparison.Ordinal);

        var first = await Nominating.SignedInAsync(factory, judges[0].Email);
        var before = await first.GetStringAsync($"/judge/rounds/{round}/{code}");
        Assert.DoesNotContain("data-testid=\"panel\"", before, StringComparison.Ordinal);
        Assert.DoesNotContain("点评甲", before, StringComparison.Ordinal);

        await ScoreAsync(judges[0].Email, round, code, criteria, "70", null);
        var after = await first.GetStringAsync($"/judge/rounds/{round}/{code}");
        Assert.Contains("data-testid=\"panel\"", after, StringComparison.Ordinal);
        Assert.Contains("评委 A", after, StringComparison.Ordinal);
        Assert.Contains("评委 B", after, StringComparison.Ordinal);
        Assert.Contains("点评甲：细节可信。", after, StringComparison.Ordinal);
        Assert.Contains("<strong>评委 B:</strong> 语言平淡，略显冗长。", await second.GetStringAsync($"/judge/rounds/{round}/{code}"), StringComparison.Ordinal);
        Assert.Contains("语言平淡，略显冗长。", after, StringComparison.Ordinal);
        Assert.All(judges.Skip(1), j =>
        {
            Assert.DoesNotContain(j.Name, after, StringComparison.Ordinal);
            Assert.DoesNotContain(j.Email, after, StringComparison.Ordinal);
        });

        // An award that does not show them: nothing, even after submitting.
        var (journeyRound, journeyCode, journeyJudges) = journey;
        var journeyCriteria = factory.WithDb(db => db.RubricCriteria.Where(c => db.Tracks.Any(t => t.Id == c.TrackId && t.Code == "journey")).Select(c => c.Id).ToList());
        await ScoreAsync(journeyJudges[1].Email, journeyRound, journeyCode, journeyCriteria, "80", "另一位评委的评语。");
        await ScoreAsync(journeyJudges[0].Email, journeyRound, journeyCode, journeyCriteria, "70", null);
        var closed = await (await Nominating.SignedInAsync(factory, journeyJudges[0].Email)).GetStringAsync($"/judge/rounds/{journeyRound}/{journeyCode}");
        Assert.DoesNotContain("data-testid=\"panel\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("另一位评委的评语。", closed, StringComparison.Ordinal);
    }

    /// <summary>The five demo judges on the track's first round, assigned; an entry and its judges (by assignment).</summary>
    private async Task<(int Round, string Code, List<(string Email, string Name)> Judges)> AssignAsync(string trackCode)
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).Id);
        var ids = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, ids, default);
            await setup.ApplyAsync(round, seed: 3, default);
        }

        return factory.WithDb(db =>
        {
            var entryId = db.Assignments.Where(a => a.RoundId == round).OrderBy(a => a.Id).Select(a => a.EntryId).First();
            var code = db.Entries.Single(e => e.Id == entryId).Code;
            var judges = db.Assignments.Where(a => a.RoundId == round && a.EntryId == entryId).OrderBy(a => a.Id)
                .Select(a => db.Users.Where(u => u.Id == a.JudgeUserId).Select(u => new { u.Email, u.DisplayName }).First())
                .AsEnumerable().Select(u => (u.Email!, u.DisplayName)).ToList();
            return (round, code, judges);
        });
    }

    private async Task ScoreAsync(string email, int round, string code, List<int> criteria, string value, string? comment)
    {
        var judge = await Nominating.SignedInAsync(factory, email);
        var page = $"/judge/rounds/{round}/{code}";
        var form = FormFields.Read(await judge.GetStringAsync(page), "score-form");
        foreach (var c in criteria)
        {
            form[$"c{c}"] = value;
        }

        form["comment"] = comment ?? string.Empty;
        form["action"] = "submit";
        using var response = await judge.Client.PostAsync(page, FormFields.WithToken(form, await judge.TokenFromAsync(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
