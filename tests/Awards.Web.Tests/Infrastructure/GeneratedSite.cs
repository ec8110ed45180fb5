using Awards.Web.Cli;
using Awards.Web.Data.Generate;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The site on a contest made by the <c>generate</c> verb, counting each request's SQL commands.</summary>
public sealed class GeneratedSite : AwardsFactory
{
    private GeneratedSite()
    {
    }

    public QueryCounter Queries { get; } = new();

    public static async Task<GeneratedSite> CreateAsync(string scale, int seed = 3)
    {
        var site = new GeneratedSite();
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(["generate", scale, "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture), .. site.Settings], output);
        if (code != 0)
        {
            throw new InvalidOperationException(output.ToString());
        }

        return site;
    }

    /// <summary>A browser signed in as the generated contest's organizer.</summary>
    public async Task<Browser> OrganizerAsync()
    {
        var browser = new Browser(this);
        await browser.SignInOrFailAsync(GeneratedAccounts.Organizer, GeneratedAccounts.Password);
        return browser;
    }

    /// <summary>The configuration options that point the CLI at this site's database and keys.</summary>
    public string[] Settings =>
    [
        $"--Awards:DatabasePath={DatabasePath}",
        $"--Awards:KeysPath={Path.Combine(Root, "keys")}",
        $"--Mail:PickupDirectory={MailFolder}",
        "--Awards:Mode=Demo",
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Queries.AddTo);
    }
}
