using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Security;

/// <summary>ASVS 3.3.1: after signing out, a copy of the session cookie (a shared computer, a stolen cookie) no longer signs anyone in.</summary>
public sealed class SessionTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        var browser = new Browser(factory);
        using var signIn = await browser.SignInAsync("coordinator.power@demo.example");
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("awards.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        using (var before = await copy.GetAsync("/coordinator"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await browser.PostAsync("/coordinator", "/account/logout")).Dispose();
        using var after = await copy.GetAsync("/coordinator");

        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
