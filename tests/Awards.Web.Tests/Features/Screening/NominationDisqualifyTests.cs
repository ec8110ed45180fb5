using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// The organizer disqualifies an ineligible nomination with a reason its unit sees on the page and
/// by mail; without a reason nothing changes, and the unit cannot submit it again.
/// </summary>
public sealed class NominationDisqualifyTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Reason = "被推荐人不符合本奖项的推荐条件（非本市户籍）。";

    [Fact]
    public async Task ANomination_IsDisqualifiedWithAReason_ThatItsUnitSeesAndIsMailed()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "不符合条件的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        Assert.Contains("data-testid=\"disqualify\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        (await organizer.SubmitAsync(page, page + "/disqualify", new Dictionary<string, string> { ["reason"] = " " })).Dispose();
        Assert.Contains("请填写推荐单位将看到的理由", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, StatusOf(code));

        (await organizer.SubmitAsync(page, page + "/disqualify", new Dictionary<string, string> { ["reason"] = Reason })).Dispose();
        Assert.Contains($"推荐 {code} 已取消资格，并已将理由告知推荐单位。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Disqualified, StatusOf(code));
        var mail = await Mails.ToAsync(factory, "coordinator.yunling@demo.example", $"推荐 {code} 已被取消资格");
        Assert.Contains(Reason, mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/nominations/{code}", mail.Body, StringComparison.Ordinal);
        Assert.Contains(Reason, await coordinator.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);

        // The unit cannot bring it back by submitting it again.
        (await SubmitAsync(coordinator, code)).Dispose();
        Assert.Equal(EntryStatus.Disqualified, StatusOf(code));
        Assert.Equal(EntryStatus.Disqualified, factory.WithDb(db => db.EntryStatusChanges.Where(c => c.Entry.Code == code).OrderBy(c => c.Id).Select(c => c.To).ToList()).Last());
    }

    private EntryStatus StatusOf(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status);
}

/// <summary>A nomination returned after submissions closed: the unit's mail does not promise a deadline already past.</summary>
public sealed class LateReturnTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ANominationReturnedAfterTheDeadline_IsNotPromisedAResubmission()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "截止后退回的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        factory.Clock.Set(closes.AddHours(2));
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        (await organizer.SubmitAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return", new Dictionary<string, string> { ["reason"] = "请补充推荐意见。" })).Dispose();

        var mail = await Mails.ToAsync(factory, "coordinator.yunling@demo.example", $"推荐 {code} 已被退回");
        Assert.Contains($"报送已于 {ChinaTime.Shown(closes)}（北京时间）截止，该推荐不能再重新提交", mail.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("报送截止前修改后重新提交", mail.Body, StringComparison.Ordinal);
    }
}
