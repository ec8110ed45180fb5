using System.Net;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 4.1.2, 4.2.1 (SECURITY.md §2): every route that takes an id either checks that the caller
/// owns what it names, answering 404 to anyone else and changing nothing, or is one the table
/// says why it needs no such check. A new route with an id fails <see cref="EveryRouteWithAnId_IsInTheTable"/>
/// until someone decides which it is.
/// </summary>
public sealed class IdorTests(IdorTests.Scenario factory) : IClassFixture<IdorTests.Scenario>
{
    /// <summary>Routes whose ids belong to someone: the foreign caller who must get 404.</summary>
    private static readonly Dictionary<string, string> Owned = new()
    {
        ["GET /nominations/{code}"] = OtherUnit,
        ["GET /nominations/{code}/edit"] = OtherUnit,
        ["POST /nominations/{code}/edit"] = OtherUnit,
        ["GET /nominations/{code}/receipt"] = OtherUnit,
        ["POST /nominations/{code}/submit"] = OtherUnit,
        ["POST /nominations/{code}/withdraw"] = OtherUnit,
        ["POST /nominations/{code}/attachments"] = OtherUnit,
        ["GET /nominations/{code}/attachments/{token}"] = OtherUnit,
        ["POST /nominations/{code}/attachments/{token}/delete"] = OtherUnit,
        ["GET /essays/{code}"] = OtherAuthor,
        ["GET /essays/{code}/edit"] = OtherAuthor,
        ["POST /essays/{code}/edit"] = OtherAuthor,
        ["GET /essays/{code}/receipt"] = OtherAuthor,
        ["POST /essays/{code}/submit"] = OtherAuthor,
        ["POST /essays/{code}/withdraw"] = OtherAuthor,
        ["POST /essays/{code}/import"] = OtherAuthor,
        ["GET /judge/rounds/{roundId:int}"] = JudgeOffTheRound,
        ["GET /judge/rounds/{roundId:int}/packet.docx"] = JudgeOffTheRound,
        ["GET /judge/rounds/{roundId:int}/{code}"] = OtherJudge,
        ["POST /judge/rounds/{roundId:int}/{code}"] = OtherJudge,
        ["POST /judge/rounds/{roundId:int}/{code}/conflict"] = OtherJudge,
        // A request for a response to an objection: only whoever answers for its entry (ObjectionResponsesTests).
        ["GET /objection-responses/{id:int}"] = OtherUnit,
        ["POST /objection-responses/{id:int}"] = OtherUnit,
        // Public, but only for a winning essay of final results: a draft's code is not a way in.
        ["GET /results/essays/{code}"] = Anonymous,
        // The organizer sees every entry, but only through its own attachments and never a draft.
        ["GET /organizer/nominations/{code}"] = Organizer,
        ["GET /organizer/nominations/{code}/attachments/{token}"] = Organizer,
        ["GET /organizer/essays/{code}"] = Organizer,
        ["GET /organizer/essays/{code}/attachments/{token}"] = Organizer,
    };

    /// <summary>Routes with an id that need no owner check, and why; each reason is held by the named test.</summary>
    private static readonly Dictionary<string, string> NotOwned = new()
    {
        ["GET /nominations/new/{track}"] = "an award's public code; the nomination is created for the caller's own unit (NominationsTests)",
        ["POST /nominations/new/{track}"] = "as above",
        ["GET /essays/new/{track}"] = "a theme's public code; the essay is the caller's own (EssaysTests)",
        ["POST /essays/new/{track}"] = "as above",
        ["POST /essays/new/{track}/import"] = "as above",
        ["GET /tracks/{code}"] = "public contest rules",
        ["GET /verify/{code}"] = "public by design: a certificate's random code, confirmed only once results are final (ExportsTests)",
        ["GET /notice/objections/{reference}"] = "public by design: an objection's random reference, known to its objector; shows the award, the entry code and the decision, never the objector's name or contact (ObjectionsTests)",
        ["GET /status/{code:int}"] = "the error page for an HTTP status",
        ["GET /organizer/mailbox/{id}"] = "organizer only, the whole site's outgoing mail (RouteTests role gate)",
        ["POST /organizer/outbox/{id:long}/retry"] = "organizer only, the whole site's outgoing mail (RouteTests role gate); an unknown id is 404 (OutboxTests)",
        ["POST /organizer/users/{id:int}/resend"] = "organizer only (RouteTests role gate)",
        ["POST /organizer/users/{id:int}/two-factor-off"] = "organizer only (RouteTests role gate); an unknown id is 404 (AccountSecurityTests)",
        ["POST /organizer/users/{id:int}/unlock"] = "organizer only (RouteTests role gate); an unknown id is 404 (AccountSecurityTests)",
        ["POST /organizer/users/{id:int}/deactivate"] = "organizer only (RouteTests role gate); never the last organizer who can sign in, an unknown id is 404 (DeactivationTests, Users/OrganizersTests)",
        ["POST /organizer/users/{id:int}/reactivate"] = "as above",
        ["GET /organizer/users/{id:int}/unit"] = "organizer only (RouteTests role gate); an unknown id or an organizer's is 404 (Users/UnitCorrectionTests)",
        ["POST /organizer/users/{id:int}/unit"] = "as above; a tampered id changes nothing (Users/UnitCorrectionTests)",
        ["GET /organizer/users/{id:int}/awards"] = "organizer only (RouteTests role gate); an unknown id or another role's than a leader's is 404 (Leader/LeaderScopeTests)",
        ["POST /organizer/users/{id:int}/awards"] = "as above; an award not of the contest changes nothing (Leader/LeaderScopeTests)",
        ["GET /organizer/exports/{id:int}/status"] = "organizer only; every export is the office's (RouteTests role gate)",
        ["GET /organizer/exports/{id:int}/download"] = "as above",
        ["POST /organizer/nominations/{code}/accept"] = "organizer only; a draft is refused (ScreeningTests)",
        ["POST /organizer/nominations/{code}/return"] = "as above",
        ["POST /organizer/nominations/{code}/disqualify"] = "as above (NominationDisqualifyTests)",
        ["POST /organizer/essays/{code}/disqualify"] = "organizer only (EssayScreeningTests)",
        ["POST /organizer/nominations/{code}/reinstate"] = "organizer only; an unknown or essay code is 404 (ReinstateTests)",
        ["POST /organizer/essays/{code}/reinstate"] = "organizer only (EssayReinstateTests)",
        ["GET /organizer/judging/{roundId:int}"] = "organizer only: rounds belong to the office (RouteTests role gate; JudgingTests, RoundsTests)",
        ["POST /organizer/judging/{roundId:int}/assign"] = "as above",
        ["POST /organizer/judging/{roundId:int}/close"] = "as above",
        ["POST /organizer/judging/{roundId:int}/remind"] = "organizer only (RouteTests role gate); an unknown round is 404",
        ["POST /organizer/judging/{roundId:int}/closes-at"] = "as above (RoundClosingTimeTests)",
        ["POST /organizer/judging/{roundId:int}/entries/{code}/add-judge"] = "as above",
        ["POST /organizer/judging/{roundId:int}/entries/{code}/assign"] = "as above",
        ["POST /organizer/judging/{roundId:int}/entries/{code}/unassign"] = "as above",
        ["GET /organizer/judging/{roundId:int}/import"] = "as above",
        ["POST /organizer/judging/{roundId:int}/import"] = "as above",
        ["GET /organizer/judging/{roundId:int}/import/template.csv"] = "as above",
        ["POST /organizer/judging/{roundId:int}/panel"] = "as above",
        ["POST /organizer/judging/{roundId:int}/preview"] = "as above",
        ["GET /organizer/judging/{roundId:int}/shortlist"] = "as above; an unknown round is 404 (ShortlistTests)",
        ["POST /organizer/judging/{roundId:int}/shortlist"] = "as above",
        ["GET /announcements/{id:int}"] = "public by design: only published announcements are found, a draft or one taken down is 404 (AnnouncementsTests)",
        ["GET /organizer/announcements/{id:int}"] = "organizer only: announcements belong to the office (RouteTests role gate); another edition's or an unknown id is 404 (AnnouncementsTests)",
        ["POST /organizer/announcements/{id:int}"] = "as above",
        ["POST /organizer/announcements/{id:int}/withdraw"] = "as above",
        ["POST /organizer/announcements/{id:int}/delete"] = "as above",
        ["GET /organizer/units/{code}"] = "organizer only: a unit's public code; the city's units belong to the office (RouteTests role gate; UnitsTests)",
        ["POST /organizer/units/{code}"] = "as above",
        ["POST /organizer/units/{code}/helps"] = "as above; an unknown code is 404, a county's or a tampered county id is refused (ConflictsOfInterestTests)",
        ["GET /organizer/judging/conflicts/judges/{judgeId:int}"] = "organizer only (RouteTests role gate); an unknown id or one that is not a judge's is 404 (ConflictsOfInterestTests)",
        ["POST /organizer/judging/conflicts/judges/{judgeId:int}"] = "as above",
        ["POST /organizer/judging/conflicts/entries/{conflictId:int}/remove"] = "organizer only (RouteTests role gate); a judge's own declaration cannot be removed (ConflictsOfInterestTests)",
        ["GET /organizer/contest/tracks/{code}"] = "organizer only: an award's public code, its settings belong to the office (RouteTests role gate; TrackSettingsTests)",
        ["POST /organizer/contest/tracks/{code}"] = "as above",
        ["POST /organizer/contest/tracks/{code}/remove"] = "as above",
        ["GET /organizer/results/{code}"] = "organizer only: an award's results belong to the office (RouteTests role gate; RankingTests, ResultsLifecycleTests)",
        ["POST /organizer/results/{code}/finalize"] = "as above",
        ["POST /organizer/results/{code}/tell-winners"] = "as above; once, and only for final results (WinnerNoticesTests)",
        ["POST /organizer/results/{code}/override"] = "as above",
        ["POST /organizer/results/{code}/picks"] = "as above",
        ["POST /organizer/results/{code}/publish"] = "as above",
        ["GET /organizer/results/{code}/ranking.csv"] = "as above",
        ["GET /organizer/results/{code}/scores.csv"] = "as above",
        ["POST /organizer/results/{code}/settings"] = "as above",
        ["POST /organizer/results/{code}/tie"] = "as above",
        ["POST /organizer/results/{code}/withdraw"] = "as above",
        ["GET /organizer/results/{code}/revoke/{certificate}"] = "organizer only; the certificate code must name a prize of this award's results, else 404 and nothing changes (RevokePrizeTests)",
        ["POST /organizer/results/{code}/revoke/{certificate}"] = "as above",
        ["POST /organizer/results/objections/{id:int}/resolve"] = "organizer only; objections of the current contest (ResultsLifecycleTests)",
        ["GET /leader/results/{code}"] = "leading group only: an award's public code; the leader's awards (all when none were chosen) are theirs to read, another award is 404 as an unknown code (RouteTests role gate; Leader/LeaderTests, Leader/LeaderScopeTests)",
        ["GET /leader/results/{code}/ranking.csv"] = "as above",
        ["GET /leader/documents/{kind}"] = "leading group only: a document's name, holding the leader's awards only; one not on their list is 404 (Leader/LeaderTests, Leader/LeaderScopeTests)",
        ["POST /organizer/results/objections/{id:int}/ask"] = "organizer only; objections of the current contest, an unknown id is refused with a message (ObjectionResponsesTests)",
    };

    private const string OtherUnit = "coordinator.yunling@demo.example";
    private const string OtherAuthor = "idor.other@example.org";
    private const string OtherJudge = "judge.lin@demo.example";
    private const string JudgeOffTheRound = "judge.gao@demo.example";
    private const string Anonymous = "";
    private const string Organizer = "organizer@demo.example";

    private readonly Accounts _accounts = new(factory);
    private Dictionary<string, Dictionary<string, string>> _ids => factory.Ids;


    [Fact]
    public void EveryRouteWithAnId_IsInTheTable()
    {
        var withIds = Routes.All(factory.Services).Where(r => r.HasParameters).Select(r => r.ToString()).ToHashSet();

        var unlisted = withIds.Where(r => !Owned.ContainsKey(r) && !NotOwned.ContainsKey(r)).ToList();
        var stale = Owned.Keys.Concat(NotOwned.Keys).Where(r => !withIds.Contains(r)).ToList();

        Assert.True(unlisted.Count == 0, "Routes with an id that no IDOR row covers:\n" + string.Join("\n", unlisted));
        Assert.True(stale.Count == 0, "IDOR rows for routes that no longer exist:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryOwnedRoute_AnswersAForeignCaller404_AndChangesNothing()
    {
        var before = Snapshot();
        var failures = new List<string>();
        foreach (var route in Routes.All(factory.Services).Where(r => Owned.ContainsKey(r.ToString())))
        {
            var caller = Owned[route.ToString()];
            var browser = await _accounts.AsAsync(caller.Length == 0 ? null : caller);
            var url = route.Url(Ids(route.Template));
            using var response = route.Method == "GET"
                ? await browser.Client.GetAsync(url)
                : await browser.Client.PostAsync(url, Form(await browser.TokenFromAsync("/")));
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                failures.Add($"{route} as {(caller.Length == 0 ? "anonymous" : caller)}: {url} gave {(int)response.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task TheOwners_ReachTheSamePages()
    {
        foreach (var (owner, url) in new[]
        {
            ("coordinator.qingshan@demo.example", $"/nominations/{_ids["/nominations/"]["code"]}/attachments/{_ids["/nominations/"]["token"]}"),
            ("idor.owner@example.org", $"/essays/{_ids["/essays/"]["code"]}/edit"),
            ("judge.huang@demo.example", $"/judge/rounds/{_ids["/judge/"]["roundId"]}/{_ids["/judge/"]["code"]}"),
            ("judge.huang@demo.example", $"/judge/rounds/{_ids["/judge/"]["roundId"]}/packet.docx"),
            ("coordinator.qingshan@demo.example", $"/objection-responses/{_ids["/objection-responses/"]["id"]}"),
        })
        {
            using var response = await (await _accounts.AsAsync(owner)).Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{owner} {url}: {response.StatusCode}");
        }
    }

    private static (string Code, string Token) SubmittedAttachmentToken(AwardsFactory factory, string except) => factory.WithDb(db =>
        db.Entries.Where(e => e.Code != except && e.Status != Core.Entries.EntryStatus.Draft && db.Tracks.Any(t => t.Id == e.TrackId && t.Kind == Core.Tracks.TrackKind.Nomination))
            .Select(e => new { e.Code, Token = e.Attachments.Select(a => a.Token).FirstOrDefault() ?? "" })
            .AsEnumerable().Select(e => (e.Code, e.Token)).First());

    /// <summary>The real ids to put into a route: the victim's, or for the organizer a draft or a mismatched attachment.</summary>
    private Dictionary<string, string> Ids(string template) => _ids[template switch
    {
        _ when template.StartsWith("/organizer/nominations/{code}/attachments", StringComparison.Ordinal) => "/organizer/nominations/{code}/attachments",
        _ when template.StartsWith("/organizer/essays/{code}/attachments", StringComparison.Ordinal) => "/organizer/essays/{code}/attachments",
        _ when template.StartsWith("/organizer/nominations/", StringComparison.Ordinal) => "/organizer/nominations/",
        _ when template.StartsWith("/organizer/essays/", StringComparison.Ordinal) => "/organizer/essays/",
        _ => "/" + template.Split('/')[1] + "/",
    }];

    private static FormUrlEncodedContent Form(string token) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Form.Title"] = "越权篡改",
        ["Form.Body"] = Writing.Text,
        ["Form.Deeds"] = Deeds,
        ["Form.Original"] = "true",
        ["version"] = "0",
        ["action"] = "submit",
    });

    /// <summary>What a foreign caller could change: every entry's title, status and attachments, and every score and assignment.</summary>
    private string Snapshot() => factory.WithDb(db => string.Join("\n",
        db.Entries.OrderBy(e => e.Id).Select(e => $"{e.Code} {e.Title} {e.Status} {e.UpdatedAt:O} {e.Attachments.Count}").AsEnumerable()
            .Concat(db.Assignments.OrderBy(a => a.Id).Select(a => $"{a.EntryId}/{a.JudgeUserId} {(a.Score == null ? "-" : a.Score.Status.ToString())}").AsEnumerable())
            .Concat(db.ObjectionInquiries.OrderBy(i => i.Id).Select(i => $"inquiry {i.Id} {i.Response ?? "-"}").AsEnumerable())
            .Concat([$"conflicts {db.Conflicts.Count()}"])));

    /// <summary>The site with a victim's nomination (with a file), draft essay and judged entry, made once for the class.</summary>
    public sealed class Scenario : AwardsFactory, IAsyncLifetime
    {
        public Dictionary<string, Dictionary<string, string>> Ids { get; private set; } = [];

        public async Task InitializeAsync()
        {
            var coordinator = await SignedInAsync(this, "coordinator.qingshan@demo.example");
            var nomination = await CreateDraftAsync(coordinator, "dedication", Person(title: "越权测试推荐"));
            (await coordinator.UploadAsync($"/nominations/{nomination}", $"/nominations/{nomination}/attachments", "a.pdf", SampleFiles.Pdf())).Dispose();
            var author = await Writing.NewAuthorAsync(this, "idor.owner@example.org");
            await Writing.NewAuthorAsync(this, OtherAuthor);
            var essay = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(title: "越权测试征文"));
            var other = await Writing.NewAuthorAsync(this, "idor.third@example.org", unit: "yunling");
            var judged = await Writing.CreateDraftAsync(other, "help-story", Writing.Essay(title: "评委甲的作品"));
            var judgedToo = await Writing.CreateDraftAsync(author, "journey", Writing.Essay(title: "另一主题"));
            (await Writing.SubmitAsync(other, judged)).Dispose();

            // Judge Huang has the entry; Judge Lin has another entry of the same round; Judge Gao has none.
            var round = this.WithDb(db =>
            {
                var roundId = db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id;
                var entryId = db.Entries.Single(e => e.Code == judged).Id;
                var seeded = db.Entries.First(e => e.Status == Core.Entries.EntryStatus.Submitted && e.Id != entryId && db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "help-story")).Id;
                var huang = db.Users.Single(u => u.Email == "judge.huang@demo.example").Id;
                var lin = db.Users.Single(u => u.Email == OtherJudge).Id;
                db.PanelMembers.AddRange(new PanelMember(roundId, huang), new PanelMember(roundId, lin));
                db.Assignments.AddRange(new JudgeAssignment(roundId, entryId, huang, DateTime.UtcNow), new JudgeAssignment(roundId, seeded, lin, DateTime.UtcNow));
                db.SaveChanges();
                return roundId;
            });

            // Qingshan's seeded nomination, objected to and its unit asked for a response.
            var inquiry = this.WithDb(db =>
            {
                var entry = db.Entries.Single(e => e.Status == Core.Entries.EntryStatus.Submitted && db.Tracks.Any(t => t.Id == e.TrackId && t.Code == "innovation"));
                var objection = new Core.Results.Objection(entry.TrackId, entry.Code, "某人", "13800001111", "该推荐对象的事迹有误，请核实。", DateTime.UtcNow);
                db.Objections.Add(objection);
                db.SaveChanges();
                var organizer = db.Users.Single(u => u.Email == Organizer).Id;
                var asked = Core.Results.ObjectionInquiry.Ask(objection, entry.Id, [], DateTime.UtcNow.AddDays(3), organizer, DateTime.UtcNow);
                db.ObjectionInquiries.Add(asked);
                db.SaveChanges();
                return asked.Id;
            });

            var nominationToken = this.WithDb(db => db.Attachments.Single(a => a.Entry.Code == nomination).Token);
            var otherToken = SubmittedAttachmentToken(this, nomination);
            Ids = new()
            {
                ["/nominations/"] = new() { ["code"] = nomination, ["token"] = nominationToken },
                ["/essays/"] = new() { ["code"] = essay },
                ["/judge/"] = new() { ["roundId"] = round.ToString(System.Globalization.CultureInfo.InvariantCulture), ["code"] = judged },
                ["/results/"] = new() { ["code"] = judged },
                ["/objection-responses/"] = new() { ["id"] = inquiry.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                // A draft nomination, and a submitted entry's page asked for another entry's attachment.
                ["/organizer/nominations/{code}/attachments"] = new() { ["code"] = otherToken.Code, ["token"] = nominationToken },
                ["/organizer/nominations/"] = new() { ["code"] = nomination },
                ["/organizer/essays/{code}/attachments"] = new() { ["code"] = judged, ["token"] = nominationToken },
                ["/organizer/essays/"] = new() { ["code"] = judgedToo },
            };
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
