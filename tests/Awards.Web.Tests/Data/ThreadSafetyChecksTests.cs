using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Awards.Web.Tests.Data;

/// <summary>
/// EF's check for two operations at once on one context runs in the tests and in development,
/// where it turns a concurrency bug into a clear exception, and is off in production, where it
/// cost every row read two AsyncLocal writes (docs/PERFORMANCE.md).
/// </summary>
public sealed class ThreadSafetyChecksTests
{
    [Theory]
    [InlineData("Testing", true)]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public void TheContextsCheckForConcurrentUse_OutsideProductionOnly(string environment, bool expected)
    {
        using var factory = new EnvironmentFactory(environment);

        var enabled = factory.WithDb(db => db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled);
        var entries = factory.WithDb(db => db.Entries.Count());

        Assert.Equal(expected, enabled);
        Assert.True(entries > 0, "the site's contexts still read the demo contest");
    }

    private sealed class EnvironmentFactory(string environment) : AwardsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }
}
