using System.Net;
using Awards.Web.Data;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 3.3.1: after signing out, a copy of the session cookie (a shared computer, a stolen cookie)
/// no longer signs anyone in. The stamp each request compares is kept in the process between
/// requests (ADR 0010), so these tests make a request with the copy first, to be sure the old stamp
/// is held, before the stamp changes.
/// </summary>
public sealed class SessionTests(CountingSite factory) : IClassFixture<CountingSite>
{
    [Fact]
    public async Task ACopiedCookie_StopsWorking_WhenItsOwnerSignsOut()
    {
        var browser = new Browser(factory);
        var copy = await CopyOfSessionAsync(browser, "coordinator.power@demo.example");
        using (var before = await copy.GetAsync("/coordinator"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        (await browser.PostAsync("/coordinator", "/account/logout")).Dispose();
        using var after = await copy.GetAsync("/coordinator");

        AssertSentToSignIn(after);
    }

    [Fact]
    public async Task SigningOut_EndsThisSessionAndItsCopies_NotTheAccountsOtherSessions()
    {
        const string email = "coordinator.qingshan@demo.example";
        var browser = new Browser(factory);
        var copy = await CopyOfSessionAsync(browser, email);
        var elsewhere = await Nominating.SignedInAsync(factory, email);
        (await copy.GetAsync("/coordinator")).Dispose();

        (await browser.PostAsync("/coordinator", "/account/logout")).Dispose();

        using (var copied = await copy.GetAsync("/coordinator"))
        {
            AssertSentToSignIn(copied);
        }

        Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("/coordinator")).StatusCode);
        var id = factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
        Assert.Single(factory.WithDb(db => db.UserSessions.Where(s => s.UserId == id && s.EndedAt != null).ToList()));
    }

    [Fact]
    public async Task ACopiedCookie_StopsWorking_OnceAStampChangedInsideATransaction_Commits_EvenIfItWasUsedInBetween()
    {
        var browser = new Browser(factory);
        var copy = await CopyOfSessionAsync(browser, "coordinator.liuxi@demo.example");
        (await copy.GetAsync("/coordinator")).Dispose();

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await ImmediateTransaction.RunAsync(db, async ct =>
            {
                var user = await users.FindByEmailAsync("coordinator.liuxi@demo.example");
                Assert.True((await users.UpdateSecurityStampAsync(user!)).Succeeded);

                // Saved, not committed: the copy still reads the old stamp, and may hold it again.
                using var between = await copy.GetAsync("/coordinator", ct);
                Assert.Equal(HttpStatusCode.OK, between.StatusCode);
                return 0;
            });
        }

        using var after = await copy.GetAsync("/coordinator");

        AssertSentToSignIn(after);
    }

    [Fact]
    public async Task ASignedInPage_ThatNeedsNoRows_RunsNoQuery_OnARepeatVisit()
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync("judge.gao@demo.example");
        (await browser.Client.GetAsync("/account/access-denied")).Dispose();
        factory.Queries.Reset();

        using var again = await browser.Client.GetAsync("/account/access-denied");

        // The account's stamp comes from the process's copy, the contest from its cache.
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("data-testid=\"signed-in-as\"", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, factory.Queries.For("/account/access-denied"));
    }

    private async Task<HttpClient> CopyOfSessionAsync(Browser browser, string email)
    {
        using var signIn = await browser.SignInAsync(email);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("awards.auth=", StringComparison.Ordinal)).Split(';')[0];
        var copy = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        copy.DefaultRequestHeaders.Add("Cookie", cookie);
        return copy;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
