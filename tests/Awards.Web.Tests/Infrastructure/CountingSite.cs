using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The demo site, counting each request's SQL commands.</summary>
public sealed class CountingSite : AwardsFactory
{
    public QueryCounter Queries { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(Queries.AddTo);
    }
}
