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
