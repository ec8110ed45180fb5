using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Awards.Core.Identity;
using Awards.Web.Features.Leader;
using Awards.Web.Tests.Infrastructure;
using Awards.Web.Tests.Security;
using DocumentFormat.OpenXml.Packaging;

namespace Awards.Web.Tests.Features.Leader;

/// <summary>
/// A member of the leading group (ADR 0018): invited by an organizer like any other role, reads
/// judging progress, every award's results, the objections and the group's documents, and sees no
/// button that changes anything, nor the objectors' names and contacts.
/// </summary>
public sealed class LeaderTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Leader = "leader@demo.example";

    private static readonly string[] ObjectorsDetails = ["13899990000", "异议人赵六"];

    [Fact]
    public async Task AnOrganizerInvitesALeader_WithoutAUnit_WhoSignsInToTheGroupsDashboard()
    {
        const string email = "group.member@example.org";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Assert.Contains("value=\"Leader\"", await organizer.GetStringAsync("/organizer/users/invite"), StringComparison.Ordinal);
        var leaders = LeadersOnTheDashboard(await organizer.GetStringAsync("/organizer"));

        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id).ToString(CultureInfo.InvariantCulture);
        using (var withUnit = await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>(Invite(email)) { ["Form.UnitId"] = unit }))
        {
            Assert.Contains("领导小组成员不属于任何单位", await withUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == email)));
        }

        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", Invite(email))).Dispose();
        var mail = await Mails.ToAsync(factory, email);
        Assert.Contains("领导小组成员", mail.Body, StringComparison.Ordinal);
        var link = Mails.LinkIn(mail);
        Assert.DoesNotContain("Leader", link, StringComparison.Ordinal);

        var member = new Browser(factory);
        var fields = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = "Leading-Group-2026",
            ["ConfirmPassword"] = "Leading-Group-2026",
        };
        (await member.SubmitAsync(link, "/account/accept-invitation", fields)).Dispose();
        await member.SignInOrFailAsync(email, "Leading-Group-2026");

        using var dashboard = await member.Client.GetAsync("/dashboard");
        Assert.Equal("/leader", dashboard.Headers.Location?.OriginalString);
        var page = await member.GetStringAsync("/leader");
        Assert.Contains("评审进度", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/leader/results/help-story\"", page, StringComparison.Ordinal);
        Assert.Contains("领导小组成员", await organizer.GetStringAsync("/organizer/users?role=Leader"), StringComparison.Ordinal);
        // The organizer's dashboard counts the leading group with the other roles.
        Assert.Equal(leaders + 1, LeadersOnTheDashboard(await organizer.GetStringAsync("/organizer")));
    }

    private static int LeadersOnTheDashboard(string page)
    {
        var card = new HtmlParser().ParseDocument(page).QuerySelector("[data-testid='role-count-Leader']");
        Assert.NotNull(card);
        Assert.Contains("领导小组成员", card.TextContent, StringComparison.Ordinal);
        return int.Parse(card.QuerySelector(".stat")!.TextContent.Trim(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task EveryLeaderPage_Loads_WithNoFormThatChangesAnything_NorAnObjectorsContact()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80]);
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        (await new Browser(factory).SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string>
        {
            ["Track"] = "help-story",
            ["Entry"] = codes[0],
            ["Name"] = "异议人赵六",
            ["Contact"] = "13899990000",
            ["Text"] = "我认为该作品的评审结果有误，请核实。",
        })).Dispose();
        Assert.Contains("13899990000", await organizer.GetStringAsync("/organizer/results/objections"), StringComparison.Ordinal);

        var leader = await Nominating.SignedInAsync(factory, Leader);
        // Every award's results; the ranking as a file for those ranked on scores (not the Outstanding Organization Award's picks).
        var tracks = factory.WithDb(db => db.Tracks.Select(t => new { t.Code, Scored = t.Kind != Core.Tracks.TrackKind.UnitAward }).ToList());
        var urls = Routes.All(factory.Services).Where(r => r.Method == "GET" && r.Role == Roles.Leader)
            .SelectMany(r => r.Template.Contains("{code}", StringComparison.Ordinal)
                ? tracks.Where(t => t.Scored || !r.Template.EndsWith(".csv", StringComparison.Ordinal)).Select(t => r.Url(new Dictionary<string, string> { ["code"] = t.Code }))
                : r.Template.Contains("{kind}", StringComparison.Ordinal) ? LeaderDocuments.Kinds.Select(kind => r.Url(new Dictionary<string, string> { ["kind"] = kind }))
                : new[] { r.Url() })
            .ToList();
        Assert.Contains("/leader/results/help-story", urls);
        Assert.Contains("/leader/documents/draft-list", urls);

        var failures = new List<string>();
        foreach (var url in urls)
        {
            using var response = await leader.Client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: {(int)response.StatusCode} {response.Headers.Location}");
                continue;
            }

            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            var document = new HtmlParser().ParseDocument(html);
            // The layout's own forms stay: the language and signing out.
            failures.AddRange(document.QuerySelectorAll("form")
                .Where(f => !string.Equals(f.GetAttribute("method"), "get", StringComparison.OrdinalIgnoreCase) && f.GetAttribute("action") is not ("/culture" or "/account/logout"))
                .Select(f => $"{url}: a form posting to {f.GetAttribute("action")}"));
            failures.AddRange(document.QuerySelectorAll("a[href^='/organizer']").Select(a => $"{url}: a link to {a.GetAttribute("href")}"));
            failures.AddRange(ObjectorsDetails.Where(html.Contains).Select(s => $"{url}: shows {s}"));
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // What the pages show: the ranking, the objection (not its sender), where the results stand.
        var results = await leader.GetStringAsync("/leader/results/help-story");
        Assert.Contains(codes[0], results, StringComparison.Ordinal);
        Assert.Contains("公示中", results, StringComparison.Ordinal);
        Assert.Contains("href=\"/leader/objections\"", results, StringComparison.Ordinal);
        Assert.Contains("我认为该作品的评审结果有误", await leader.GetStringAsync("/leader/objections"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeader_DownloadsTheDraftList_ButNotTheWinnersContacts_AndStartsNoExportJob()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var nomination = await Nominating.CreateDraftAsync(coordinator, "innovation", Nominating.Person(name: "王春梅"));
        (await Nominating.SubmitAsync(coordinator, nomination)).Dispose();
        Judged.ScoreRound(factory, "innovation", 1, new() { [nomination] = [88, 90, 92] });
        var jobs = factory.WithDb(db => db.ExportJobs.Count());

        var leader = await Nominating.SignedInAsync(factory, Leader);
        using var response = await leader.Client.GetAsync("/leader/documents/draft-list");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("拟表彰名单（讨论稿）", response.Content.Headers.ContentDisposition?.FileNameStar, StringComparison.Ordinal);
        using (var workbook = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false))
        {
            var sheet = Exported.SheetText(workbook, "创新奖");
            Assert.Contains(nomination, sheet, StringComparison.Ordinal);
            Assert.Contains("王春梅", sheet, StringComparison.Ordinal);
        }

        Assert.Equal(jobs, factory.WithDb(db => db.ExportJobs.Count()));
        foreach (var kind in new[] { "contacts", "certificates", "judge-packet", "nothing" })
        {
            using var refused = await leader.Client.GetAsync($"/leader/documents/{kind}");
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        // The office's own pages stay the office's: accounts, the audit log, the exports with the contacts.
        foreach (var url in new[] { "/organizer/users", "/organizer/audit", "/organizer/exports", "/organizer/results/innovation", "/organizer/results/innovation/scores.csv" })
        {
            using var refused = await leader.Client.GetAsync(url);
            Assert.StartsWith("/account/access-denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ALeadersPost_IsRefused_EvenOnAPublicForm_AndNothingIsStored()
    {
        Judged.Score(factory, "journey", [90, 90, 90]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "journey", 1, 0, 0, 0);
        var objections = factory.WithDb(db => db.Objections.Count());

        var leader = await Nominating.SignedInAsync(factory, Leader);
        using var posted = await leader.SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string>
        {
            ["Track"] = "journey",
            ["Entry"] = "",
            ["Name"] = "领导",
            ["Contact"] = "13800001111",
            ["Text"] = "我认为该主题的评审结果有误，请核实。",
        });

        Assert.Contains("/account/access-denied", posted.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(objections, factory.WithDb(db => db.Objections.Count()));

        // Their own account stays theirs: the language, and signing out.
        using var english = await leader.SubmitAsync("/leader", "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/leader" });
        Assert.Equal("/leader", english.Headers.Location?.OriginalString);
        Assert.Contains("Judging progress", await leader.GetStringAsync("/leader"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Invite(string email) =>
        new() { ["Form.Email"] = email, ["Form.Name"] = "王组员", ["Form.Role"] = Roles.Leader };
}

/// <summary>A site that requires two-step verification of the leading group (<c>Awards:Security:RequireTwoFactorFor</c>).</summary>
public sealed class TwoFactorForLeadersFactory : AwardsFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Awards:Security:RequireTwoFactorFor", "Organizer,Leader");
    }
}

/// <summary>Two-step verification holds for a leader as for an organizer, and a leader, who may post nothing else, can set it up.</summary>
public sealed class LeaderTwoFactorTests(TwoFactorForLeadersFactory factory) : IClassFixture<TwoFactorForLeadersFactory>
{
    [Fact]
    public async Task ALeaderWithoutIt_IsSentToSetItUp_AndCan_ThenThePagesOpen()
    {
        var leader = await Nominating.SignedInAsync(factory, "leader@demo.example");
        using (var dashboard = await leader.Client.GetAsync("/leader"))
        {
            Assert.Equal("/account/security", dashboard.Headers.Location?.OriginalString);
        }

        Assert.Contains("组织方要求所有领导小组成员使用两步验证登录", await leader.GetStringAsync("/account/security"), StringComparison.Ordinal);

        (await leader.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        var key = AccountSecurityTests.KeyPattern().Match(await leader.GetStringAsync("/account/security/two-factor")).Groups[1].Value;
        (await leader.SubmitAsync("/account/security/two-factor", "/account/security/two-factor", new Dictionary<string, string> { ["Form.Code"] = Authenticator.Code(key, DateTime.UtcNow) })).Dispose();

        Assert.Equal(HttpStatusCode.OK, (await leader.Client.GetAsync("/leader")).StatusCode);
        Assert.True(factory.WithDb(db => db.Users.Single(u => u.Email == "leader@demo.example").TwoFactorEnabled));
    }
}
