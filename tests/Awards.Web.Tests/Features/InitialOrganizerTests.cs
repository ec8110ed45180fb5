using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace Awards.Web.Tests.Features;

/// <summary>Production mode with the first organizer given in configuration.</summary>
public sealed class ConfiguredOrganizerFactory : AwardsFactory
{
    protected override string Mode => "Production";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Awards:InitialOrganizer:Email", "office@example.gov.cn");
        builder.UseSetting("Awards:InitialOrganizer:Name", "市扶贫办");
        builder.UseSetting("Awards:InitialOrganizer:Password", "Office-Password-2026");
    }
}

public sealed class InitialOrganizerTests(ConfiguredOrganizerFactory factory) : IClassFixture<ConfiguredOrganizerFactory>
{
    [Fact]
    public async Task FirstOrganizer_FromConfiguration_CanSignIn_AndIsTheOnlyAccount()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("office@example.gov.cn", "Office-Password-2026");

        Assert.Contains("组织方工作台", await browser.GetStringAsync("/organizer"), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.Users.Count()));
        Assert.Contains(factory.WithDb(db => db.AuditLog.ToList()), a => a.Action == "CreateOrganizer");
    }

    [Fact]
    public async Task ProductionMode_HasNoMailboxPage()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("office@example.gov.cn", "Office-Password-2026");

        using var response = await browser.Client.GetAsync("/organizer/mailbox");

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
