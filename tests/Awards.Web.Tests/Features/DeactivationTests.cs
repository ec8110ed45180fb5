using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer turns off the account of someone who left their unit or the panel: its sessions
/// end, it cannot sign in, get a reset link or accept an invitation, a judge gets no more entries;
/// turned on again, it works as before.
/// </summary>
public sealed class DeactivationTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ACoordinatorWhoLeft_IsSignedOut_CannotSignInOrResetThePassword_UntilTurnedOnAgain()
    {
        const string email = "coordinator.yunling@demo.example";
        var coordinator = await Nominating.SignedInAsync(factory, email);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var id = IdOf(email);

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/deactivate")).Dispose();

        using (var after = await coordinator.Client.GetAsync("/coordinator"))
        {
            Assert.StartsWith("/account/login", after.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        }

        using (var signIn = await new Browser(factory).SignInAsync(email))
        {
            Assert.Contains("该账号已停用", await signIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var before = (await Mails.InAsync(factory)).Count(m => m.To == email);
        var answer = await AccountSecurityTests.ForgotAsync(new Browser(factory), email);
        Assert.Contains("data-testid=\"forgot-sent\"", answer, StringComparison.Ordinal);
        Assert.Equal(before, (await Mails.InAsync(factory)).Count(m => m.To == email));

        var users = await organizer.GetStringAsync($"/organizer/users?q={email}");
        Assert.Contains("data-testid=\"account-off\"", users, StringComparison.Ordinal);
        Assert.Contains($"action=\"/organizer/users/{id}/reactivate\"", users, StringComparison.Ordinal);

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/reactivate")).Dispose();
        await new Browser(factory).SignInOrFailAsync(email);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["Deactivate", "Reactivate"], factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == key && a.EntityType == "User" && (a.Action == "Deactivate" || a.Action == "Reactivate")).OrderBy(a => a.Id).Select(a => a.Action).ToList()));
    }

    [Fact]
    public async Task TheOnlyOrganizer_CannotTurnTheirOwnAccountOff()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var id = IdOf("organizer@demo.example");

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/deactivate")).Dispose();

        Assert.Contains("organizer@demo.example 是最后一个可用的组织方账号，不能停用，未作任何更改。", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Users.Single(u => u.Id == id).DeactivatedAt));
        Assert.Equal(HttpStatusCode.OK, (await organizer.Client.GetAsync("/organizer")).StatusCode);
        foreach (var action in new[] { "deactivate", "reactivate" })
        {
            using var unknown = await organizer.PostAsync("/organizer/users", $"/organizer/users/987654/{action}");
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
    }

    [Fact]
    public async Task AnInvitationTurnedOff_CannotBeAccepted_NorSentAgain()
    {
        const string email = "gone.judge@example.org";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string> { ["Form.Email"] = email, ["Form.Name"] = "离任评委", ["Form.Role"] = "Judge" })).Dispose();
        var link = Mails.LinkIn(await Mails.ToAsync(factory, email));
        var id = IdOf(email);

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/deactivate")).Dispose();
        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{id}/resend")).Dispose();

        Assert.Contains("该账号已停用，请先启用。", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);
        Assert.Single(await Mails.InAsync(factory), m => m.To == email);
        Assert.DoesNotContain("name=\"Password\"", await new Browser(factory).GetStringAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJudgeTurnedOff_IsNoLongerOfferedForAPanel()
    {
        const string email = "judge.qian@demo.example";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var round = factory.WithDb(db => db.Rounds.First(r => r.Sequence == 1).Id);
        Assert.Contains(email, await organizer.GetStringAsync($"/organizer/judging/{round}"), StringComparison.Ordinal);

        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{IdOf(email)}/deactivate")).Dispose();
        Assert.Contains($"{email} 已停用", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);

        Assert.DoesNotContain(email, await organizer.GetStringAsync($"/organizer/judging/{round}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinatorTurnedOff_IsNotMailedTheirFormerUnitsReturnedNomination()
    {
        const string email = "coordinator.power@demo.example";
        var coordinator = await Nominating.SignedInAsync(factory, email);
        var code = await Nominating.CreateDraftAsync(coordinator, "contribution", Nominating.Person(title: "交接前的推荐"));
        (await Nominating.SubmitAsync(coordinator, code)).Dispose();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.PostAsync("/organizer/users", $"/organizer/users/{IdOf(email)}/deactivate")).Dispose();

        (await organizer.SubmitAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return", new Dictionary<string, string> { ["reason"] = "请补充材料。" })).Dispose();

        Assert.Equal(Core.Entries.EntryStatus.Returned, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
        Assert.DoesNotContain(await Mails.InAsync(factory), m => m.To == email && m.Subject == $"推荐 {code} 已被退回");
    }

    private int IdOf(string email) => factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);
}
