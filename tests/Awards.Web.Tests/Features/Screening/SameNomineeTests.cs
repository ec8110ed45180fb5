using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// One person nominated twice (two units, or two awards) is pointed out to the organizer on the
/// screening list and on each nomination's page, with the other's code; a namesake of another
/// birth year is not.
/// </summary>
public sealed class SameNomineeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ANomineeNominatedTwice_IsPointedOut_ANamesakeBornAnotherYearIsNot()
    {
        var yunling = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var qingshan = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var first = await CreateDraftAsync(yunling, "contribution", Person(title: "第一份推荐", name: "欧阳明远"));
        var second = await CreateDraftAsync(qingshan, "dedication", Person(title: "第二份推荐", name: "欧阳明远"));
        var namesake = Person(title: "同名不同人", name: "欧阳明远");
        namesake["Form.NomineeBirthYear"] = "1990";
        var other = await CreateDraftAsync(qingshan, "innovation", namesake);
        foreach (var (who, code) in new[] { (yunling, first), (qingshan, second), (qingshan, other) })
        {
            (await SubmitAsync(who, code)).Dispose();
        }

        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var list = await organizer.GetStringAsync("/organizer/nominations");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(list, "data-testid=\"possible-duplicate\""));

        var page = await organizer.GetStringAsync($"/organizer/nominations/{first}");
        Assert.Contains("同一被推荐人（姓名和出生年份相同）还被推荐于：", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizer/nominations/{second}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/organizer/nominations/{other}\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"same-nominee\"", await organizer.GetStringAsync($"/organizer/nominations/{other}"), StringComparison.Ordinal);
    }
}

/// <summary>
/// Two units type one person's name differently, with a space, full-width letters, or another
/// dot between the parts of a name of Uyghur origin: the pair is still pointed out.
/// </summary>
public sealed class SameNomineeTypedTwoWaysTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ANomineeWhoseNameIsTypedTwoWays_IsStillPointedOut()
    {
        var yunling = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var qingshan = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var first = await CreateDraftAsync(yunling, "contribution", Person(title: "带间隔号", name: "阿卜杜拉·买买提"));
        var second = await CreateDraftAsync(qingshan, "dedication", Person(title: "换了圆点和空格", name: "阿卜杜拉 • 买买提"));
        (await SubmitAsync(yunling, first)).Dispose();
        (await SubmitAsync(qingshan, second)).Dispose();

        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(await organizer.GetStringAsync("/organizer/nominations"), "data-testid=\"possible-duplicate\""));
        Assert.Contains($"href=\"/organizer/nominations/{first}\"", await organizer.GetStringAsync($"/organizer/nominations/{second}"), StringComparison.Ordinal);
    }
}

/// <summary>
/// A nominee of the name of an earlier edition's winner (its certificate carried by next-edition)
/// is pointed out to the organizer with that prize; a nominee of another name is not.
/// </summary>
public sealed class EarlierPrizeTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ANomineeOfAnEarlierWinnersName_ShowsThatPrize()
    {
        factory.WithDb(db =>
        {
            db.ArchivedCertificates.Add(new Awards.Web.Data.ArchivedCertificate
            {
                Code = "EARLIER2025",
                Winner = new("阿依古丽", "阿依古丽"),
                Unit = new("云岭县", "Yunling County"),
                Award = new("奉献奖", "Dedication Award"),
                Level = new("奖", "Award"),
                Contest = new("2025年全市扶贫日表彰", "2025 Poverty Alleviation Day"),
                FinalizedAt = new DateTime(2025, 10, 30, 0, 0, 0, DateTimeKind.Utc),
            });
            return db.SaveChanges();
        });
        var qingshan = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var again = await CreateDraftAsync(qingshan, "dedication", Person(title: "再次推荐", name: "阿依 古丽"));
        var other = await CreateDraftAsync(qingshan, "contribution", Person(title: "别人", name: "阿依努尔"));
        (await SubmitAsync(qingshan, again)).Dispose();
        (await SubmitAsync(qingshan, other)).Dispose();

        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = await organizer.GetStringAsync($"/organizer/nominations/{again}");
        Assert.Contains("往届有同名者获奖", page, StringComparison.Ordinal);
        Assert.Contains("2025年全市扶贫日表彰 · 奉献奖 · 奖 · 云岭县", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/verify/EARLIER2025\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"earlier-prizes\"", await organizer.GetStringAsync($"/organizer/nominations/{other}"), StringComparison.Ordinal);
    }
}
