using System.Diagnostics;
using System.Net;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Scoring;
using Awards.Durability.Tests.Infrastructure;
using Awards.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Awards.Durability.Tests;

/// <summary>SECURITY.md §5: many people saving at the same moment, and no write lost or refused with "database is locked".</summary>
public sealed class ConcurrencyTests(ITestOutputHelper log)
{
    private const int People = 50;

    [Fact]
    public async Task FiftyJudgesScoring_AndFiftyAuthorsSubmitting_AtOnce_AllSucceed_AndEveryWriteIsStored()
    {
        var clock = Stopwatch.StartNew();
        using var site = new KestrelSite();
        var (round, criteria, judges, authors) = Prepare(site);
        log.WriteLine($"site started and {2 * People} accounts made: {clock.ElapsedMilliseconds} ms");
        var judgeClients = await Task.WhenAll(judges.Select(j => SignedInAsync(site, j.Email, $"/judge/rounds/{round}/{j.Code}")));
        var authorClients = await Task.WhenAll(authors.Select(a => SignedInAsync(site, a, "/essays/new/help-story")));

        log.WriteLine($"everyone signed in and on their form: {clock.ElapsedMilliseconds} ms");
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var scoring = judges.Select((judge, i) => ScoreAsync(judgeClients[i], go.Task, round, judge.Code, criteria, Value(i))).ToList();
        var writing = authors.Select((author, i) => WriteAndSubmitAsync(authorClients[i], go.Task, $"并发征文 {i}")).ToList();
        clock.Restart();
        go.SetResult();
        var scored = await Task.WhenAll(scoring);
        var submitted = await Task.WhenAll(writing);
        log.WriteLine($"{People} score submissions and {People} essays (draft + submit: {2 * People} posts) at once: {clock.ElapsedMilliseconds} ms");

        Assert.All(scored, s => Assert.True(s.Acknowledged, s.Failure));
        Assert.All(submitted, s => Assert.True(s.Code is not null, s.Failure));
        Assert.DoesNotContain(site.Problems, p => p.Contains("database is locked", StringComparison.OrdinalIgnoreCase) || p.StartsWith("Error", StringComparison.Ordinal) || p.StartsWith("Critical", StringComparison.Ordinal));

        var scores = site.WithDb(db => db.Scores.AsNoTracking().Include(s => s.Assignment).Where(s => s.Assignment.RoundId == round && s.Status == ScoreStatus.Submitted).ToList());
        for (var i = 0; i < People; i++)
        {
            var score = Assert.Single(scores, s => s.Assignment.JudgeUserId == judges[i].Id);
            Assert.All(criteria, c => Assert.Equal(Value(i), score.Values[c]));
        }

        var codes = submitted.Select(s => s.Code!).ToList();
        var stored = site.WithDb(db => db.Entries.AsNoTracking().Where(e => codes.Contains(e.Code)).Select(e => new { e.Code, e.Title, e.Status }).ToList());
        Assert.Equal(People, stored.Count);
        Assert.All(stored, e => Assert.Equal(EntryStatus.Submitted, e.Status));
        Assert.Equal(Enumerable.Range(0, People).Select(i => $"并发征文 {i}").Order(), stored.Select(e => e.Title).Order());
    }

    private static decimal Value(int judge) => 60 + (judge % 30);

    /// <summary>50 judges, each assigned one of the demo essays of the first round, and 50 authors, made directly in the database.</summary>
    private static (int Round, List<int> Criteria, List<(int Id, string Email, string Code)> Judges, List<string> Authors) Prepare(KestrelSite site) => site.WithDb(db =>
    {
        var track = db.Tracks.Include(t => t.Criteria).Include(t => t.Rounds).Single(t => t.Code == "help-story");
        var round = track.Rounds.OrderBy(r => r.Sequence).First();
        var entries = db.Entries.Where(e => e.TrackId == track.Id && e.Status == EntryStatus.Submitted).Select(e => new { e.Id, e.Code }).ToList();
        var unit = db.Units.Single(u => u.Code == "qingshan").Id;
        // A cheap hash (KestrelSite hashes with the same count, so sign-in does not rehash) keeps 100 sign-ins from taking most of the test.
        var hasher = new PasswordHasher<AppUser>(Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = KestrelSite.PasswordIterations }));
        var hash = hasher.HashPassword(new AppUser(), SiteClient.DemoPassword);
        AppUser Person(string email) => new()
        {
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            DisplayName = email.Split('@')[0],
            UnitId = unit,
            CreatedAt = DateTime.UtcNow,
        };
        var judges = Enumerable.Range(0, People).Select(i => Person($"judge{i}@load.example")).ToList();
        var authors = Enumerable.Range(0, People).Select(i => Person($"author{i}@load.example")).ToList();
        db.Users.AddRange(judges.Concat(authors));
        db.SaveChanges();

        var roles = db.Roles.ToDictionary(r => r.Name!, r => r.Id);
        db.UserRoles.AddRange(judges.Select(j => new IdentityUserRole<int> { UserId = j.Id, RoleId = roles[Roles.Judge] }));
        db.UserRoles.AddRange(authors.Select(a => new IdentityUserRole<int> { UserId = a.Id, RoleId = roles[Roles.Author] }));
        var assigned = judges.Select((j, i) => (j.Id, j.Email!, entries[i % entries.Count].Code)).ToList();
        db.Assignments.AddRange(judges.Select((j, i) => new JudgeAssignment(round.Id, entries[i % entries.Count].Id, j.Id, DateTime.UtcNow)));
        db.SaveChanges();
        return (round.Id, track.Criteria.Select(c => c.Id).ToList(), assigned, authors.Select(a => a.Email!).ToList());
    });

    /// <summary>Signs in and opens the page whose form the person will post, as they would before the moment everyone saves.</summary>
    private static async Task<(SiteClient Client, string Token)> SignedInAsync(KestrelSite site, string email, string page)
    {
        var client = await SiteClient.SignedInAsync(site.Address, email);
        client.InEnglish();
        return (client, await client.TokenAsync(page));
    }

    private static async Task<(bool Acknowledged, string Failure)> ScoreAsync((SiteClient Client, string Token) judge, Task go, int round, string code, List<int> criteria, decimal value)
    {
        await go;
        var (_, confirmed, failure) = await Scores.SubmitAsync(judge.Client, judge.Token, round, code, criteria, value, version: 0, "并发评分");
        return (confirmed, failure);
    }

    private static async Task<(string? Code, string Failure)> WriteAndSubmitAsync((SiteClient Client, string Token) author, Task go, string title)
    {
        await go;
        var code = await Essays.SaveDraftAsync(author.Client, author.Token, "help-story", title);
        if (code is null)
        {
            return (null, $"{title}: the draft was not saved");
        }

        using var response = await author.Client.PostAsync($"/essays/{code}/submit", author.Token, []);
        return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == $"/essays/{code}/receipt"
            ? (code, string.Empty)
            : (null, $"{title}: submitting answered {(int)response.StatusCode} {response.Headers.Location}");
    }
}
