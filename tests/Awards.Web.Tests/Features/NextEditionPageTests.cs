using System.IO.Compression;
using System.Net;
using Awards.Core.Identity;
using Awards.Web.Cli;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features;

/// <summary>
/// Next year's contest from the web (ADR 0021): the organizer's page previews and downloads, as one
/// .zip, the seed files that the <c>next-edition</c> verb writes.
/// </summary>
public sealed class NextEditionPageTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Page = "/organizer/next-edition";

    private const string Download = "/organizer/next-edition/download";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "awards-next-edition-tests", Guid.NewGuid().ToString("N"));

    private static async Task<(int Code, string Output)> RunAsync(string[] args, string input = "")
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, new StringReader(input));
        return (code, output.ToString());
    }

    [Fact]
    public async Task TheZip_HoldsWhatTheCliWrites_SeedsTheNewEdition_AndItsInvitationsBringTheLeadingGroupBack()
    {
        // A final prize, so that certificates.json carries a certificate.
        var certificate = factory.WithDb(db =>
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
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        Assert.Contains($"href=\"{Page}\"", await organizer.GetStringAsync("/organizer"), StringComparison.Ordinal);
        Assert.Contains($"href=\"{Page}\"", await organizer.GetStringAsync("/organizer/contest"), StringComparison.Ordinal);

        // The preview: the year after this one, its name, the dates a year on, and what is carried.
        var preview = await organizer.GetStringAsync(Page);
        Assert.Contains("value=\"2027\"", preview, StringComparison.Ordinal);
        Assert.Contains("2027年清河市扶贫日表彰暨征文活动", preview, StringComparison.Ordinal);
        Assert.Contains("所有日期比 2026 年顺延 1 年。", preview, StringComparison.Ordinal);
        var closes = factory.WithDb(db => db.Contests.Single().Schedule.SubmissionClosesAt);
        Assert.Contains(SiteTime.ToLocal(closes).AddYears(1).ToString("yyyy年M月d日 HH:mm（北京时间）", System.Globalization.CultureInfo.InvariantCulture), preview, StringComparison.Ordinal);
        Assert.Equal(8, CountOf(preview, "data-testid=\"next-track\""));
        Assert.Contains("data-testid=\"next-units\">13<", preview, StringComparison.Ordinal);
        Assert.Contains("领导小组成员：1", preview, StringComparison.Ordinal);
        Assert.Contains("评委：5", preview, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"next-certificates\">1<", preview, StringComparison.Ordinal);

        using var response = await organizer.SubmitAsync(Page, Download, new Dictionary<string, string> { ["Year"] = "2027" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("2027届评选初始化文件.zip", response.Content.Headers.ContentDisposition?.FileNameStar);
        var zipped = Unzip(await response.Content.ReadAsByteArrayAsync());

        // Byte for byte what next-edition writes from the same database, and the README besides.
        var cliFolder = Path.Combine(_root, "cli");
        Assert.Equal(0, (await RunAsync(["next-edition", "--out", cliFolder, .. Settings(factory.DatabasePath, "Demo")])).Code);
        var written = Directory.GetFiles(cliFolder).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.Equal([.. written.Keys.Append("README.txt").Order(StringComparer.Ordinal)], zipped.Keys.Order(StringComparer.Ordinal));
        Assert.All(written, file => Assert.Equal(file.Value, zipped[file.Key]));

        var readme = System.Text.Encoding.UTF8.GetString(zipped["README.txt"]);
        Assert.Contains("2027届评选初始化文件", readme, StringComparison.Ordinal);
        Assert.Contains("Seed files of the 2027 edition", readme, StringComparison.Ordinal);
        Assert.Contains("dotnet run --project src/Awards.Web -- seed --Awards:Mode=Production --Awards:SeedPath=data/seed-2027 --Awards:DatabasePath=data/awards-2027.db", readme, StringComparison.Ordinal);

        // The download is in the audit log, in the organizer's name.
        var recorded = factory.WithDb(db => db.AuditLog.AsNoTracking().Where(a => a.Action == "DownloadNextEdition").Select(a => new { a.UserId, a.After }).ToList());
        Assert.Equal(factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").Id), Assert.Single(recorded).UserId);
        Assert.StartsWith("2027: 13 units", recorded[0].After, StringComparison.Ordinal);
        Assert.Contains("下载下一届初始化文件", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);

        // This year's leading group is listed with the coordinators and judges.
        var invitations = System.Text.Encoding.UTF8.GetString(zipped["invitations.txt"]);
        Assert.Contains("leader@demo.example, 王建国, Leader, \n", invitations, StringComparison.Ordinal);

        // Unzipped, the files seed the new edition's database, which starts with the contest a year on.
        var folder = Path.Combine(_root, "seed-2027");
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in zipped)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, name), content);
        }

        var next = Path.Combine(_root, "awards-2027.db");
        var (seeded, seedOutput) = await RunAsync(["seed", $"--Awards:SeedPath={folder}", .. Settings(next, "Production")]);
        Assert.Equal(0, seeded);
        Assert.Contains("Seeded: 13 units, 8 tracks, 0 demo accounts", seedOutput, StringComparison.Ordinal);
        Assert.Equal(0, (await RunAsync(["create-organizer", "--email", "chief@example.org", "--name", "陈主任", "--password-stdin", .. Settings(next, "Production")], "Chief-Organizer-2027\n")).Code);

        // Next year's organizer pastes invitations.txt: the leader is invited as a leader, with no unit.
        using var site = new NextSite(_root, next);
        var chief = new Browser(site);
        await chief.SignInOrFailAsync("chief@example.org", "Chief-Organizer-2027");
        Assert.Contains("2027年清河市扶贫日表彰暨征文活动", await chief.GetStringAsync("/"), StringComparison.Ordinal);
        using (var sent = await chief.SubmitAsync("/organizer/users/invite-many", "/organizer/users/invite-many", new Dictionary<string, string> { ["Lines"] = invitations }))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }

        var leader = site.WithDb(db => db.Users.AsNoTracking().Where(u => u.Email == "leader@demo.example")
            .Select(u => new { u.DisplayName, u.UnitId, Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToList() }).Single());
        Assert.Equal(("王建国", (int?)null, Roles.Leader), (leader.DisplayName, leader.UnitId, Assert.Single(leader.Roles)));
        var listed = invitations.Split('\n').Where(l => l.Contains('@', StringComparison.Ordinal) && !l.StartsWith('#')).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(10, listed.Count);
        Assert.Equal(listed.Count, site.WithDb(db => db.Users.Count(u => listed.Contains(u.Email!))));
        await Mails.ToAsync(site, "leader@demo.example");

        // This year's certificate checks out on the new edition's site.
        Assert.Contains("data-testid=\"verified\"", await new Browser(site).GetStringAsync($"/verify/{certificate}"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2025")]
    [InlineData("10000")]
    [InlineData("二〇二七")]
    [InlineData("-2027")]
    public async Task AYearThatIsNotAfterThisOne_IsRefusedUnderTheField_AndNothingIsDownloadedOrRecorded(string year)
    {
        var organizer = new Browser(factory);
        await organizer.SignInOrFailAsync("organizer@demo.example");
        const string Message = "新一届的年份须晚于 2026 年，且小于 10000。";

        var preview = await organizer.GetStringAsync($"{Page}?year={Uri.EscapeDataString(year)}");
        Assert.Contains(Message, preview, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"next-edition-download\"", preview, StringComparison.Ordinal);

        using var response = await organizer.SubmitAsync(Page, Download, new Dictionary<string, string> { ["Year"] = year });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains(Message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.AuditLog.Any(a => a.Action == "DownloadNextEdition" && a.After!.StartsWith(year + ":"))));
    }

    [Theory]
    [InlineData("judge.huang@demo.example")]
    [InlineData("coordinator.qingshan@demo.example")]
    [InlineData("leader@demo.example")]
    [InlineData(null)]
    public async Task NobodyButAnOrganizer_ReachesThePageOrTheDownload(string? email)
    {
        var browser = new Browser(factory);
        if (email is not null)
        {
            await browser.SignInOrFailAsync(email);
        }

        var expected = email is null ? "/account/login" : "/account/access-denied";
        using (var page = await browser.Client.GetAsync(Page))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith(expected, page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        var before = factory.WithDb(db => db.AuditLog.Count(a => a.Action == "DownloadNextEdition"));
        using var download = await browser.Client.PostAsync(Download, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Year"] = "2027",
            ["__RequestVerificationToken"] = await browser.TokenFromAsync("/"),
        }));
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.StartsWith(expected, download.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(before, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "DownloadNextEdition")));
    }

    private string[] Settings(string database, string mode) =>
    [
        $"--Awards:DatabasePath={database}",
        $"--Awards:KeysPath={Path.Combine(_root, "keys")}",
        $"--Mail:PickupDirectory={Path.Combine(_root, "mail")}",
        $"--Awards:Mode={mode}",
    ];

    private static Dictionary<string, byte[]> Unzip(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        return zip.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

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

    /// <summary>The site in production mode on the new edition's database.</summary>
    private sealed class NextSite(string root, string database) : AwardsFactory
    {
        protected override string Mode => "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Awards:DatabasePath", database);
            builder.UseSetting("Awards:KeysPath", Path.Combine(root, "keys"));
        }
    }
}
