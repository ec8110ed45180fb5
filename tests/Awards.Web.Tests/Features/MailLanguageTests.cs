using System.Net;
using Awards.Core.Identity;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A person's mail is written in the language they chose, not in the language of whoever's click
/// sent it; their account remembers the choice, and a new device shows it after signing in.
/// </summary>
public sealed class MailLanguageTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static Task<HttpResponseMessage> ChooseAsync(Browser browser, string page, string culture) =>
        browser.SubmitAsync(page, "/culture", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = page });

    private string? LanguageOf(string email) => factory.WithDb(db => db.Users.Single(u => u.Email == email).Language);

    [Fact]
    public async Task AJudgeWhoChoseEnglish_GetsTheirNewEntriesAndTheReminderInEnglish_WhileTheOrganizerWorksInChinese()
    {
        var english = Judged.Judges[0];
        var judge = await Nominating.SignedInAsync(factory, english);
        Assert.Null(LanguageOf(english));
        using (var chosen = await ChooseAsync(judge, "/judge", "en"))
        {
            Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        }

        Assert.Equal("en", LanguageOf(english));
        Assert.Contains("<html lang=\"en\">", await judge.GetStringAsync("/judge"), StringComparison.Ordinal);
        Assert.Contains("mail to you is written in English:", await judge.GetStringAsync("/account/security"), StringComparison.Ordinal);

        // The organizer, in Chinese, sets the panel and assigns: each judge hears of their new entries in their own language.
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judges = factory.WithDb(db => db.Users.Where(u => Judged.Judges.Contains(u.Email!)).Select(u => u.Id).ToList());
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        using (var scope = factory.Services.CreateScope())
        {
            var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judges, default);
            await setup.ApplyAsync(round, seed: 3, default);
        }

        var assigned = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        var inEnglish = Assert.Single(assigned, m => m.To == english);
        Assert.StartsWith("New entries to score: Essay: My Help Story", inEnglish.Subject, StringComparison.Ordinal);
        Assert.Contains("are waiting for your scores", inEnglish.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("评委", inEnglish.Body, StringComparison.Ordinal);
        Assert.All(assigned.Where(m => m.To != english), m => Assert.StartsWith("新的评审任务：", m.Subject, StringComparison.Ordinal));

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/judging/{round}";
        before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        (await organizer.PostAsync(page, $"{page}/remind")).Dispose();
        Assert.Contains("已向 5 位评委发送提醒邮件，", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        var reminders = (await Mails.InAsync(factory)).Where(m => !before.Contains(m.Id)).ToList();
        Assert.Equal(5, reminders.Count);
        var reminder = Assert.Single(reminders, m => m.To == english);
        Assert.StartsWith("Reminder: Essay: My Help Story", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("(UTC+8)", reminder.Subject, StringComparison.Ordinal);
        Assert.Contains("Thank you for your work on the panel.", reminder.Body, StringComparison.Ordinal);
        Assert.All(reminders.Where(m => m.To != english), m =>
        {
            Assert.StartsWith("提醒：", m.Subject, StringComparison.Ordinal);
            Assert.Contains("（北京时间）", m.Subject, StringComparison.Ordinal);
        });

        // The organizer's own page is still in Chinese after writing English mail.
        Assert.Contains("<html lang=\"zh-CN\">", await organizer.GetStringAsync(page), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SigningInOnADeviceThatNeverChose_ShowsTheAccountsLanguage_AndADeviceThatChoseTellsTheAccount()
    {
        const string email = "coordinator.liuxi@demo.example";
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Email == email).Language = "en";
            return db.SaveChanges();
        });

        // A new device, no choice made on it: English from the first page after signing in.
        var office = new Browser(factory);
        Assert.Contains("<html lang=\"zh-CN\">", await office.GetStringAsync("/account/login"), StringComparison.Ordinal);
        await office.SignInOrFailAsync(email);
        Assert.Contains("<html lang=\"en\">", await office.GetStringAsync("/account/security"), StringComparison.Ordinal);

        // A device where Chinese was chosen on the sign-in page: the site stays in Chinese, and the account's mail follows.
        var phone = new Browser(factory);
        (await ChooseAsync(phone, "/account/login", "zh-CN")).Dispose();
        await phone.SignInOrFailAsync(email);
        var security = await phone.GetStringAsync("/account/security");
        Assert.Contains("<html lang=\"zh-CN\">", security, StringComparison.Ordinal);
        Assert.Contains("网站发给您的邮件使用中文", security, StringComparison.Ordinal);
        Assert.Equal("zh-CN", LanguageOf(email));

        // A tampered language changes nothing.
        using var tampered = await ChooseAsync(phone, "/account/security", "fr");
        Assert.Equal(HttpStatusCode.Redirect, tampered.StatusCode);
        Assert.Equal("zh-CN", LanguageOf(email));
        Assert.Contains("<html lang=\"zh-CN\">", await phone.GetStringAsync("/account/security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvitation_IsWrittenInBothLanguages_AndThePageItIsAcceptedInBecomesTheAccountsLanguage()
    {
        const string email = "english.judge@example.org";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await organizer.SubmitAsync("/organizer/users/invite", "/organizer/users/invite", new Dictionary<string, string>
        {
            ["Form.Name"] = "Ann Lee",
            ["Form.Email"] = email,
            ["Form.Role"] = Roles.Judge,
        })).Dispose();

        var mail = await Mails.ToAsync(factory, email);
        Assert.Equal("扶贫日表彰评选系统邀请函 / Your invitation to the Poverty Alleviation Day awards", mail.Subject);
        var chinese = mail.Body.IndexOf("Ann Lee，您好：", StringComparison.Ordinal);
        var english = mail.Body.IndexOf("Hello Ann Lee,", StringComparison.Ordinal);
        Assert.True(chinese >= 0 && english > chinese, mail.Body);
        Assert.Contains("as a judge.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("以“评委”身份", mail.Body, StringComparison.Ordinal);

        var person = new Browser(factory);
        var link = Mails.LinkIn(mail);
        (await ChooseAsync(person, link, "en")).Dispose();
        using var accepted = await person.SubmitAsync(link, "/account/accept-invitation", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = "Judge-Password-42",
            ["ConfirmPassword"] = "Judge-Password-42",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("en", LanguageOf(email));
    }

    [Fact]
    public async Task ANominationsReceipt_InEnglish_NamesTheAward_WithItsArticle_AndSaysWhatCanStillBeDone_AndWhatComesNext()
    {
        const string email = "coordinator.qingshan@demo.example";
        factory.WithDb(db =>
        {
            db.Users.Single(u => u.Email == email).Language = "en";
            return db.SaveChanges();
        });
        var coordinator = await Nominating.SignedInAsync(factory, email);
        var code = await Nominating.CreateDraftAsync(coordinator, "endeavor", Nominating.Person(title: "A receipt in English"));
        (await Nominating.SubmitAsync(coordinator, code)).Dispose();

        var mail = await Mails.ToAsync(factory, email, $"Nomination {code} was received");
        Assert.Contains("for the Endeavor Award was received on", mail.Body, StringComparison.Ordinal);
        Assert.Contains($"Its nomination code is {code}.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("you can still edit or withdraw it on its page:", mail.Body, StringComparison.Ordinal);
        Assert.Contains("What happens next: the organizer checks the nomination, then judges score it", mail.Body, StringComparison.Ordinal);
        Assert.Contains("The proposed winners are published for public notice from ", mail.Body, StringComparison.Ordinal);
    }
}
