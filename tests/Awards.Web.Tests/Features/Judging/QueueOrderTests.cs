using System.Text.RegularExpressions;
using Awards.Core.Entries;
using Awards.Web.Data.Generate;
using Awards.Web.Features.Scoring;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// A judge's queue has an order of its own (a random key per assignment, ties broken by the
/// assignment's id), and "submit and next" opens the entry after the one just scored. The next
/// entry is found by seeking in an index of the queue, not by reading and sorting the whole queue
/// with each entry's row (docs/PERFORMANCE.md): these tests hold both the order and the seek.
/// </summary>
public sealed partial class QueueOrderTests(GeneratedTown town) : IClassFixture<GeneratedTown>
{
    private readonly GeneratedSite _site = town.Site;

    [Fact]
    public async Task TheNextEntry_FollowsTheQueuesOrder_BreaksTiesById_AndSkipsEntriesOutOfJudging()
    {
        var (judgeId, email, roundId) = BusiestJudge();
        var ids = _site.WithDb(db => db.Assignments.Where(a => a.JudgeUserId == judgeId && a.RoundId == roundId).OrderBy(a => a.QueueKey).Select(a => a.Id).ToList());
        Assert.True(ids.Count >= 6, $"the judge has {ids.Count} assignments");

        // Three assignments in the middle of the queue share one key (so only their ids order
        // them), and one entry leaves judging.
        var tied = ids.Skip(2).Take(3).ToList();
        var key = _site.WithDb(db => db.Assignments.Where(a => a.Id == tied[0]).Select(a => a.QueueKey).Single());
        _site.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE Assignments SET QueueKey = {0} WHERE Id IN ({1}, {2}, {3})", key, tied[0], tied[1], tied[2]));
        var gone = ids[1];
        _site.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE Entries SET Status = 'Disqualified' WHERE Id = (SELECT EntryId FROM Assignments WHERE Id = {0})", gone));

        var expected = _site.WithDb(db => (
            from a in db.Assignments
            where a.JudgeUserId == judgeId && a.RoundId == roundId
            join e in db.Entries on a.EntryId equals e.Id
            where e.Status == EntryStatus.Submitted || e.Status == EntryStatus.Accepted
            select new { a.QueueKey, a.Id, e.Code }).AsEnumerable().OrderBy(x => x.QueueKey).ThenBy(x => x.Id).Select(x => x.Code).ToList());
        Assert.Equal(ids.Count - 1, expected.Count);

        // The queue page lists them in that order.
        var judge = new Browser(_site);
        await judge.SignInOrFailAsync(email, GeneratedAccounts.Password);
        var page = await judge.GetStringAsync($"/judge/rounds/{roundId}");
        Assert.Equal(expected, [.. CodePattern().Matches(page).Select(m => m.Groups[1].Value).Distinct()]);

        // From every entry, the next one is the one after it; after the last, none.
        using var scope = _site.Services.CreateScope();
        var work = scope.ServiceProvider.GetRequiredService<JudgeWork>();
        for (var i = 0; i < expected.Count; i++)
        {
            var target = await work.TargetAsync(judgeId, roundId, expected[i], CancellationToken.None);
            Assert.NotNull(target);
            Assert.Equal(i + 1 < expected.Count ? expected[i + 1] : null, await work.NextCodeAsync(target!, CancellationToken.None));
        }
    }

    [Fact]
    public void TheNextEntry_SeeksInTheQueuesIndex_InsteadOfSortingTheWholeQueue()
    {
        var (judgeId, _, roundId) = BusiestJudge();
        var plan = _site.WithDb(db =>
        {
            var (sql, parameters) = Inline(JudgeWork.EntriesAfter(db, judgeId, roundId, 1_000_000, 1).ToQueryString());
            Assert.Equal(4, parameters);
            return SqlText.Column(db, "EXPLAIN QUERY PLAN " + sql, column: 3);
        });

        // The bundled SQLite's plan (the sqlite3 tool's may differ): a range of the judge's queue in
        // the index alone, then each entry by its key; never the whole queue through a sorter.
        Assert.Contains(plan, s => s.Contains("COVERING INDEX IX_Assignments_JudgeUserId_RoundId_QueueKey_EntryId (JudgeUserId=? AND RoundId=? AND QueueKey>?)", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s == "USE TEMP B-TREE FOR ORDER BY");
    }

    private (int JudgeId, string Email, int RoundId) BusiestJudge() => _site.WithDb(db =>
    {
        var round = db.Rounds.Where(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Select(r => r.Id).Single();
        var judge = db.Assignments.Where(a => a.RoundId == round).GroupBy(a => a.JudgeUserId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).First();
        return (judge, db.Users.Where(u => u.Id == judge).Select(u => u.Email!).Single(), round);
    });

    // EF writes a query's parameters as ".param set @name value" lines before it; SQLite's EXPLAIN
    // needs them in the statement.
    private static (string Sql, int Parameters) Inline(string text)
    {
        var lines = text.Split('\n');
        var parameters = lines.Select(l => ParamPattern().Match(l)).Where(m => m.Success).ToList();
        var sql = string.Join('\n', lines.Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
        foreach (var p in parameters.OrderByDescending(p => p.Groups[1].Value.Length))
        {
            sql = sql.Replace(p.Groups[1].Value, p.Groups[2].Value.Trim(), StringComparison.Ordinal);
        }

        return (sql, parameters.Count);
    }

    [GeneratedRegex(@"^\.param set (@\w+) (.+)$")]
    private static partial Regex ParamPattern();

    [GeneratedRegex(@"/judge/rounds/\d+/([0-9A-Z]{4}-[0-9A-Z]{4})""")]
    private static partial Regex CodePattern();
}
