using Awards.Core.Entries;
using Awards.Core.Scoring;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>Scores written straight into the database, for tests of what happens after judging.</summary>
public static class Judged
{
    // A list, not an array: C# 14 binds array.Contains in a query to a span overload that EF Core 6 cannot translate.
    public static readonly List<string> Judges = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    /// <summary>
    /// Gives the submitted entries of a track (oldest first) the totals in <paramref name="totals"/>: entry i gets
    /// totals[i][j] from judge j, on every criterion, so that each total is exactly that value. Returns the entries' codes.
    /// </summary>
    public static List<string> Score(AwardsFactory factory, string trackCode, params decimal[][] totals) =>
        factory.WithDb(db =>
        {
            var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Code == trackCode);
            var round = track.Rounds.OrderBy(r => r.Sequence).First();
            var entries = db.Entries.Where(e => e.TrackId == track.Id && e.Status == EntryStatus.Submitted).OrderBy(e => e.Id).ToList();
            Assert.True(entries.Count >= totals.Length, $"{trackCode} has {entries.Count} submitted entries, the test needs {totals.Length}");
            var judges = db.Users.Where(u => Judges.Contains(u.Email!)).ToList().OrderBy(u => Judges.IndexOf(u.Email!)).ToList();
            var criteria = track.Criteria.ToList();
            for (var i = 0; i < totals.Length; i++)
            {
                for (var j = 0; j < totals[i].Length; j++)
                {
                    var assignment = new JudgeAssignment(round.Id, entries[i].Id, judges[j].Id, DateTime.UtcNow);
                    db.Assignments.Add(assignment);
                    var value = totals[i][j];
                    assignment.ScoreOrNew().Record(criteria, criteria.ToDictionary(c => c.Id, _ => (decimal?)value), null, submit: true, expectedVersion: 0, round, DateTime.UtcNow);
                }
            }

            db.SaveChanges();
            return entries.Take(totals.Length).Select(e => e.Code).ToList();
        });

    /// <summary>
    /// Gives entries, by code, totals in the track's round <paramref name="sequence"/> (a later round:
    /// the shortlisted entries), judge j giving totals[code][j] on every criterion.
    /// </summary>
    public static void ScoreRound(AwardsFactory factory, string trackCode, int sequence, Dictionary<string, decimal[]> totals) =>
        factory.WithDb(db =>
        {
            var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Code == trackCode);
            var round = track.Rounds.Single(r => r.Sequence == sequence);
            var judges = db.Users.Where(u => Judges.Contains(u.Email!)).ToList().OrderBy(u => Judges.IndexOf(u.Email!)).ToList();
            var criteria = track.Criteria.ToList();
            foreach (var (code, values) in totals)
            {
                var entry = db.Entries.Single(e => e.Code == code);
                for (var j = 0; j < values.Length; j++)
                {
                    var assignment = new JudgeAssignment(round.Id, entry.Id, judges[j].Id, DateTime.UtcNow);
                    db.Assignments.Add(assignment);
                    assignment.ScoreOrNew().Record(criteria, criteria.ToDictionary(c => c.Id, _ => (decimal?)values[j]), null, submit: true, expectedVersion: 0, round, DateTime.UtcNow);
                }
            }

            return db.SaveChanges();
        });

    /// <summary>Which prize level sits at which rank, as the results page's quota and override forms carry it ("levels").</summary>
    public static string LevelsStamp(AwardsFactory factory, string trackCode) =>
        factory.WithDb(db => Web.Features.Results.ResultPage.StampOf(db.Tracks.Include(t => t.AwardLevels).Single(t => t.Code == trackCode)));

    /// <summary>The organizer closes the track's first round, as on the judging page.</summary>
    public static async Task CloseFirstRoundAsync(AwardsFactory factory, Browser organizer, string trackCode)
    {
        var round = factory.WithDb(db => db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).OrderBy(r => r.Sequence).First().Id);
        (await organizer.PostAsync($"/organizer/judging/{round}", $"/organizer/judging/{round}/close")).Dispose();
    }

    /// <summary>
    /// The organizer ranks a track with the given quotas (first, second, third, excellence), closes
    /// its first round, publishes and, after the notice period, finalizes; the clock moves 8 days on.
    /// </summary>
    public static async Task FinalizeAsync(AwardsFactory factory, Browser organizer, string trackCode, params int[] quotas)
    {
        var page = await PublishAsync(factory, organizer, trackCode, quotas);
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(page, page + "/finalize")).Dispose();
        Assert.Equal(Core.Results.ResultStage.Final, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).Stage));
    }

    /// <summary>
    /// The organizer saves the results settings of a track: raw means, the round of that sequence
    /// ranked, the minimum ("" for none) and the quotas (first, second, third, excellence).
    /// </summary>
    public static async Task ConfigureAsync(AwardsFactory factory, Browser organizer, string trackCode, int sequence, string minimum, params int[] quotas)
    {
        var page = $"/organizer/results/{trackCode}";
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == sequence && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).Id);
        var settings = new Dictionary<string, string> { ["method"] = "RawMean", ["minimum"] = minimum, ["round"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture), ["levels"] = LevelsStamp(factory, trackCode) };
        for (var i = 0; i < quotas.Length; i++)
        {
            settings[$"quota{i + 1}"] = quotas[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        (await organizer.SubmitAsync(page, page + "/settings", settings)).Dispose();
    }

    /// <summary>
    /// The organizer ranks a track with the given quotas, closes its first round and publishes the
    /// notice for 7 days; the answer is the track's results page.
    /// </summary>
    public static async Task<string> PublishAsync(AwardsFactory factory, Browser organizer, string trackCode, params int[] quotas)
    {
        var page = $"/organizer/results/{trackCode}";
        await ConfigureAsync(factory, organizer, trackCode, 1, "", quotas);
        await CloseFirstRoundAsync(factory, organizer, trackCode);
        (await organizer.SubmitAsync(page, page + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        Assert.Equal(Core.Results.ResultStage.Notice, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == trackCode)).Stage));
        return page;
    }
}
