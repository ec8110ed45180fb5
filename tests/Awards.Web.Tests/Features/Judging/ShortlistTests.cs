using System.Globalization;
using System.Net;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Judging;

/// <summary>
/// The shortlist that starts a later round: a preview of who goes on and who is cut, in the
/// ranking's order, naming the entries short of scores or without one; a confirmation that holds
/// only while the preview does; and the round's judges per entry, with mail only to those assigned.
/// </summary>
public sealed class ShortlistTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ThePreview_NamesWhoGoesOnAndWhoIsShortOfScores_AndTheConfirmedShortlistGetsKJudgesEach()
    {
        var (first, final) = Rounds("help-story", shortlistTop: 2, finalJudgesPerEntry: 2);
        // A: three scores; B: two of its three judges submitted; C: its judge never did.
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [70, 70]);
        var c = factory.WithDb(db =>
        {
            var entries = db.Entries.Where(e => e.Track.Code == "help-story" && e.Status == Core.Entries.EntryStatus.Submitted).OrderBy(e => e.Id).ToList();
            var judges = db.Users.Where(u => Judged.Judges.Contains(u.Email!)).ToList().OrderBy(u => Judged.Judges.IndexOf(u.Email!)).ToList();
            db.Assignments.Add(new JudgeAssignment(first, entries[1].Id, judges[2].Id, DateTime.UtcNow));
            db.Assignments.Add(new JudgeAssignment(first, entries[2].Id, judges[3].Id, DateTime.UtcNow));
            db.SaveChanges();
            return entries[2].Code;
        });
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.CloseFirstRoundAsync(factory, organizer, "help-story");
        await PanelAsync(final);

        var (url, page) = await PreviewAsync(organizer, final);

        // Who goes on, in the ranking's order, by the code and title judges see.
        var table = Section(page, "data-testid=\"shortlist\"", "</table>");
        Assert.True(table.IndexOf(codes[0], StringComparison.Ordinal) < table.IndexOf(codes[1], StringComparison.Ordinal), "A ranks above B");
        var judgeTitle = factory.WithDb(db => db.Entries.Single(e => e.Code == codes[0]).JudgeTitle);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(judgeTitle!), table, StringComparison.Ordinal);
        Assert.Contains("评分不全", table, StringComparison.Ordinal);
        Assert.Contains($"{codes[1]} (2/3)", Section(page, "data-testid=\"short-of-scores\"", "</p>"), StringComparison.Ordinal);
        // C, without a score, is named rather than dropped unseen; the prizes outnumber the shortlist.
        Assert.Contains(c, Section(page, "data-testid=\"unscored\"", "</div>"), StringComparison.Ordinal);
        Assert.Contains("入围作品 2 件，少于本奖项的 85 个奖励名额", page, StringComparison.Ordinal);

        // Confirming without saying the incomplete entries were seen changes nothing.
        var fields = FormFields.Read(page, "confirm-shortlist");
        Assert.False(fields.ContainsKey("incomplete"));
        using (var refused = await PostAsync(organizer, final, url, fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("请勾选表示已看到这些作品", await organizer.GetStringAsync(refused.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.Equal(0, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));

        fields["incomplete"] = "true";
        using (var confirmed = await PostAsync(organizer, final, url, fields))
        {
            Assert.Equal($"/organizer/judging/{final}", confirmed.Headers.Location?.OriginalString);
        }

        // A and B go on with k = 2 judges each, none of their own unit; C does not.
        var assigned = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == final).Select(a => new
        {
            a.JudgeUserId,
            Code = db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.Code).First(),
            Same = db.Users.Any(u => u.Id == a.JudgeUserId && u.UnitId == db.Entries.Where(e => e.Id == a.EntryId).Select(e => e.UnitId).First()),
        }).ToList());
        Assert.Equal(new[] { codes[0], codes[1] }.Order(StringComparer.Ordinal), assigned.Select(a => a.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.All(assigned.GroupBy(a => a.Code), g => Assert.Equal(2, g.Count()));
        Assert.DoesNotContain(assigned, a => a.Same);

        // Only the judges who got entries are mailed, each once.
        var link = $"/judge/rounds/{final}";
        var mailed = (await Mails.InAsync(factory)).Where(m => m.Body.Contains(link, StringComparison.Ordinal) && Mails.LinkIn(m) == link).Select(m => m.To).ToList();
        var emails = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).ToDictionary(u => u.Id, u => u.Email!));
        Assert.Equal(assigned.Select(a => emails[a.JudgeUserId]).Distinct().Order(StringComparer.Ordinal), mailed.Order(StringComparer.Ordinal));
        Assert.True(mailed.Count < Judged.Judges.Count, "a panel judge without an entry gets no mail");
        Assert.Contains(factory.WithDb(db => db.AuditLog.Where(a => a.Action == "Shortlist assigned" && a.EntityKey == final.ToString(CultureInfo.InvariantCulture)).Select(a => a.After).ToList()), after => after == $"from round {first}: 2 entries; 4 assignments");

        // The round now offers its assignment, not a second shortlist, and one posted anyway is refused.
        Assert.DoesNotContain("data-testid=\"shortlist-start\"", await organizer.GetStringAsync($"/organizer/judging/{final}"), StringComparison.Ordinal);
        using (var again = await PostAsync(organizer, final, url, fields))
        {
            Assert.Contains("本轮作品已分配评委", await organizer.GetStringAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
        }

        Assert.Equal(4, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));

        // A judge of the final round who declares a conflict on A hands it to another: A keeps k = 2.
        var stepsAside = factory.WithDb(db => db.Assignments.First(a => a.RoundId == final && db.Entries.Any(e => e.Id == a.EntryId && e.Code == codes[0])).JudgeUserId);
        using (var scope = factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<JudgingSetup>().DeclareConflictAsync(stepsAside, final, codes[0], default);
        }

        var judgesOfA = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == final && db.Entries.Any(e => e.Id == a.EntryId && e.Code == codes[0])).Select(a => a.JudgeUserId).ToList());
        Assert.Equal(2, judgesOfA.Count);
        Assert.DoesNotContain(stepsAside, judgesOfA);
    }

    [Fact]
    public async Task AConfirmationFromAPreviewThatNoLongerHolds_IsRefused_AndTheNewPreviewShown_AndAWholePanelStaysPossible()
    {
        // The final round's k (5) is the whole panel's size.
        var (first, final) = Rounds("journey", shortlistTop: 1, finalJudgesPerEntry: 5);
        var codes = Judged.Score(factory, "journey", [60, 60, 60], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.CloseFirstRoundAsync(factory, organizer, "journey");
        await PanelAsync(final);
        var (url, page) = await PreviewAsync(organizer, final);
        var fields = FormFields.Read(page, "confirm-shortlist");
        Assert.Contains(codes[1], Section(page, "data-testid=\"shortlist\"", "</table>"), StringComparison.Ordinal);

        // Meanwhile another organizer sets a minimum score on the results page: the entry that
        // would go on (80) no longer qualifies.
        var results = "/organizer/results/journey";
        (await organizer.SubmitAsync(results, results + "/settings", new Dictionary<string, string>
        {
            ["method"] = "RawMean",
            ["minimum"] = "85",
            ["round"] = first.ToString(CultureInfo.InvariantCulture),
            ["levels"] = Judged.LevelsStamp(factory, "journey"),
        })).Dispose();
        Assert.Equal(85m, factory.WithDb(db => db.TrackResults.Single(r => r.TrackId == db.Tracks.Single(t => t.Code == "journey").Id).MinimumScore));

        using (var stale = await PostAsync(organizer, final, url, fields))
        {
            var shown = await organizer.GetStringAsync(stale.Headers.Location!.OriginalString);
            Assert.Contains("预览之后评分、作品、排名设置或评审组已有变化", shown, StringComparison.Ordinal);
            Assert.Contains("低于最低分 85", shown, StringComparison.Ordinal);
            Assert.DoesNotContain("data-testid=\"confirm-shortlist\"", shown, StringComparison.Ordinal);
        }

        Assert.Equal(0, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));

        // Back to no minimum: the new preview confirms, and the one entry gets every eligible judge.
        (await organizer.SubmitAsync(results, results + "/settings", new Dictionary<string, string>
        {
            ["method"] = "RawMean",
            ["minimum"] = string.Empty,
            ["round"] = first.ToString(CultureInfo.InvariantCulture),
            ["levels"] = Judged.LevelsStamp(factory, "journey"),
        })).Dispose();
        (url, page) = await PreviewAsync(organizer, final);
        (await PostAsync(organizer, final, url, FormFields.Read(page, "confirm-shortlist"))).Dispose();
        var eligible = factory.WithDb(db =>
        {
            var unit = db.Entries.Single(e => e.Code == codes[1]).UnitId;
            return db.Users.Count(u => Judged.Judges.Contains(u.Email!) && u.UnitId != unit);
        });
        Assert.Equal(eligible, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final && db.Entries.Any(e => e.Id == a.EntryId && e.Code == codes[1]))));
        Assert.Equal(eligible, factory.WithDb(db => db.Assignments.Count(a => a.RoundId == final)));

        using var unknown = await organizer.Client.GetAsync("/organizer/judging/999999/shortlist?seed=1");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    /// <summary>The track's two rounds, with the first's shortlist size and the final's judges per entry set.</summary>
    private (int First, int Final) Rounds(string track, int shortlistTop, int finalJudgesPerEntry) =>
        factory.WithDb(db =>
        {
            var rounds = db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == track)).OrderBy(r => r.Sequence).ToList();
            rounds[0].Revise(new RoundRevision(1, rounds[0].Name, rounds[0].JudgesPerEntry, shortlistTop, null));
            rounds[1].Revise(new RoundRevision(2, rounds[1].Name, finalJudgesPerEntry, null, null));
            db.SaveChanges();
            return (rounds[0].Id, rounds[1].Id);
        });

    private async Task PanelAsync(int round)
    {
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<JudgingSetup>().SetPanelAsync(round, judgeIds, default);
    }

    /// <summary>Opens the shortlist preview as the round page's link does: it picks a seed and shows the page for it.</summary>
    private static async Task<(string Url, string Page)> PreviewAsync(Browser organizer, int round)
    {
        using var response = await organizer.Client.GetAsync($"/organizer/judging/{round}/shortlist");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        return (url, await organizer.GetStringAsync(url));
    }

    private static async Task<HttpResponseMessage> PostAsync(Browser organizer, int round, string page, Dictionary<string, string> fields) =>
        await organizer.Client.PostAsync($"/organizer/judging/{round}/shortlist", FormFields.WithToken(fields, await organizer.TokenFromAsync(page)));

    private static string Section(string page, string start, string end)
    {
        var from = page.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} on the page");
        return page[from..page.IndexOf(end, from, StringComparison.Ordinal)];
    }
}
