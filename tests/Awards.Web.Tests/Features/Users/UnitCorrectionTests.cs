using System.Globalization;
using System.Net;
using Awards.Core.Entries;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Results;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Users;

/// <summary>
/// The organizer corrects someone's unit from the users page, with a reason: a judge leaves the
/// entries of their new unit, an author's essays count for the new unit, a coordinator sees the new
/// unit's nominations; bad input changes nothing.
/// </summary>
public sealed class UnitCorrectionTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static readonly List<string> Panel = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example", "judge.zheng@demo.example", "judge.qian@demo.example"];

    [Fact]
    public async Task AJudgeMovedIntoAUnit_HandsItsUnscoredEntriesOn_AndTheNextPlanGivesThemNoneOfThatUnit()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).OrderBy(u => u.Id).Select(u => u.Id).ToList());
        await InScopeAsync(async s =>
        {
            var setup = s.GetRequiredService<JudgingSetup>();
            await setup.SetPanelAsync(round, judgeIds, default);
            await setup.ApplyAsync(round, seed: 5, default);
        });
        var (judge, entry, unit) = factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round)
            .Select(a => new { a.JudgeUserId, a.EntryId, db.Entries.First(e => e.Id == a.EntryId).UnitId })
            .OrderBy(a => a.EntryId).ThenBy(a => a.JudgeUserId).AsEnumerable().Select(a => (a.JudgeUserId, a.EntryId, a.UnitId)).First());
        var before = Judges(round, entry).Count;
        var oldUnit = factory.WithDb(db => db.Users.Single(u => u.Id == judge).UnitId);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        using var changed = await ChangeAsync(organizer, judge, unit, "评委已调入该县工作。");

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(unit, factory.WithDb(db => db.Users.Single(u => u.Id == judge).UnitId));
        Assert.DoesNotContain(judge, Judges(round, entry));
        Assert.Equal(before, Judges(round, entry).Count);
        Assert.False(HoldsUnit(round, judge, unit));
        Assert.Contains("转交其他评委", await organizer.GetStringAsync("/organizer/users"), StringComparison.Ordinal);

        // Assigning again never gives the judge an entry of their new unit.
        await InScopeAsync(s => s.GetRequiredService<JudgingSetup>().ApplyAsync(round, seed: 11, default));
        Assert.False(HoldsUnit(round, judge, unit));

        var key = judge.ToString(CultureInfo.InvariantCulture);
        var organizerId = factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").Id);
        var row = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "Unit corrected" && a.EntityKey == key));
        Assert.Equal((organizerId, oldUnit?.ToString(CultureInfo.InvariantCulture) ?? "", $"{unit}; 评委已调入该县工作。"), (row.UserId, row.Before, row.After));
    }

    [Fact]
    public async Task AnAuthorMoved_TakesTheirSubmittedEssayToTheNewUnitsStatistics()
    {
        const string author = "author.yang@demo.example";
        var (essay, oldUnit) = factory.WithDb(db => db.Entries.Where(e => db.Users.Any(u => u.Email == author && u.Id == e.OwnerUserId) && e.Status == EntryStatus.Submitted).Select(e => new { e.Id, e.UnitId }).AsEnumerable().Select(e => (e.Id, e.UnitId)).Single());
        var women = UnitId("women");
        var (oldBefore, womenBefore) = (await EssaysOfAsync(oldUnit), await EssaysOfAsync(women));

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await ChangeAsync(organizer, IdOf(author), women, "作者实为市妇联职工，注册时选错单位。")).Dispose();

        Assert.Equal(women, factory.WithDb(db => db.Entries.Single(e => e.Id == essay).UnitId));
        Assert.Equal((oldBefore - 1, womenBefore + 1), (await EssaysOfAsync(oldUnit), await EssaysOfAsync(women)));
        Assert.Contains(oldUnit, factory.WithDb(db => db.Users.Single(u => u.Email == author).FormerUnitIds));
    }

    [Fact]
    public async Task AnAuthorMoved_IsHiddenFromJudgesUnderBothUnits()
    {
        var author = await Writing.NewAuthorAsync(factory, "moved.author@example.org", unit: "qingshan");
        var code = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(body: Writing.Text + "\n\n我在青山县长大，后来到云岭县工作。"));
        (await Writing.SubmitAsync(author, code)).Dispose();
        Assert.Contains("云岭县", factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody), StringComparison.Ordinal);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await ChangeAsync(organizer, IdOf("moved.author@example.org"), UnitId("yunling"), "作者实为云岭县人。")).Dispose();

        var judged = factory.WithDb(db => db.Entries.Single(e => e.Code == code).JudgeBody);
        Assert.DoesNotContain("云岭县", judged, StringComparison.Ordinal);
        Assert.DoesNotContain("青山县", judged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinatorMoved_SeesTheNewUnitsNominations_NotTheOldOnes()
    {
        var qingshan = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        await Nominating.CreateDraftAsync(qingshan, "contribution", Nominating.Person(title: "青山县的推荐草稿"));
        var liuxi = await Nominating.SignedInAsync(factory, "coordinator.liuxi@demo.example");
        await Nominating.CreateDraftAsync(liuxi, "contribution", Nominating.Person(title: "柳溪县的推荐草稿"));
        Assert.Contains("柳溪县的推荐草稿", await liuxi.GetStringAsync("/coordinator"), StringComparison.Ordinal);

        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        (await ChangeAsync(organizer, IdOf("coordinator.liuxi@demo.example"), UnitId("qingshan"), "该联络员已调任青山县扶贫办。")).Dispose();

        var page = await liuxi.GetStringAsync("/coordinator");
        Assert.Contains("青山县的推荐草稿", page, StringComparison.Ordinal);
        Assert.DoesNotContain("柳溪县的推荐草稿", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadInput_IsRefusedWithAMessage_AndChangesNothing()
    {
        const string author = "author.he@demo.example";
        var id = IdOf(author);
        var unit = factory.WithDb(db => db.Users.Single(u => u.Id == id).UnitId!.Value);
        var organizerUnit = factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").UnitId);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var cases = new (int? Unit, string Reason, string Message)[]
        {
            (987654, "理由", "请从列表中选择单位。"),
            (UnitId("qinghe"), "理由", "请从列表中选择单位。"),
            (unit, "理由", "已属于该单位，未作任何更改。"),
            (UnitId("women"), "  ", "请填写更改的理由。"),
            (null, "理由", "请从列表中选择单位。"),
        };
        foreach (var (newUnit, reason, message) in cases)
        {
            using var refused = await ChangeAsync(organizer, id, newUnit, reason);
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // An unknown account, or an organizer (who has no unit), is not found.
        foreach (var other in new[] { 987654, IdOf("organizer@demo.example") })
        {
            using var tampered = await organizer.SubmitAsync($"/organizer/users/{id}/unit", $"/organizer/users/{other}/unit", Form(UnitId("women"), "理由"));
            Assert.Equal(HttpStatusCode.NotFound, tampered.StatusCode);
        }

        Assert.Equal(unit, factory.WithDb(db => db.Users.Single(u => u.Id == id).UnitId));
        Assert.False(factory.WithDb(db => db.AuditLog.Any(a => a.Action == "Unit corrected" && a.EntityKey == id.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(organizerUnit, factory.WithDb(db => db.Users.Single(u => u.Email == "organizer@demo.example").UnitId));
    }

    private static Dictionary<string, string> Form(int? unit, string reason) =>
        new() { ["Form.UnitId"] = unit?.ToString(CultureInfo.InvariantCulture) ?? "", ["Form.Reason"] = reason };

    private static Task<HttpResponseMessage> ChangeAsync(Browser organizer, int userId, int? unit, string reason) =>
        organizer.SubmitAsync($"/organizer/users/{userId}/unit", $"/organizer/users/{userId}/unit", Form(unit, reason));

    private List<int> Judges(int round, int entry) =>
        factory.WithDb(db => db.Assignments.Where(a => a.RoundId == round && a.EntryId == entry).Select(a => a.JudgeUserId).ToList());

    private bool HoldsUnit(int round, int judge, int unit) =>
        factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round && a.JudgeUserId == judge && db.Entries.Any(e => e.Id == a.EntryId && e.UnitId == unit)));

    /// <summary>The unit's essays as the Outstanding Organization Award's suggested order counts them.</summary>
    private async Task<int> EssaysOfAsync(int unit)
    {
        using var scope = factory.Services.CreateScope();
        var standings = await scope.ServiceProvider.GetRequiredService<UnitAwardResults>().StandingsAsync(null, default);
        return standings.SingleOrDefault(s => s.UnitId == unit)?.Entries ?? 0;
    }

    private int IdOf(string email) => factory.WithDb(db => db.Users.Single(u => u.Email == email).Id);

    private int UnitId(string code) => factory.WithDb(db => db.Units.Single(u => u.Code == code).Id);

    private async Task InScopeAsync(Func<IServiceProvider, Task> action)
    {
        using var scope = factory.Services.CreateScope();
        await action(scope.ServiceProvider);
    }
}
