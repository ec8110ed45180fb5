using System.Net;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A form from a page that is out of date, an address that takes only forms, and the language
/// switch on such pages: each shows the error page with a message that says what to do, and the
/// switch brings the visitor back to a page that opens.
/// </summary>
public sealed class StalePageTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AFormWhoseTokenNoLongerHolds_ShowsTheErrorPage_WithWhatToDo()
    {
        var visitor = new Browser(factory);
        await visitor.GetStringAsync("/account/login");
        using var response = await visitor.Client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "organizer@demo.example",
            ["Password"] = Browser.DemoPassword,
            ["__RequestVerificationToken"] = "from-a-page-opened-in-another-session",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单未被接受", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormSentAfterTheSessionEnded_LeadsToTheSignInPage_WhichSaysNothingWasSaved()
    {
        var author = await Writing.NewAuthorAsync(factory, "session.ended@example.org");
        var token = await author.TokenFromAsync("/essays/new/journey");
        (await author.PostAsync("/author", "/account/logout")).Dispose();

        using var response = await author.Client.PostAsync("/essays/new/journey", FormFields.WithToken(Writing.Essay(), token));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var login = response.Headers.Location!.OriginalString;
        Assert.Contains("ReturnUrl=%2Fessays%2Fnew%2Fjourney", login, StringComparison.Ordinal);
        Assert.Contains("您的登录已失效，刚才提交的内容没有保存", await new Browser(factory).GetStringAsync(login), StringComparison.Ordinal);
        Assert.DoesNotContain("登录已失效", await new Browser(factory).GetStringAsync("/account/login?ReturnUrl=%2Fessays%2Fnew%2Fjourney"), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Entries.Count(e => db.Users.Any(u => u.Id == e.OwnerUserId && u.Email == "session.ended@example.org"))));
    }

    [Fact]
    public async Task AnAddressThatTakesOnlyForms_OpenedAsAPage_SaysSo()
    {
        using var response = await new Browser(factory).Client.GetAsync("/notice/objections");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("此地址只接收从其页面提交的表单", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLanguageSwitch_OnANotFoundPage_ComesBackToTheAddressAskedFor()
    {
        using var response = await new Browser(factory).Client.GetAsync("/no-such-page?x=1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("name=\"returnUrl\" value=\"/no-such-page?x=1\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheSignInForm_CarriesNoUntranslatedFrameworkMessage()
    {
        var page = await new Browser(factory).GetStringAsync("/account/login");
        Assert.DoesNotContain("field is required", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-val", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANotFoundPage_AskedForInEnglish_IsInEnglish()
    {
        using var response = await new Browser(factory).Client.GetAsync("/no-such-page?culture=en");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("The page was not found, or it is not yours to see.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET", null, "/essays/new/help-story?draft=1", "/essays/new/help-story?draft=1")]
    [InlineData("POST", "http://awards.example/notice", "/notice/objections", "/notice")]
    [InlineData("POST", "http://elsewhere.example/notice", "/notice/objections", "/")]
    [InlineData("POST", null, "/notice/objections", "/")]
    public void ThePageAnsweringAForm_SendsTheSwitchBackToTheFormsPage(string method, string? referer, string pathAndQuery, string expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Host = new HostString("awards.example");
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = query < 0 ? pathAndQuery : pathAndQuery[..query];
        context.Request.QueryString = query < 0 ? QueryString.Empty : new QueryString(pathAndQuery[query..]);
        if (referer is not null)
        {
            context.Request.Headers.Referer = referer;
        }

        Assert.Equal(expected, ReturnUrl.For(context));
    }
}
