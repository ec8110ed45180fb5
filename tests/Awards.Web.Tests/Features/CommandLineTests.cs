using System.Net;
using Awards.Web.Cli;
using Awards.Web.Tests.Infrastructure;

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
            ["migrate ", "seed ", "create-organizer --email", "rank --track", "export KIND", "export judge-packet --judge", "backup --out", "restore FILE", "generate city", "--help "],
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
    public async Task CreateOrganizer_WithAPasswordOnStandardInput_CanSignIn_AndOnlyOnce()
    {
        var (code, output) = await RunAsync(["create-organizer", "--email", "chief@example.org", "--name", "主任", "--password-stdin", .. Settings()], "Chief-Organizer-2026\n");
        Assert.Equal(0, code);
        Assert.Contains("chief@example.org created", output, StringComparison.Ordinal);

        var (second, secondOutput) = await RunAsync(["create-organizer", "--email", "other@example.org", "--name", "别人", "--password-stdin", .. Settings()], "Other-Organizer-2026\n");
        Assert.Equal(1, second);
        Assert.Contains("already exists", secondOutput, StringComparison.Ordinal);

        using var site = new SiteOn(_root);
        var browser = new Browser(site);
        await browser.SignInOrFailAsync("chief@example.org", "Chief-Organizer-2026");
        Assert.Contains("组织方工作台", await browser.GetStringAsync("/organizer"), StringComparison.Ordinal);
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
    private sealed class SiteOn(string root) : AwardsFactory
    {
        protected override string Mode => "Production";

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Awards:DatabasePath", Path.Combine(root, "awards.db"));
            builder.UseSetting("Awards:KeysPath", Path.Combine(root, "keys"));
        }
    }
}
