using System.Net;
using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>The organizer screens nominations: filters, accept, return with a reason the unit sees, resubmission.</summary>
public sealed class ScreeningTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task Return_WithAReason_ShowsTheReasonToTheUnit_MailsIt_AndTheUnitResubmits()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "待退回的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        using var returned = await organizer.SubmitAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return", new Dictionary<string, string> { ["reason"] = "请补充县级扶贫办盖章的推荐意见。" });

        Assert.Equal($"/organizer/nominations/{code}", returned.Headers.Location?.OriginalString);
        Assert.Equal(EntryStatus.Returned, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
        Assert.Contains("请补充县级扶贫办盖章的推荐意见。", await coordinator.GetStringAsync("/coordinator"), StringComparison.Ordinal);
        var page = await coordinator.GetStringAsync($"/nominations/{code}");
        Assert.Contains("已被组织方退回", page, StringComparison.Ordinal);
        Assert.Contains("请补充县级扶贫办盖章的推荐意见。", page, StringComparison.Ordinal);
        var mail = await Mails.ToAsync(factory, "coordinator.yunling@demo.example", $"推荐 {code} 已被退回");
        Assert.Contains("请补充县级扶贫办盖章的推荐意见。", mail.Body, StringComparison.Ordinal);
        // Greeted like every other mail, and told by when to submit it again.
        var name = factory.WithDb(db => db.Users.Single(u => u.Email == "coordinator.yunling@demo.example").DisplayName);
        Assert.StartsWith($"{name}，您好：", mail.Body, StringComparison.Ordinal);
        var closes = factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);
        Assert.Contains($"请在 {ChinaTime.Shown(closes)}（北京时间）报送截止前修改后重新提交：", mail.Body, StringComparison.Ordinal);

        using var resubmitted = await SubmitAsync(coordinator, code);
        Assert.Equal($"/nominations/{code}/receipt", resubmitted.Headers.Location?.OriginalString);
        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal((EntryStatus.Submitted, (string?)null), (entry.Status, entry.StatusReason));
        var history = factory.WithDb(db => db.EntryStatusChanges.Where(c => c.EntryId == entry.Id).OrderBy(c => c.Id).Select(c => new { c.To, c.Reason }).ToList());
        Assert.Equal([EntryStatus.Draft, EntryStatus.Submitted, EntryStatus.Returned, EntryStatus.Submitted], history.Select(h => h.To));
        Assert.Equal("请补充县级扶贫办盖章的推荐意见。", history[2].Reason);
    }

    [Fact]
    public async Task Return_WithoutAReason_IsRefused()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.power@demo.example");
        var code = await CreateDraftAsync(coordinator, "endeavor");
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        (await organizer.SubmitAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return", new Dictionary<string, string> { ["reason"] = "   " })).Dispose();

        Assert.Contains("请填写推荐单位将看到的理由", await organizer.GetStringAsync($"/organizer/nominations/{code}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task Accept_AdmitsTheNominationToJudging_AndTheUnitCanNoLongerEditIt()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(coordinator, "endeavor", Person(title: "受理的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        using var accepted = await organizer.PostAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/accept");
        using var again = await organizer.PostAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return");

        Assert.Equal(EntryStatus.Accepted, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
        Assert.Contains("已受理", await coordinator.GetStringAsync("/coordinator"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/nominations/{code}/edit", await coordinator.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);
        using var edit = await coordinator.Client.GetAsync($"/nominations/{code}/edit");
        Assert.Equal($"/nominations/{code}", edit.Headers.Location?.OriginalString);
        var antiforgery = await coordinator.TokenFromAsync("/nominations/new/endeavor");
        using var post = await coordinator.Client.PostAsync($"/nominations/{code}/edit", new FormUrlEncodedContent(new Dictionary<string, string>(Person(title: "受理后修改")) { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Contains("状态为“已受理”的作品不能再修改", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("受理的推荐", factory.WithDb(db => db.Entries.Single(e => e.Code == code).Title));
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.EntityKey == code && a.Action == "Nomination accepted")));
    }

    [Fact]
    public async Task TheList_FiltersByAwardUnitAndStatus()
    {
        var qingshan = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var dedication = await CreateDraftAsync(qingshan, "dedication", Person(title: "青山奉献"));
        (await SubmitAsync(qingshan, dedication)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        var all = await organizer.GetStringAsync("/organizer/nominations");
        var byTrack = await organizer.GetStringAsync("/organizer/nominations?track=dedication");
        var byUnit = await organizer.GetStringAsync("/organizer/nominations?unit=qingshan");
        var byStatus = await organizer.GetStringAsync("/organizer/nominations?status=Accepted");

        Assert.Contains(dedication, all, StringComparison.Ordinal);
        Assert.Contains(dedication, byTrack, StringComparison.Ordinal);
        Assert.DoesNotContain("电商”模式的探索者", byTrack, StringComparison.Ordinal);
        Assert.Contains("电商”模式的探索者", byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain("王建国", byUnit, StringComparison.Ordinal);
        Assert.DoesNotContain(dedication, byStatus, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownCode_IsNotFound()
    {
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        using var response = await organizer.Client.GetAsync("/organizer/nominations/ZZZZ-ZZZZ");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
