using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// Screening after the deadline: a nomination returned with a date to submit it again by can be
/// corrected and submitted by its unit until then, while everything else stays closed; without a
/// date, or past it, the unit's page says plainly that it cannot come back.
/// </summary>
public sealed class ResubmitByTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Reason = "请补充县级扶贫办盖章的推荐意见。";

    private DateTime ClosesAt => factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task ANominationReturnedWithADate_IsCorrectedAndSubmittedAgainUntilThen_WhileOtherEntriesStayClosed()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "截止后退回再提交"));
        var draft = await CreateDraftAsync(coordinator, "dedication", Person(title: "截止前未提交的草稿", name: "王小明"));
        (await SubmitAsync(coordinator, code)).Dispose();
        factory.Clock.Set(ClosesAt.AddHours(2));
        var by = ClosesAt.AddDays(3);
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        Assert.Contains("data-testid=\"resubmit-by\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = Reason, ["resubmitBy"] = ChinaTime.Input(by) })).Dispose();

        Assert.Contains($"推荐 {code} 已连同理由退回推荐单位；该单位可在 {ChinaTime.Shown(by)}（北京时间）前重新提交。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal((EntryStatus.Returned, (DateTime?)by), (entry.Status, entry.ResubmitBy));
        var mail = await Mails.ToAsync(factory, "coordinator.yunling@demo.example", $"推荐 {code} 已被退回");
        Assert.Contains($"组织方为该推荐单独设定了重新提交期限，请在 {ChinaTime.Shown(by)}（北京时间）前修改后重新提交：", mail.Body, StringComparison.Ordinal);
        var shown = await coordinator.GetStringAsync($"/nominations/{code}");
        Assert.Contains($"组织方为该推荐单独设定了期限：可在 {ChinaTime.Shown(by)}（北京时间）前修改后重新提交。", shown, StringComparison.Ordinal);
        Assert.Contains($"/nominations/{code}/edit", shown, StringComparison.Ordinal);

        // The unit corrects it and submits it again, after the contest's deadline.
        using var edited = await coordinator.SubmitAsync($"/nominations/{code}/edit", $"/nominations/{code}/edit", Person(title: "补充意见后的推荐"));
        Assert.Equal($"/nominations/{code}", edited.Headers.Location?.OriginalString);
        using var submitted = await SubmitAsync(coordinator, code);
        Assert.Equal($"/nominations/{code}/receipt", submitted.Headers.Location?.OriginalString);
        entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal(("补充意见后的推荐", EntryStatus.Submitted, (DateTime?)null), (entry.Title, entry.Status, entry.ResubmitBy));
        // Its second receipt does not promise edits until a deadline already past.
        var receipts = (await Mails.InAsync(factory)).Where(m => m.To == "coordinator.yunling@demo.example" && m.Subject == $"推荐 {code} 已收到").ToList();
        Assert.Equal(2, receipts.Count);
        Assert.Single(receipts, r => r.Body.Contains("报送已截止，不能再修改或撤回。", StringComparison.Ordinal));

        // The unit's other draft stays closed: the date was for that one nomination.
        (await SubmitAsync(coordinator, draft)).Dispose();
        Assert.Contains("报送已截止，作品不能再更改。", await coordinator.GetStringAsync($"/nominations/{draft}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == draft).Status));
    }

    [Fact]
    public async Task PastItsDate_TheReturnedNominationIsClosed_AndItsPageSaysSo()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(coordinator, "endeavor", Person(title: "过期未重新提交"));
        (await SubmitAsync(coordinator, code)).Dispose();
        factory.Clock.Set(ClosesAt.AddHours(2));
        var by = ClosesAt.AddDays(1);
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = Reason, ["resubmitBy"] = ChinaTime.Input(by) })).Dispose();
        var antiforgery = await coordinator.TokenFromAsync($"/nominations/{code}");

        factory.Clock.Set(by.AddMinutes(1));

        using var late = await coordinator.Client.PostAsync($"/nominations/{code}/submit", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        var shown = await coordinator.GetStringAsync($"/nominations/{code}");
        Assert.Contains($"修改后重新提交的期限已于 {ChinaTime.Shown(by)}（北京时间）结束。", shown, StringComparison.Ordinal);
        Assert.Contains($"修改后重新提交的期限已于 {ChinaTime.Shown(by)}（北京时间）结束，该推荐不能再重新提交。", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"/nominations/{code}/edit", shown, StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Returned, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task AReturnWithoutADate_CannotComeBack_AndTheUnitsPageSaysSoPlainly()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(coordinator, "innovation", Person(title: "截止后退回不再开放"));
        (await SubmitAsync(coordinator, code)).Dispose();
        factory.Clock.Set(ClosesAt.AddHours(2));
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";

        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = Reason, ["resubmitBy"] = "" })).Dispose();

        Assert.Equal((EntryStatus.Returned, (DateTime?)null), factory.WithDb(db => db.Entries.Where(e => e.Code == code).Select(e => new { e.Status, e.ResubmitBy }).AsEnumerable().Select(e => (e.Status, e.ResubmitBy)).Single()));
        var shown = await coordinator.GetStringAsync($"/nominations/{code}");
        Assert.Contains($"报送已于 {ChinaTime.Shown(ClosesAt)}（北京时间）截止，该推荐不能再重新提交。如能满足退回理由中的要求，请联系组织方。", shown, StringComparison.Ordinal);
        Assert.DoesNotContain($"/nominations/{code}/edit", shown, StringComparison.Ordinal);
        (await SubmitAsync(coordinator, code)).Dispose();
        Assert.Equal(EntryStatus.Returned, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task ANominationJudgesAlreadyHave_IsNotGivenADateToBeChangedAndSubmittedAgain()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(coordinator, "dedication", Person(title: "评委已在评审的推荐", name: "吴十"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        (await organizer.PostAsync(page, page + "/accept")).Dispose();
        factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == code);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            db.Assignments.Add(new Core.Scoring.JudgeAssignment(round.Id, entry.Id, db.Users.Single(u => u.Email == "judge.lin@demo.example").Id, DateTime.UtcNow));
            return db.SaveChanges();
        });
        factory.Clock.Set(ClosesAt.AddHours(2));

        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = Reason, ["resubmitBy"] = ChinaTime.Input(ClosesAt.AddDays(3)) })).Dispose();

        Assert.Contains($"评委已在评审 {code}，因此不能再修改后重新提交", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Accepted, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Theory]
    [InlineData("past")]
    [InlineData("明天")]
    public async Task ADateInThePastOrNotADate_IsRefusedWithAMessage_AndChangesNothing(string kind)
    {
        var coordinator = await SignedInAsync(factory, "coordinator.power@demo.example");
        var code = await CreateDraftAsync(coordinator, kind == "past" ? "innovation" : "dedication", Person(title: "日期有误的退回" + kind));
        (await SubmitAsync(coordinator, code)).Dispose();
        factory.Clock.Set(ClosesAt.AddHours(2));
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        var date = kind == "past" ? ChinaTime.Input(ClosesAt.AddHours(1)) : kind;
        var mails = factory.WithDb(db => db.MailOutbox.Count());

        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = Reason, ["resubmitBy"] = date })).Dispose();

        Assert.Contains(kind == "past" ? "重新提交的截止时间必须晚于现在。" : "请按日期和时间填写重新提交的截止时间", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
        Assert.Equal(mails, factory.WithDb(db => db.MailOutbox.Count()));
    }
}
