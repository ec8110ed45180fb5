using System.Net;
using Awards.Web.Cli;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

public sealed class CommandLineTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "awards-cli-tests", Guid.NewGuid().ToString("N"));

    private string[] Settings(string mode = "Production") =>
    [
        $"--Awards:DatabasePath={Path.Combine(_root, "awards.db")}",
        $"--Awards:KeysPath={Path.Combine(_root, "keys")}",
        $"--Mail:PickupDirectory={Path.Combine(_root, "mail")}",
        $"--Awards:Mode={mode}",
    ];

    private static async Task<(int Code, string Output)> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, new StringReader(input));
        return (code, output.ToString());
    }

    [Fact]
    public async Task Help_ListsTheVerbs()
    {
        var (code, output) = await RunAsync(["--help"]);

        Assert.Equal(0, code);

        // Each verb starts its own line in the verbs' column, as README's table lists them.
        var lines = output.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        Assert.All(
            ["migrate ", "seed ", "create-organizer --email", "rank --track", "export KIND", "export judge-packet --judge", "backup --out", "restore FILE", "next-edition --out", "generate city", "--help "],
            verb => Assert.Contains(lines, line => line.StartsWith("  " + verb, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Seed_InProductionMode_LoadsTheContest_ButNoAccounts_AndIsIdempotent()
    {
        var (code, output) = await RunAsync(["seed", .. Settings()]);
        Assert.Equal(0, code);
        Assert.Contains("Seeded: 13 units, 8 tracks, 0 demo accounts", output, StringComparison.Ordinal);

        var (again, secondOutput) = await RunAsync(["seed", .. Settings()]);
        Assert.Equal(0, again);
        Assert.Contains("nothing was changed", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextEdition_WritesSeedFiles_ThatSeedANewDatabase_WithThisYearsSettings_AYearOn()
    {
        Assert.Equal(0, (await RunAsync(["seed", .. Settings()])).Code);

        // This year's changes, made after the seed: a county that became a district, a fifth prize
        // level and a higher first-prize bonus, a per-unit limit, an award judged openly whose judges see the panel's scores.
        List<string> before;
        string certificate;
        using (var site = new SiteOn(_root))
        {
            site.WithDb(db =>
            {
                db.Units.Single(u => u.Code == "qingshan").Rename(new Core.Common.BilingualText("青山区", "Qingshan District"), keepFormer: true);
                var levels = db.Tracks.Include(t => t.AwardLevels).Single(t => t.Code == "help-story");
                levels.ReviseLevels([.. levels.AwardLevels.OrderBy(l => l.Rank).Select(l => new Core.Tracks.LevelRevision(l.Rank, l.Name, Bonus: l.Rank == 1 ? 2500 : null)), new(0, new("鼓励奖", "Encouragement"), 30, 100)], published: false, new HashSet<int>());
                var innovation = db.Tracks.Single(t => t.Code == "innovation");
                innovation.SetLimits(innovation.Limits with { PerUnit = 3 });
                innovation.SetBlind(false, assigned: false);
                innovation.ShowsPanelScores = true;
                return db.SaveChanges();
            });

            // The Outstanding Organization Award's results are final: Qingshan holds a certificate.
            certificate = site.WithDb(db =>
            {
                var result = new Core.Results.TrackResult(db.Tracks.Single(t => t.Code == "outstanding-organization").Id);
                result.PublishPick(1, 7, DateTime.UtcNow.AddDays(-8), []);
                result.Finalize(0, [], DateTime.UtcNow);
                db.TrackResults.Add(result);
                db.SaveChanges();
                var placement = Core.Results.Placement.ForUnit(result.Id, db.Units.Single(u => u.Code == "qingshan").Id, 1, 1);
                db.Placements.Add(placement);
                db.SaveChanges();
                return placement.VerifyCode;
            });
            // Printed before the rename, the certificate carries the old name: the check names both.
            Assert.Contains("青山区，原名青山县", await new Browser(site).GetStringAsync($"/verify/{certificate}"), StringComparison.Ordinal);
            before = site.WithDb(db => Describe(db, years: 1));
            using var scope = site.Services.CreateScope();
            var invited = await scope.ServiceProvider.GetRequiredService<Awards.Web.Features.Users.Invitations>()
                .InviteAsync("judge.next@example.org", "吴评审", Core.Identity.Roles.Judge, site.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id), null);
            Assert.True(invited.Succeeded);
            Assert.True((await scope.ServiceProvider.GetRequiredService<Awards.Web.Features.Users.Invitations>()
                .InviteAsync("judge.gone@example.org", "郑停用", Core.Identity.Roles.Judge, null, null)).Succeeded);
            site.WithDb(db =>
            {
                db.Users.Single(u => u.Email == "judge.gone@example.org").DeactivatedAt = DateTime.UtcNow;
                return db.SaveChanges();
            });
        }

        var folder = Path.Combine(_root, "seed-2027");
        var (code, output) = await RunAsync(["next-edition", "--out", folder, .. Settings()]);
        Assert.Equal(0, code);
        Assert.Contains("Wrote the 2027 edition's seed files", output, StringComparison.Ordinal);
        Assert.Equal(["certificates.json", "contest.json", "invitations.txt", "rubrics.json", "rules.en.md", "rules.zh-CN.md", "units.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // This year's judges and coordinators, as the organizer's "invite several" page reads them.
        var invitations = File.ReadAllText(Path.Combine(folder, "invitations.txt"));
        Assert.Contains("judge.next@example.org, 吴评审, Judge, qingshan", invitations, StringComparison.Ordinal);
        var (people, errors) = Awards.Web.Features.Users.InviteLines.Parse(invitations, new Dictionary<string, int> { ["qingshan"] = 7 });
        Assert.Empty(errors);
        Assert.Equal([("judge.next@example.org", "吴评审", Core.Identity.Roles.Judge, (int?)7)], people.Select(p => (p.Email, p.Name, p.Role, p.UnitId)));

        // A judge turned off this year is listed for the organizer to see, commented out: not invited again.
        Assert.Contains("# judge.gone@example.org, 郑停用, Judge, ", invitations, StringComparison.Ordinal);

        // Files for people to edit: the offset and the Chinese as they are written.
        var contestJson = File.ReadAllText(Path.Combine(folder, "contest.json"));
        Assert.Contains("\"timeZone\": \"+08:00\"", contestJson, StringComparison.Ordinal);
        Assert.Contains("\"zh\": \"鼓励奖\"", contestJson, StringComparison.Ordinal);
        Assert.Contains("\"bonus\": 2500", contestJson, StringComparison.Ordinal);

        // A folder with files in it is not written over, and the year must come after this one.
        Assert.Equal(1, (await RunAsync(["next-edition", "--out", folder, .. Settings()])).Code);
        Assert.Equal(2, (await RunAsync(["next-edition", "--out", Path.Combine(_root, "older"), "--year", "2025", .. Settings()])).Code);

        var next = Path.Combine(_root, "next.db");
        var (seeded, seedOutput) = await RunAsync(["seed", $"--Awards:SeedPath={folder}", .. Settings(), $"--Awards:DatabasePath={next}"]);
        Assert.Equal(0, seeded);
        Assert.Contains("Seeded: 13 units, 8 tracks, 0 demo accounts", seedOutput, StringComparison.Ordinal);

        // The folder has no demo files: a demo site on it starts with the contest and no demo data.
        var (demo, demoOutput) = await RunAsync(["seed", $"--Awards:SeedPath={folder}", .. Settings("Demo"), $"--Awards:DatabasePath={Path.Combine(_root, "demo.db")}"]);
        Assert.Equal(0, demo);
        Assert.Contains("Seeded: 13 units, 8 tracks, 0 demo accounts", demoOutput, StringComparison.Ordinal);

        using var nextSite = new SiteOn(_root, "next.db");
        Assert.Equal(before, nextSite.WithDb(db => Describe(db, years: 0)));
        var (thisYear, nextYear) = (new SiteOn(_root).WithDb(db => db.Contests.Single()), nextSite.WithDb(db => db.Contests.Single()));
        Assert.Equal((2027, thisYear.Name.Zh.Replace("2026", "2027", StringComparison.Ordinal)), (nextYear.Year, nextYear.Name.Zh));
        Assert.Equal(SiteTime.ToLocal(thisYear.Schedule.SubmissionClosesAt).AddYears(1), SiteTime.ToLocal(nextYear.Schedule.SubmissionClosesAt));
        Assert.Equal(thisYear.Rules, nextYear.Rules);
        Assert.Equal(thisYear.IssuingOffice, nextYear.IssuingOffice);
        Assert.Equal(0, nextSite.WithDb(db => db.Entries.Count() + db.Users.Count() + db.Placements.Count()));

        // This year's certificate still checks out on the site of the next edition, in both languages.
        var check = await new Browser(nextSite).GetStringAsync($"/verify/{certificate}");
        Assert.Contains("data-testid=\"verified\"", check, StringComparison.Ordinal);
        Assert.Contains("青山区，原名青山县", check, StringComparison.Ordinal);
        Assert.Contains("2026年", check, StringComparison.Ordinal);
        Assert.Contains("Qingshan District, formerly Qingshan County", await new Browser(nextSite).GetStringAsync($"/verify/{certificate}?culture=en"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await new Browser(nextSite).Client.GetAsync($"/verify/{certificate[..^1]}{(certificate[^1] == 'A' ? 'B' : 'A')}")).StatusCode);
    }

    /// <summary>A contest's settings and units, one line each; the rounds' closing times <paramref name="years"/> on.</summary>
    private static List<string> Describe(AwardsDbContext db, int years)
    {
        var units = db.Units.AsNoTracking().ToList();
        var lines = units.Select(u => $"unit {u.Code} {u.Kind} {units.FirstOrDefault(p => p.Id == u.ParentId)?.Code} {u.Name}").Order(StringComparer.Ordinal).ToList();
        foreach (var t in db.Tracks.AsNoTracking().Include(t => t.Criteria).Include(t => t.AwardLevels).Include(t => t.Rounds).OrderBy(t => t.SortOrder).ToList())
        {
            lines.Add($"track {t.Code} {t.Kind} {t.Entrant} blind={t.IsBlind} panel={t.ShowsPanelScores} {t.Name} {t.Description} {t.Limits}");
            lines.AddRange(t.Criteria.OrderBy(c => c.Order).Select(c => $"  criterion {c.Order} {c.Name} {c.Description} {c.Weight:0.####} {c.MinScore}-{c.MaxScore} {string.Join("/", c.Levels)}"));
            lines.AddRange(t.AwardLevels.OrderBy(l => l.Rank).Select(l => $"  level {l.Rank} {l.Name} {l.Quota} bonus {l.Bonus}"));
            lines.AddRange(t.Rounds.OrderBy(r => r.Sequence).Select(r => $"  round {r.Sequence} {r.Kind} {r.Name} {r.JudgesPerEntry} {r.ShortlistTop} {r.ShortlistPercent:0.##} {SiteTime.ToLocal(r.ClosesAt).AddYears(years):O}"));
        }

        return lines;
    }

    [Fact]
    public async Task CreateOrganizer_WithAPasswordOnStandardInput_CanSignIn_AndAddsAnotherButNeverTheSameAddressTwice()
    {
        var (code, output) = await RunAsync(["create-organizer", "--email", "chief@example.org", "--name", "主任", "--password-stdin", .. Settings()], "Chief-Organizer-2026\n");
        Assert.Equal(0, code);
        Assert.Contains("chief@example.org created", output, StringComparison.Ordinal);

        // The way back in when no organizer can sign in: another organizer, not the same address again.
        var (again, againOutput) = await RunAsync(["create-organizer", "--email", "chief@example.org", "--name", "别人", "--password-stdin", .. Settings()], "Other-Organizer-2026\n");
        Assert.Equal(1, again);
        Assert.Contains("chief@example.org", againOutput, StringComparison.Ordinal);
        var (second, secondOutput) = await RunAsync(["create-organizer", "--email", "other@example.org", "--name", "别人", "--password-stdin", .. Settings()], "Other-Organizer-2026\n");
        Assert.Equal(0, second);
        Assert.Contains("other@example.org created", secondOutput, StringComparison.Ordinal);

        using var site = new SiteOn(_root);
        var browser = new Browser(site);
        await browser.SignInOrFailAsync("chief@example.org", "Chief-Organizer-2026");
        Assert.Contains("组织方工作台", await browser.GetStringAsync("/organizer"), StringComparison.Ordinal);
        await new Browser(site).SignInOrFailAsync("other@example.org", "Other-Organizer-2026");
        using var demo = await browser.SignInAsync("organizer@demo.example");
        Assert.Equal(HttpStatusCode.OK, demo.StatusCode);
    }

    [Fact]
    public async Task CreateOrganizer_WithoutAPassword_PrintsAnInvitationLink()
    {
        var (code, output) = await RunAsync(["create-organizer", "--email", "boss@example.org", "--name", "主任", .. Settings()]);

        Assert.Equal(0, code);
        Assert.Contains("http://localhost:5000/account/accept-invitation?email=boss@example.org&token=", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "mail"), "*.eml"));
    }

    [Fact]
    public async Task CreateOrganizer_WithoutAnEmail_ExplainsTheUsage()
    {
        var (code, output) = await RunAsync(["create-organizer", "--name", "主任", .. Settings()]);

        Assert.Equal(2, code);
        Assert.Contains("--email is required", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The site in production mode on the database the CLI just wrote.</summary>
    private sealed class SiteOn(string root, string database = "awards.db") : AwardsFactory
    {
        protected override string Mode => "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Awards:DatabasePath", Path.Combine(root, database));
            builder.UseSetting("Awards:KeysPath", Path.Combine(root, "keys"));
        }
    }
}
