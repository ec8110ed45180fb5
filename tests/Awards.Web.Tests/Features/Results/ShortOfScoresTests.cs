using System.Text.RegularExpressions;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// The results page says which entries rest on fewer scores than the judges they were given (one
/// lenient judge could carry a prize) and names the entries judges were given but nobody scored,
/// which are not ranked at all.
/// </summary>
public sealed class ShortOfScoresTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task EntriesShortOfScores_AreFlagged_AndEntriesWithoutAnyScore_AreNamed()
    {
        var writer = await Writing.NewAuthorAsync(factory, "third.writer@example.org");
        var third = await Writing.CreateDraftAsync(writer, "journey");
        (await Writing.SubmitAsync(writer, third)).Dispose();

        // The first essay has one score of three judges given; the second all three; the third none of one.
        var codes = Judged.Score(factory, "journey", [98], [90, 90, 90]);
        factory.WithDb(db =>
        {
            var round = db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).OrderBy(r => r.Sequence).First();
            var judges = db.Users.Where(u => Judged.Judges.Contains(u.Email!)).ToList().OrderBy(u => Judged.Judges.IndexOf(u.Email!)).ToList();
            var first = db.Entries.Single(e => e.Code == codes[0]).Id;
            db.Assignments.Add(new JudgeAssignment(round.Id, first, judges[1].Id, DateTime.UtcNow));
            db.Assignments.Add(new JudgeAssignment(round.Id, first, judges[2].Id, DateTime.UtcNow));
            db.Assignments.Add(new JudgeAssignment(round.Id, db.Entries.Single(e => e.Code == third).Id, judges[0].Id, DateTime.UtcNow));
            return db.SaveChanges();
        });

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync("/organizer/results/journey");

        Assert.Contains("评分少于所分配评委人数的已排名作品：1 件，其中获奖 1 件。", page, StringComparison.Ordinal);
        Assert.Contains($"本轮没有已提交评分、未参与排名的作品（1 件）：{third}。", page, StringComparison.Ordinal);
        Assert.Matches(new Regex($"data-code=\"{codes[0]}\"(?:(?!</tr>).)*评分不全", RegexOptions.Singleline), page);
        Assert.DoesNotMatch(new Regex($"data-code=\"{codes[1]}\"(?:(?!</tr>).)*评分不全", RegexOptions.Singleline), page);
        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == third).Status));
    }
}
