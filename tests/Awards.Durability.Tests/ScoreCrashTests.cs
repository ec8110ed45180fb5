using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Awards.Durability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Awards.Durability.Tests;

/// <summary>
/// ADR 0001 for judges: a score the site confirmed to a judge survives the process being killed
/// in the middle of other judges' saves, and the database stays intact.
/// </summary>
public sealed class ScoreCrashTests(ITestOutputHelper log)
{
    [Fact]
    public async Task KillingTheSiteWhileJudgesScore_LosesNoConfirmedScore_AndLeavesTheDatabaseIntact()
    {
        using var folder = new TestFolder();
        var confirmed = new ConcurrentDictionary<(string Judge, string Code), int>();
        int round;
        await using (var site = await ServerProcess.StartAsync(folder))
        {
            round = int.Parse(Sqlite.Rows(folder.DatabasePath, "SELECT r.Id FROM Rounds r JOIN Tracks t ON t.Id = r.TrackId WHERE t.Code = 'help-story' AND r.Sequence = 1;").Single(), CultureInfo.InvariantCulture);
            await AssignAllDemoJudgesAsync(site.Address, folder.DatabasePath, round);
            var criteria = Sqlite.Rows(folder.DatabasePath, "SELECT c.Id FROM RubricCriteria c JOIN Tracks t ON t.Id = c.TrackId WHERE t.Code = 'help-story';").Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
            var work = Sqlite.Rows(folder.DatabasePath, $"SELECT u.Email || '|' || e.Code FROM Assignments a JOIN AspNetUsers u ON u.Id = a.JudgeUserId JOIN Entries e ON e.Id = a.EntryId WHERE a.RoundId = {round};")
                .Select(r => r.Split('|')).GroupBy(r => r[0], r => r[1]).ToList();
            Assert.True(work.Count >= 3, "the judges have no work");

            using var stop = new CancellationTokenSource();
            var judges = work.Select(w => Task.Run(() => ScoreUntilStoppedAsync(site.Address, round, w.Key, [.. w], criteria, confirmed, stop.Token))).ToList();
            using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60)))
            {
                while (confirmed.Values.Sum() < 30)
                {
                    Assert.False(judges.All(j => j.IsCompleted), "the judges stopped before saving enough");
                    await Task.Delay(20, timeout.Token);
                }
            }

            // SIGKILL while the judges are in the middle of saving.
            await site.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(judges);
        }

        log.WriteLine($"{confirmed.Values.Sum()} score saves confirmed before the kill, on {confirmed.Count} assignments");
        await using (var restarted = await ServerProcess.StartAsync(folder))
        {
            var stored = Sqlite.Rows(folder.DatabasePath, "SELECT u.Email || '|' || e.Code || '|' || s.Version FROM Scores s JOIN Assignments a ON a.Id = s.AssignmentId JOIN AspNetUsers u ON u.Id = a.JudgeUserId JOIN Entries e ON e.Id = a.EntryId;")
                .Select(r => r.Split('|')).ToDictionary(r => (r[0], r[1]), r => int.Parse(r[2], CultureInfo.InvariantCulture));

            // Every confirmed save is there: the score's version is at least the one the judge was shown.
            var lost = confirmed.Where(c => stored.GetValueOrDefault(c.Key) < c.Value).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} confirmed scores went back or are missing: {string.Join(", ", lost.Take(5))}");

            // And the judge sees it: a confirmed score opens with at least that version in its form.
            var ((judge, code), version) = confirmed.First();
            using var client = await SiteClient.SignedInAsync(restarted.Address, judge);
            var page = await client.GetStringAsync($"/judge/rounds/{round}/{code}");
            var shown = int.Parse(System.Text.RegularExpressions.Regex.Match(page, @"name=""version"" value=""(\d+)""").Groups[1].Value, CultureInfo.InvariantCulture);
            Assert.True(shown >= version, $"{code}: the page shows version {shown}, the judge was told {version}");
        }

        Assert.Equal("ok", Sqlite.IntegrityCheck(folder.DatabasePath));
    }

    /// <summary>The organizer puts every demo judge on the round's panel and assigns, through the site.</summary>
    private static async Task AssignAllDemoJudgesAsync(Uri address, string database, int round)
    {
        using var organizer = await SiteClient.SignedInAsync(address, "organizer@demo.example");
        var judges = Sqlite.Rows(database, "SELECT Id FROM AspNetUsers WHERE Email LIKE 'judge.%@demo.example';");
        using (var panel = await organizer.PostAsync($"/organizer/judging/{round}/panel", await organizer.TokenAsync($"/organizer/judging/{round}"), judges.Select(j => KeyValuePair.Create("judges", j))))
        {
            Assert.Equal(HttpStatusCode.Redirect, panel.StatusCode);
        }

        using var preview = await organizer.PostAsync($"/organizer/judging/{round}/preview", await organizer.TokenAsync($"/organizer/judging/{round}"), []);
        var previewUrl = preview.Headers.Location!.OriginalString;
        var seed = System.Text.RegularExpressions.Regex.Match(previewUrl, @"preview=(\d+)").Groups[1].Value;
        using var assigned = await organizer.PostAsync($"/organizer/judging/{round}/assign", await organizer.TokenAsync(previewUrl), [KeyValuePair.Create("seed", seed)]);
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
    }

    /// <summary>
    /// One judge submitting their entries' scores again and again, each save from the version the
    /// last one left. A save counts as confirmed only when the judge's next page says it was saved.
    /// </summary>
    private static async Task ScoreUntilStoppedAsync(Uri address, int round, string judge, List<string> codes, List<int> criteria, ConcurrentDictionary<(string, string), int> confirmed, CancellationToken stop)
    {
        using var client = await SiteClient.SignedInAsync(address, judge);
        client.InEnglish();
        var token = await client.TokenAsync($"/judge/rounds/{round}/{codes[0]}");
        var versions = codes.ToDictionary(c => c, _ => 0);
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var code = codes[n % codes.Count];
            try
            {
                var (status, saved, _) = await Scores.SubmitAsync(client, token, round, code, criteria, 60 + (n % 30), versions[code], "断电测试");
                if (status != HttpStatusCode.Redirect)
                {
                    return;
                }

                if (saved)
                {
                    versions[code]++;
                    confirmed[(judge, code)] = versions[code];
                }
            }
            catch (Exception e) when (ServerProcess.IsGone(e) || e is Xunit.Sdk.XunitException)
            {
                // The site is gone: what was confirmed before is what counts.
                return;
            }
        }
    }
}
