using System.Globalization;
using System.Net;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Users;

/// <summary>
/// The office has several organizers: one invites another from the users page, each acts under
/// their own name, one can turn another off, and the last one who can sign in is never turned off.
/// </summary>
public sealed class OrganizersTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnOrganizerInvitesAnother_WhoRunsTheSiteUnderTheirOwnName_AndTheLastOneCannotBeTurnedOff()
    {
        const string first = "chief.one@example.org";
        const string second = "chief.two@example.org";
        await Nominating.CreateUserAsync(factory, first, Roles.Organizer, unitCode: null, name: "陈一");
        var one = await Nominating.SignedInAsync(factory, first);

        using (var invited = await one.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", Invite(second, "李二", Roles.Organizer)))
        {
            Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        }

        var two = new Browser(factory);
        await AcceptAsync(two, Mails.LinkIn(await Mails.ToAsync(factory, second)), second, "Second-Organizer-2026");
        await two.SignInOrFailAsync(second, "Second-Organizer-2026");
        Assert.Contains("/organizer/results/", await two.GetStringAsync("/organizer/results"), StringComparison.Ordinal);

        // The second turns off the first and every other organizer; each change is theirs in the log.
        var (oneId, twoId) = (IdOf(first), IdOf(second));
        foreach (var id in OrganizerIds().Where(id => id != twoId))
        {
            (await two.PostAsync("/organizer/users", $"/organizer/users/{id}/deactivate")).Dispose();
            Assert.NotNull(factory.WithDb(db => db.Users.Single(u => u.Id == id).DeactivatedAt));
        }

        Assert.Equal(oneId, AuditBy("Invite", twoId));
        Assert.Equal(twoId, AuditBy("AcceptInvitation", twoId));
        Assert.Equal(twoId, AuditBy("Deactivate", oneId));
        Assert.Contains("李二", await two.GetStringAsync($"/organizer/audit?entity=User&key={oneId}&action=Deactivate"), StringComparison.Ordinal);

        // Now the last organizer who can sign in: turning their own account off is refused.
        (await two.PostAsync("/organizer/users", $"/organizer/users/{twoId}/deactivate")).Dispose();
        Assert.Contains("是最后一个可用的组织方账号，不能停用", await two.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Users.Single(u => u.Id == twoId).DeactivatedAt));
        Assert.Equal(HttpStatusCode.OK, (await two.Client.GetAsync("/organizer")).StatusCode);

        // With the first turned on again, the second may turn their own account off.
        (await two.PostAsync("/organizer/users", $"/organizer/users/{oneId}/reactivate")).Dispose();
        one = await Nominating.SignedInAsync(factory, first);
        (await two.PostAsync("/organizer/users", $"/organizer/users/{twoId}/deactivate")).Dispose();
        Assert.NotNull(factory.WithDb(db => db.Users.Single(u => u.Id == twoId).DeactivatedAt));
        Assert.StartsWith("/account/login", (await two.Client.GetAsync("/organizer")).Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await one.Client.GetAsync("/organizer")).StatusCode);
    }

    [Fact]
    public async Task AJudgesInvitation_CannotBeAcceptedAsAnOrganizers()
    {
        const string email = "plain.judge@example.org";
        await Nominating.CreateUserAsync(factory, "chief.three@example.org", Roles.Organizer, unitCode: null);
        var organizer = await Nominating.SignedInAsync(factory, "chief.three@example.org");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", Invite(email, "周评委", Roles.Judge))).Dispose();
        var link = Mails.LinkIn(await Mails.ToAsync(factory, email));

        // The link carries no role, and a role added to it or to the form is not read.
        var judge = new Browser(factory);
        await AcceptAsync(judge, link + "&role=Organizer", email, "Plain-Judge-2026", new Dictionary<string, string> { ["Role"] = Roles.Organizer, ["UnitId"] = "1" });
        await judge.SignInOrFailAsync(email, "Plain-Judge-2026");

        Assert.Equal(HttpStatusCode.OK, (await judge.Client.GetAsync("/judge")).StatusCode);
        using var organizerPage = await judge.Client.GetAsync("/organizer/users");
        Assert.StartsWith("/account/access-denied", organizerPage.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal([Roles.Judge], RolesOf(email));
    }

    [Fact]
    public async Task OnlyAnOrganizer_InvitesAnOrganizer_AndWithoutAUnit()
    {
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        using (var forged = await coordinator.SubmitAsync("/coordinator", "/organizer/users/invite", Invite("usurper@example.org", "冒充者", Roles.Organizer)))
        {
            Assert.StartsWith("/account/access-denied", forged.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "usurper@example.org")));

        await Nominating.CreateUserAsync(factory, "chief.four@example.org", Roles.Organizer, unitCode: null);
        var organizer = await Nominating.SignedInAsync(factory, "chief.four@example.org");
        var unit = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id).ToString(CultureInfo.InvariantCulture);
        using var withUnit = await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>(Invite("unit.chief@example.org", "单位主任", Roles.Organizer)) { ["Form.UnitId"] = unit });

        Assert.Contains("组织方不属于任何单位", await withUnit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(factory.WithDb(db => db.Users.Any(u => u.Email == "unit.chief@example.org")));
        Assert.Contains("value=\"Organizer\"", await organizer.GetStringAsync("/organizer/users/invite"), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Invite(string email, string name, string role) =>
        new() { ["Form.Email"] = email, ["Form.Name"] = name, ["Form.Role"] = role };

    private static async Task AcceptAsync(Browser browser, string link, string email, string password, Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>(extra ?? [])
        {
            ["Email"] = email,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        };
        using var accepted = await browser.SubmitAsync(link, "/account/accept-invitation", fields);
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, System.Text.RegularExpressions.Regex.Match(await accepted.Content.ReadAsStringAsync(), "(?s)<main.*?</main>").Value);
    }

    private int IdOf(string email) => factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);

    private List<int> OrganizerIds() => factory.WithDb(db =>
        (from u in db.Users join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id where r.Name == Roles.Organizer && u.DeactivatedAt == null select u.Id).ToList());

    private List<string> RolesOf(string email) => factory.WithDb(db =>
        (from u in db.Users where u.Email == email join ur in db.UserRoles on u.Id equals ur.UserId join r in db.Roles on ur.RoleId equals r.Id select r.Name!).ToList());

    /// <summary>The account recorded for the action on a user's row.</summary>
    private int? AuditBy(string action, int userId)
    {
        var key = userId.ToString(CultureInfo.InvariantCulture);
        return factory.WithDb(db => db.AuditLog.Where(a => a.Action == action && a.EntityType == "User" && a.EntityKey == key).OrderBy(a => a.Id).Select(a => a.UserId).Single());
    }
}
