using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

namespace Awards.Browser.Tests;

/// <summary>
/// The site on a real Kestrel port (Playwright cannot reach the in-memory test server), with a
/// fresh demo database, and Debian's Chromium driven by Playwright. Playwright's own browser
/// downloads are never used.
/// </summary>
public sealed class SiteFixture : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "awards-browser-tests", Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;

    public SiteFixture() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Where the site writes its mail (.eml files), to follow links a person would get by e-mail.</summary>
    public string MailFolder => Path.Combine(_root, "mail");

    /// <summary>
    /// The one message to <paramref name="address"/> (with <paramref name="subject"/>, if given) that
    /// the site's outbox delivered to the pickup folder, as a mail client would show it: the site
    /// delivers in the background right after the request, so this waits for it, up to 15 seconds.
    /// </summary>
    public async Task<Web.Infrastructure.Mail.StoredMail> MailToAsync(string address, string? subject = null)
    {
        for (var waited = 0; ; waited += 100)
        {
            var found = Directory.Exists(MailFolder)
                ? Directory.GetFiles(MailFolder, "*.eml")
                    .Select(f => Web.Infrastructure.Mail.EmlFormat.Read(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))
                    .Where(m => m.To == address && (subject is null || m.Subject == subject))
                    .ToList()
                : [];
            if (found.Count > 0 || waited >= 15_000)
            {
                return Assert.Single(found);
            }

            await Task.Delay(100);
        }
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("AWARDS_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Screenshots and traces, kept after the run (artifacts/ at the repository root, ignored by git).</summary>
    public static string ArtifactsFolder { get; } = Directory.CreateDirectory(Path.Combine(Web.Infrastructure.AppPaths.Root, "artifacts", "browser")).FullName;

    public async Task InitializeAsync()
    {
        StartServer();
        BaseAddress = ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Awards:Mode", "Demo");
        builder.UseSetting("Awards:DatabasePath", Path.Combine(_root, "awards.db"));
        builder.UseSetting("Awards:KeysPath", Path.Combine(_root, "keys"));
        builder.UseSetting("Mail:PickupDirectory", MailFolder);
    }
}
