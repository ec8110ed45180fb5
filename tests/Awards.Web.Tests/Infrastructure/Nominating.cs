using System.Net;
using Awards.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>Filling in nominations the way a coordinator does, and the accounts to do it with.</summary>
public static class Nominating
{
    /// <summary>About 900 characters of deeds: inside the default 800–5,000.</summary>
    public static readonly string Deeds = string.Concat(Enumerable.Repeat("她带领村民发展扶贫车间，建起电商服务站，带动三百户脱贫。", 33));

    public static Dictionary<string, string> Person(string title = "扎根山村的带头人", string name = "李秀兰") => new()
    {
        ["Form.Title"] = title,
        ["Form.NomineeName"] = name,
        ["Form.NomineeGender"] = "Female",
        ["Form.NomineeBirthYear"] = "1981",
        ["Form.NomineePosition"] = "青山县石桥镇副镇长",
        ["Form.NomineeContact"] = "0791-5550101",
        ["Form.Deeds"] = Deeds,
        ["Form.Opinion"] = "同意推荐。",
    };

    /// <summary>Saves a draft through the form and returns its entry code.</summary>
    public static async Task<string> CreateDraftAsync(Browser browser, string track, Dictionary<string, string>? fields = null)
    {
        var page = $"/nominations/new/{track}";
        using var response = await browser.SubmitAsync(page, page, fields ?? Person());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/nominations/", location, StringComparison.Ordinal);
        return location["/nominations/".Length..];
    }

    public static async Task<HttpResponseMessage> SubmitAsync(Browser browser, string code) =>
        await browser.PostAsync($"/nominations/{code}", $"/nominations/{code}/submit");

    /// <summary>A confirmed account with a role and a unit, made directly (invitations have their own tests).</summary>
    public static async Task CreateUserAsync(AwardsFactory factory, string email, string role, string? unitCode, string? name = null, string? phone = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        var user = new AppUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name ?? email.Split('@')[0],
            PhoneNumber = phone,
            UnitId = unitCode is null ? null : db.Units.Single(u => u.Code == unitCode).Id,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(user, Browser.DemoPassword);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    public static async Task<Browser> SignedInAsync(AwardsFactory factory, string email)
    {
        var browser = new Browser(factory);
        await browser.SignInOrFailAsync(email);
        return browser;
    }
}
