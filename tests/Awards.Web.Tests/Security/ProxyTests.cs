using System.Net;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Security;

/// <summary>
/// Behind a reverse proxy (Awards:Proxies), the rate limits count each visitor by the address the
/// proxy forwards, not the proxy's own: one visitor's failed sign-ins do not lock the others out.
/// </summary>
public sealed class ProxyTests(ProxyTests.BehindAProxy factory) : IClassFixture<ProxyTests.BehindAProxy>
{
    [Fact]
    public async Task TheSignInLimit_CountsEachForwardedVisitor_NotTheProxy()
    {
        var first = Visitor("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            (await first.SignInAsync("judge.zheng@demo.example", "Wrong-Password-1")).Dispose();
        }

        using (var limited = await first.SignInAsync("judge.zheng@demo.example", "Wrong-Password-1"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        }

        // Another visitor through the same proxy is not limited by the first one's attempts.
        using var other = await Visitor("198.51.100.23").SignInAsync("judge.lin@demo.example");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
    }

    private Browser Visitor(string address)
    {
        var browser = new Browser(factory);
        browser.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return browser;
    }

    /// <summary>The site behind a proxy at 10.0.0.2, with 3 account posts a minute per visitor.</summary>
    public sealed class BehindAProxy : AwardsFactory
    {
        protected override int AccountPostsPerMinute => 3;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Awards:Proxies", "10.0.0.2");
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new FromTheProxy()));
        }
    }

    // Every request reaches the site from the proxy's address, as it would behind it.
    private sealed class FromTheProxy : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse("10.0.0.2");
                return following(context);
            });
            next(app);
        };
    }
}
