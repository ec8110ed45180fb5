using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// A field left empty is named in a sentence of its own, in Chinese and in English ("Please enter
/// your current password."), not "Please enter {label}." with a title-cased or imperative label
/// ("Please enter Current password.", "Please enter Submissions close."); and nothing is saved.
/// </summary>
public sealed class RequiredFieldMessagesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheProfileForm_SaysWhatIsMissing_InBothLanguages()
    {
        var author = await Nominating.SignedInAsync(factory, "author.zhang@demo.example");
        var name = factory.WithDb(db => db.Users.Single(u => u.Email == "author.zhang@demo.example").DisplayName);
        var empty = new Dictionary<string, string> { ["Name"] = "", ["Phone"] = "", ["UnitId"] = "" };

        await AssertRefusedAsync(author, "/author/profile", "/author/profile", empty, ["请输入真实姓名。", "请输入手机号码。"], ["Please enter your real name.", "Please enter your phone number."]);
        Assert.Equal(name, factory.WithDb(db => db.Users.Single(u => u.Email == "author.zhang@demo.example").DisplayName));
    }

    [Fact]
    public async Task TheInvitationForms_SayWhatIsMissing_InBothLanguages()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var accounts = factory.WithDb(db => db.Users.Count());

        await AssertRefusedAsync(
            organizer,
            "/organizer/users/invite",
            "/organizer/users/invite",
            new Dictionary<string, string> { ["Form.Email"] = "", ["Form.Name"] = "", ["Form.Role"] = "" },
            ["请输入受邀人的电子邮箱。", "请输入受邀人的姓名。", "请选择受邀人的角色。"],
            ["Please enter the e-mail address of the person to invite.", "Please enter the name of the person to invite.", "Please choose a role for the person to invite."]);
        await AssertRefusedAsync(
            organizer,
            "/organizer/users/invite-many",
            "/organizer/users/invite-many",
            new Dictionary<string, string> { ["Lines"] = " " },
            ["请输入邀请名单，每行一人。"],
            ["Please enter the people to invite, one per line."]);
        Assert.Equal(accounts, factory.WithDb(db => db.Users.Count()));
    }

    [Fact]
    public async Task ThePasswordAndTwoStepForms_SayWhatIsMissing_InBothLanguages()
    {
        const string email = "judge.qian@demo.example";
        var judge = await Nominating.SignedInAsync(factory, email);
        var stamp = factory.WithDb(db => db.Users.Single(u => u.Email == email).PasswordHash);

        await AssertRefusedAsync(
            judge,
            "/account/security",
            "/account/security/password",
            new Dictionary<string, string> { ["Change.CurrentPassword"] = "", ["Change.Password"] = "", ["Change.ConfirmPassword"] = "" },
            ["请输入当前密码。", "请设置新密码。", "请再次输入新密码。"],
            ["Please enter your current password.", "Please choose a new password.", "Please enter the new password again."]);
        Assert.Equal(stamp, factory.WithDb(db => db.Users.Single(u => u.Email == email).PasswordHash));

        (await judge.PostAsync("/account/security", "/account/security/two-factor/start")).Dispose();
        await AssertRefusedAsync(
            judge,
            "/account/security/two-factor",
            "/account/security/two-factor",
            new Dictionary<string, string> { ["Form.Code"] = "" },
            ["请输入应用中的验证码。"],
            ["Please enter the code from the app."]);
        Assert.False(factory.WithDb(db => db.Users.Single(u => u.Email == email).TwoFactorEnabled));
    }

    [Fact]
    public async Task TheContestSettingsForm_SaysWhichDateIsMissing_InBothLanguages()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var schedule = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        var fields = FormFields.Read(await organizer.GetStringAsync("/organizer/contest"), "contest-settings");
        foreach (var field in new[] { "SubmissionOpensAt", "SubmissionClosesAt", "JudgingClosesAt", "NoticeStartsAt", "NoticeEndsAt", "IssuingOfficeZh" })
        {
            fields[field] = "";
        }

        await AssertRefusedAsync(
            organizer,
            "/organizer/contest",
            "/organizer/contest",
            fields,
            ["请输入报送开始时间。", "请输入报送截止时间。", "请输入评审截止时间。", "请输入公示开始时间。", "请输入公示结束时间。", "请输入发文单位的中文名称。"],
            ["Please enter when submissions open.", "Please enter when submissions close.", "Please enter when judging closes.", "Please enter when the public notice starts.", "Please enter when the public notice ends.", "Please enter the issuing office in Chinese."]);
        Assert.Equal(schedule, factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt));
    }

    [Fact]
    public async Task TheTrackSettingsForms_SayWhatIsMissing_InBothLanguages()
    {
        const string page = "/organizer/contest/tracks/journey";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var name = factory.WithDb(db => db.Tracks.Single(t => t.Code == "journey").Name.Zh);
        var fields = FormFields.Read(await organizer.GetStringAsync(page), "track-settings");
        foreach (var field in new[] { "NameZh", "MinLength", "MaxLength", "Criteria[0].NameZh", "Criteria[0].Weight", "Criteria[0].MinScore", "Criteria[0].MaxScore", "Levels[0].NameZh", "Rounds[0].NameZh", "Rounds[0].JudgesPerEntry" })
        {
            Assert.True(fields.ContainsKey(field), field);
            fields[field] = "";
        }

        await AssertRefusedAsync(
            organizer,
            page,
            page,
            fields,
            ["请输入中文名称。", "请输入作品最少字数。", "请输入作品最多字数。", "请输入评分项的中文名称。", "请输入评分项的权重。", "请输入评分项的最低分。", "请输入评分项的最高分。", "请输入奖项等级的中文名称。", "请输入轮次的中文名称。", "请输入每件作品的评委人数。"],
            ["Please enter the name in Chinese.", "Please enter the fewest characters an entry may have.", "Please enter the most characters an entry may have.", "Please enter the criterion in Chinese.", "Please enter the criterion's weight.", "Please enter the criterion's lowest score.", "Please enter the criterion's highest score.", "Please enter the prize level in Chinese.", "Please enter the round's name in Chinese.", "Please enter how many judges score each entry."]);
        Assert.Equal(name, factory.WithDb(db => db.Tracks.Single(t => t.Code == "journey").Name.Zh));

        // A new prize level without its quota.
        fields = FormFields.Read(await organizer.GetStringAsync(page), "track-settings");
        var next = Enumerable.Range(0, 20).First(i => !fields.ContainsKey($"Levels[{i}].NameZh"));
        fields[$"Levels[{next}].Rank"] = "0";
        fields[$"Levels[{next}].NameZh"] = "鼓励奖";
        fields[$"Levels[{next}].Quota"] = "";
        await AssertRefusedAsync(organizer, page, page, fields, ["请输入新增奖项等级的名额。"], ["Please enter the new prize level's quota."]);

        var tracks = factory.WithDb(db => db.Tracks.Count());
        await AssertRefusedAsync(
            organizer,
            "/organizer/contest/new-track",
            "/organizer/contest/new-track",
            new Dictionary<string, string> { ["From"] = "", ["Code"] = "", ["NameZh"] = "", ["NameEn"] = "" },
            ["请选择参照设置的奖项或征文主题。", "请输入网址代码，例如 village-story。", "请输入中文名称。"],
            ["Please choose the award or theme to set it up like.", "Please enter a web address code, such as village-story.", "Please enter the name in Chinese."]);
        Assert.Equal(tracks, factory.WithDb(db => db.Tracks.Count()));
    }

    /// <summary>Posts the form once in Chinese and once in English; each time it is refused with every message, and no "Please enter {label}." is left.</summary>
    private static async Task AssertRefusedAsync(Browser browser, string page, string action, Dictionary<string, string> fields, string[] chinese, string[] english)
    {
        foreach (var (culture, messages) in new[] { ("zh-CN", chinese), ("en", english) })
        {
            using var response = await browser.SubmitAsync(page, $"{action}?culture={culture}", fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            foreach (var message in messages)
            {
                Assert.Contains(message, html, StringComparison.Ordinal);
            }

            Assert.DoesNotMatch(@"Please (enter|choose) \p{Lu}", html);
        }
    }
}
