using System.Net;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Screening;

/// <summary>
/// The organizer takes back a return or a disqualification made in error: with a reason the unit is
/// mailed, audited, once however often the button is pressed; the nomination is accepted for
/// judging again, and judging is told where it still needs judges or could not take it in again.
/// </summary>
public sealed class ReinstateTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Reason = "退回有误：推荐意见已盖章，材料齐全。";

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task AMistakenReturn_IsReinstatedAsAccepted_WithAReasonTheUnitIsMailed_AndASecondClickChangesNothing()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "innovation", Person(title: "被误退回的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        (await organizer.PostAsync(page, page + "/accept")).Dispose();
        (await organizer.SubmitAsync(page, page + "/return", new Dictionary<string, string> { ["reason"] = "请补充推荐意见。" })).Dispose();
        Assert.Contains("data-testid=\"reinstate\"", await organizer.GetStringAsync(page), StringComparison.Ordinal);

        // Without a reason: refused, nothing changes.
        (await organizer.SubmitAsync(page, page + "/reinstate", new Dictionary<string, string> { ["reason"] = "  " })).Dispose();
        Assert.Contains("请填写推荐单位将看到的理由", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Returned, StatusOf(code));

        (await organizer.SubmitAsync(page, page + "/reinstate", new Dictionary<string, string> { ["reason"] = Reason })).Dispose();

        Assert.Contains($"推荐 {code} 已恢复并重新受理，进入评审；已将理由告知推荐单位。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Accepted, StatusOf(code));
        var mail = await Mails.ToAsync(factory, "coordinator.yunling@demo.example", $"推荐 {code} 已恢复");
        Assert.Contains(Reason, mail.Body, StringComparison.Ordinal);
        Assert.Contains($"/nominations/{code}", mail.Body, StringComparison.Ordinal);
        var last = factory.WithDb(db => db.EntryStatusChanges.Where(c => c.Entry.Code == code).OrderBy(c => c.Id).Select(c => new { c.From, c.To, c.Reason }).ToList()).Last();
        Assert.Equal((EntryStatus.Returned, EntryStatus.Accepted, Reason), (last.From!.Value, last.To, last.Reason!));
        Assert.Contains(Reason, await coordinator.GetStringAsync($"/nominations/{code}"), StringComparison.Ordinal);

        // A second click (a page opened before): a message, and no second change, audit line or mail.
        (await organizer.Client.PostAsync(page + "/reinstate", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = Reason, ["__RequestVerificationToken"] = await organizer.TokenFromAsync(page) }))).Dispose();
        Assert.Contains($"{code} 目前为“已受理”，无需恢复，未作任何更改。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.AuditLog.Count(a => a.EntityKey == code && a.Action == "Nomination reinstated")));
        Assert.Equal(1, factory.WithDb(db => db.MailOutbox.Count(m => m.Subject == $"推荐 {code} 已恢复")));
    }

    [Fact]
    public async Task ADisqualifiedNomination_IsReinstated_AndATamperedCodeIsNotFound()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution", Person(title: "被误取消资格的推荐"));
        (await SubmitAsync(coordinator, code)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        var page = $"/organizer/nominations/{code}";
        (await organizer.SubmitAsync(page, page + "/disqualify", new Dictionary<string, string> { ["reason"] = "非本市户籍。" })).Dispose();

        (await organizer.SubmitAsync(page, page + "/reinstate", new Dictionary<string, string> { ["reason"] = "经核查为本市户籍。" })).Dispose();

        Assert.Equal(EntryStatus.Accepted, StatusOf(code));
        var token = await organizer.TokenFromAsync(page);
        var essay = factory.WithDb(db => db.Entries.First(e => e.Track.Kind == Core.Tracks.TrackKind.Essay).Code);
        foreach (var wrong in new[] { "ZZZZZZZZ", "../x", essay })
        {
            using var response = await organizer.Client.PostAsync($"/organizer/nominations/{Uri.EscapeDataString(wrong)}/reinstate", new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "恢复", ["__RequestVerificationToken"] = token }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        // A submitted nomination has nothing to reinstate.
        var other = await CreateDraftAsync(coordinator, "dedication", Person(title: "正常提交的推荐", name: "赵六"));
        (await SubmitAsync(coordinator, other)).Dispose();
        (await organizer.SubmitAsync($"/organizer/nominations/{other}", $"/organizer/nominations/{other}/reinstate", new Dictionary<string, string> { ["reason"] = "恢复" })).Dispose();
        Assert.Contains($"{other} 目前为“已提交”，无需恢复，未作任何更改。", await organizer.GetStringAsync($"/organizer/nominations/{other}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, StatusOf(other));
    }

    [Fact]
    public async Task AReinstatedNomination_IsToldWhereItStillNeedsJudges_AndRefusedOnceItsRoundClosedWithoutIt()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.power@demo.example");
        var first = await CreateDraftAsync(coordinator, "endeavor", Person(title: "分配前退回的推荐", name: "钱七"));
        var second = await CreateDraftAsync(coordinator, "endeavor", Person(title: "轮次结束前退回的推荐", name: "孙八"));
        (await SubmitAsync(coordinator, first)).Dispose();
        (await SubmitAsync(coordinator, second)).Dispose();
        var organizer = await SignedInAsync(factory, "organizer@demo.example");
        foreach (var code in new[] { first, second })
        {
            (await organizer.SubmitAsync($"/organizer/nominations/{code}", $"/organizer/nominations/{code}/return", new Dictionary<string, string> { ["reason"] = "请补充。" })).Dispose();
        }

        // Judges were assigned in the award's first round while the two were returned.
        var other = await CreateDraftAsync(await SignedInAsync(factory, "coordinator.qingshan@demo.example"), "endeavor", Person(title: "已分配评委的推荐", name: "周九"));
        factory.WithDb(db =>
        {
            var entry = db.Entries.Single(e => e.Code == other);
            var round = db.Rounds.Where(r => r.TrackId == entry.TrackId).OrderBy(r => r.Sequence).First();
            var judge = db.Users.Single(u => u.Email == "judge.huang@demo.example");
            db.Assignments.Add(new JudgeAssignment(round.Id, entry.Id, judge.Id, DateTime.UtcNow));
            return db.SaveChanges();
        });

        (await organizer.SubmitAsync($"/organizer/nominations/{first}", $"/organizer/nominations/{first}/reinstate", new Dictionary<string, string> { ["reason"] = Reason })).Dispose();
        Assert.Contains("中还没有评委：请在评审页面重新分配该轮评委。", await organizer.GetStringAsync($"/organizer/nominations/{first}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Accepted, StatusOf(first));

        await Judged.CloseFirstRoundAsync(factory, organizer, "endeavor");
        (await organizer.SubmitAsync($"/organizer/nominations/{second}", $"/organizer/nominations/{second}/reinstate", new Dictionary<string, string> { ["reason"] = Reason })).Dispose();
        Assert.Contains($"的评审已在没有 {second} 的情况下继续进行", await organizer.GetStringAsync($"/organizer/nominations/{second}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Returned, StatusOf(second));
        Assert.Equal(0, factory.WithDb(db => db.MailOutbox.Count(m => m.Subject == $"推荐 {second} 已恢复")));
    }

    private EntryStatus StatusOf(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status);
}

/// <summary>
/// A disqualified essay reinstated in error counts again: its scores are ranked, its author is
/// mailed; published results never change unseen: reinstating one published without it, or once
/// the results are final, is refused.
/// </summary>
public sealed class EssayReinstateTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Page = "/organizer/results/help-story";

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task ADisqualifiedEssay_CountsAgainWhenReinstated_ButNotIntoResultsPublishedWithoutIt()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // In draft results: disqualified, it leaves the ranking; reinstated, it is back, and its author is told why.
        await DisqualifyAsync(organizer, codes[1]);
        Assert.DoesNotContain($"data-code=\"{codes[1]}\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        await ReinstateAsync(organizer, codes[1]);
        Assert.Contains($"征文 {codes[1]} 已恢复参评；已将理由告知作者。", await organizer.GetStringAsync($"/organizer/essays/{codes[1]}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Submitted, StatusOf(codes[1]));
        Assert.Contains($"data-code=\"{codes[1]}\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        var author = factory.WithDb(db => db.Users.Single(u => db.Entries.Any(e => e.Code == codes[1] && e.OwnerUserId == u.Id)).Email!);
        Assert.Contains("经复核并非抄袭。", (await Mails.ToAsync(factory, author, $"作品 {codes[1]} 已恢复参评资格")).Body, StringComparison.Ordinal);

        // Disqualified before publishing: reinstating it into the notice is refused, nothing changes.
        await DisqualifyAsync(organizer, codes[2]);
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        await ReinstateAsync(organizer, codes[2]);
        Assert.Contains($"正在公示的结果发布时不含 {codes[2]}。请先将结果撤回为草稿", await organizer.GetStringAsync($"/organizer/essays/{codes[2]}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Disqualified, StatusOf(codes[2]));

        // A winner disqualified on notice and reinstated is back as published: the results can be final.
        await DisqualifyAsync(organizer, codes[0]);
        await ReinstateAsync(organizer, codes[0]);
        Assert.Contains("该作品按发布时的结果重新列入公示。", await organizer.GetStringAsync($"/organizer/essays/{codes[0]}"), StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"dropped-winners\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(Page, Page + "/finalize")).Dispose();
        Assert.Equal(Core.Results.ResultStage.Final, factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Stage));

        // Final results no longer change.
        await ReinstateAsync(organizer, codes[2]);
        Assert.Contains($"的结果已最终确定，不再更改，因此不能恢复 {codes[2]}。", await organizer.GetStringAsync($"/organizer/essays/{codes[2]}"), StringComparison.Ordinal);
        Assert.Equal(EntryStatus.Disqualified, StatusOf(codes[2]));
    }

    private static async Task DisqualifyAsync(Browser organizer, string code) =>
        (await organizer.SubmitAsync($"/organizer/essays/{code}", $"/organizer/essays/{code}/disqualify", new Dictionary<string, string> { ["reason"] = "疑似抄袭。" })).Dispose();

    private static async Task ReinstateAsync(Browser organizer, string code) =>
        (await organizer.SubmitAsync($"/organizer/essays/{code}", $"/organizer/essays/{code}/reinstate", new Dictionary<string, string> { ["reason"] = "经复核并非抄袭。" })).Dispose();

    private EntryStatus StatusOf(string code) => factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status);
}
