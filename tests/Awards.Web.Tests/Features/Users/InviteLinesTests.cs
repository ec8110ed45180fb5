using Awards.Core.Identity;
using Awards.Web.Features.Users;

namespace Awards.Web.Tests.Features.Users;

/// <summary>The organizer's list of people to invite at once, as pasted from a spreadsheet or typed.</summary>
public sealed class InviteLinesTests
{
    private static readonly Dictionary<string, int> Units = new(StringComparer.OrdinalIgnoreCase) { ["qingshan"] = 2, ["education"] = 9 };

    private static readonly Dictionary<string, int> Tracks = new(StringComparer.OrdinalIgnoreCase) { ["innovation"] = 3, ["journey"] = 7 };

    [Fact]
    public void Commas_ChineseCommas_AndTabs_SeparateTheFields_RolesByEitherName_UnitCodesInAnyCase()
    {
        var (people, errors) = InviteLines.Parse(
            "# header\r\na@example.org, 甲, 评委\r\nb@example.org，乙，单位联络员，QINGSHAN\r\n\r\nc@example.org\t丙\tUnit coordinator\teducation\nd@example.org, 丁, judge, education\n",
            Units);

        Assert.Empty(errors);
        Assert.Equal(
            [(2, "a@example.org", "甲", Roles.Judge, (int?)null), (3, "b@example.org", "乙", Roles.UnitCoordinator, 2), (5, "c@example.org", "丙", Roles.UnitCoordinator, 9), (6, "d@example.org", "丁", Roles.Judge, 9)],
            people.Select(p => (p.Line, p.Email, p.Name, p.Role, p.UnitId)));
    }

    [Fact]
    public void TheLeadingGroup_IsReadByEveryNameOfTheRole_WithoutAUnit()
    {
        var (people, errors) = InviteLines.Parse("a@example.org, 甲, 领导小组成员\nb@example.org, 乙, Leader, \nc@example.org, 丙, leading group member", Units);

        Assert.Empty(errors);
        Assert.Equal([(Roles.Leader, (int?)null), (Roles.Leader, null), (Roles.Leader, null)], people.Select(p => (p.Role, p.UnitId)));
    }

    [Theory]
    [InlineData("a@example.org, 甲", "write the e-mail address")]
    [InlineData("a@example.org, 甲, 评委, qingshan, innovation, extra", "write the e-mail address")]
    [InlineData("a@example.org, 甲, 评委, qingshan, innovation", "only a member of the leading group is given awards")]
    [InlineData("a@example.org, 甲, Leader, , innovation nowhere", "there is no award or theme")]
    [InlineData("a@example.org, , 评委", "the name must have")]
    [InlineData("a@example.org, 甲, Author", "is not a role that can be invited")]
    [InlineData("a@example.org, 甲, Organizer", "is not a role that can be invited")]
    [InlineData("a@example.org, 甲, 单位联络员", "a unit coordinator needs")]
    [InlineData("a@example.org, 甲, 领导小组成员, qingshan", "the leading group belongs to no unit")]
    [InlineData("a@example.org, 甲, 评委, nowhere", "there is no unit")]
    [InlineData("甲, a@example.org, 评委", "is not an e-mail address")]
    public void AWrongLine_IsNamed_AndNobodyIsRead(string line, string message)
    {
        var (people, errors) = InviteLines.Parse("ok@example.org, 好, 评委\n" + line, Units, Tracks);

        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Key, StringComparison.Ordinal);
        Assert.Single(people);
    }

    [Fact]
    public void ANameTooLong_TheSameAddressTwice_AndMoreThanTheMostAtOnce_AreRefused()
    {
        var (_, longName) = InviteLines.Parse($"a@example.org, {new string('名', InviteLines.MaxNameLength + 1)}, 评委", Units);
        Assert.Contains("the name must have", Assert.Single(longName).Key, StringComparison.Ordinal);

        // An address differs from another only in case: it is the same address.
        var (_, twice) = InviteLines.Parse("a@example.org, 甲, 评委\nA@Example.org, 甲, 评委", Units);
        Assert.Equal([2, "A@Example.org", 1], Assert.Single(twice).Arguments);

        var many = string.Join("\n", Enumerable.Range(1, InviteLines.MaxLines + 1).Select(i => $"p{i}@example.org, 人{i}, 评委"));
        var (people, errors) = InviteLines.Parse(many, Units);
        Assert.Equal(InviteLines.MaxLines, people.Count);
        Assert.Contains("At most", Assert.Single(errors).Key, StringComparison.Ordinal);
    }
}
