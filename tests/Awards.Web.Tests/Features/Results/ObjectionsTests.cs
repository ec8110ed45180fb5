using System.Net;
using Awards.Core.Results;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// An objection to the public notice from the objector's side: a reference on the confirmation
/// page, a receipt at an e-mail address, the organizer's outcome and resolution by mail and on the
/// page the reference opens, and never a word the objector typed in a mail the site sends.
/// </summary>
public sealed class ObjectionsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Objections = "/organizer/results/objections";

    [Fact]
    public async Task AnObjectorWithAnAddress_GetsAReferenceAndAReceipt_ThenTheOutcomeOnce_AndTheOrganizerSeesWhoDecidedWhat()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();

        // The name and text are the sender's own words: none of them may reach the address's inbox.
        var visitor = new Browser(factory);
        using var received = await visitor.SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string>
        {
            ["Track"] = "help-story",
            ["Entry"] = codes[0].ToLowerInvariant(),
            ["Name"] = "王明 请访问 spam.example",
            ["Contact"] = "objector@example.org",
            ["Text"] = "我认为该作品与去年的获奖作品内容雷同，请核实。SPAM-TEXT",
        });
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var reference = factory.WithDb(db => db.Objections.Single().Reference);
        Assert.Matches("^YY-[0-9A-Z]{4}-[0-9A-Z]{4}$", reference);
        Assert.Equal($"/notice/objections/{reference}", received.Headers.Location!.OriginalString);

        // The confirmation page: the reference, that a receipt is on its way, and nothing of who sent it.
        var confirmation = await visitor.GetStringAsync(received.Headers.Location.OriginalString);
        Assert.Contains($"您的异议已收到，编号为 {reference}。回执将发送到您留下的电子邮箱", confirmation, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"reference\">{reference}<", confirmation, StringComparison.Ordinal);
        Assert.Contains("组织方正在核实处理中。", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("objector@example.org", confirmation, StringComparison.Ordinal);
        Assert.DoesNotContain("王明", confirmation, StringComparison.Ordinal);

        var receipt = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));
        Assert.Equal("objector@example.org", receipt.To);
        Assert.Equal($"您的异议（编号 {reference}）已收到", receipt.Subject);
        Assert.Contains($"对“征文：我的帮扶故事”拟获奖名单中编号 {codes[0]} 提出的异议", receipt.Body, StringComparison.Ordinal);
        Assert.Equal($"/notice/objections/{reference}", Mails.LinkIn(receipt));
        Assert.DoesNotContain("spam.example", receipt.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SPAM-TEXT", receipt.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("王明", receipt.Body, StringComparison.Ordinal);

        // A resolution without an outcome is refused and changes nothing; the objector is not mailed.
        var id = factory.WithDb(db => db.Objections.Single().Id);
        var resolve = $"{Objections}/{id}/resolve";
        (await organizer.SubmitAsync(Objections, resolve, new Dictionary<string, string> { ["resolution"] = "经核实，该作品为原创，维持原结果。" })).Dispose();
        Assert.Contains("请选择处理结果：异议成立、部分成立或不成立。", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Objections, resolve, new Dictionary<string, string> { ["outcome"] = "7", ["resolution"] = "经核实，该作品为原创，维持原结果。" })).Dispose();
        Assert.Contains("请选择处理结果", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Objections.Single().ResolvedAt));
        Assert.Equal(1, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));

        // Upheld: the organizer disqualifies the entry, and resolves the objection with the outcome.
        (await organizer.SubmitAsync($"/organizer/essays/{codes[0]}", $"/organizer/essays/{codes[0]}/disqualify", new Dictionary<string, string> { ["reason"] = "与已发表文章雷同。" })).Dispose();
        (await organizer.SubmitAsync(Objections, resolve, new Dictionary<string, string> { ["outcome"] = "Upheld", ["resolution"] = "经核实，该作品与已发表文章雷同，已取消其获奖资格。" })).Dispose();
        var objection = factory.WithDb(db => db.Objections.Single());
        Assert.Equal(ObjectionOutcome.Upheld, objection.Outcome);

        // The organizers' page: the outcome, who decided it and when, and what became of the entry.
        var page = await organizer.GetStringAsync(Objections);
        Assert.Contains("data-testid=\"outcome\">异议成立<", page, StringComparison.Ordinal);
        Assert.Contains("已由陈明远于", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/organizer/essays/{codes[0]}\"", page, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"entry-status\">已取消资格<", page, StringComparison.Ordinal);

        // The audit log keeps the decision under the reference, and reads it in words.
        var audit = Assert.Single(factory.WithDb(db => db.AuditLog.Where(a => a.Action == "ResolveObjection").ToList()));
        Assert.Equal(reference, audit.EntityKey);
        Assert.Equal("Upheld: 经核实，该作品与已发表文章雷同，已取消其获奖资格。", audit.After);
        Assert.Contains("异议成立：经核实，该作品与已发表文章雷同", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);

        // The objector is told: the outcome and the resolution, at the address, once.
        var told = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id) && m.Id != receipt.Id && m.To == "objector@example.org");
        Assert.Equal($"您的异议 {reference}：异议成立", told.Subject);
        Assert.Contains("处理结果：异议成立", told.Body, StringComparison.Ordinal);
        Assert.Contains("经核实，该作品与已发表文章雷同，已取消其获奖资格。", told.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("SPAM-TEXT", told.Body, StringComparison.Ordinal);

        // A second decision is refused: the first stands and nobody is mailed again.
        (await organizer.SubmitAsync(Objections, resolve, new Dictionary<string, string> { ["outcome"] = "Dismissed", ["resolution"] = "维持原结果。" })).Dispose();
        Assert.Contains("该异议已处理，不能再次处理。", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        Assert.Equal(ObjectionOutcome.Upheld, factory.WithDb(db => db.Objections.Single().Outcome));
        Assert.Equal(2, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id) && m.To == "objector@example.org"));

        // The reference opens the decision for the objector, typed in any case, and nothing of who sent it or who decided.
        var status = await new Browser(factory).GetStringAsync($"/notice/objections/{reference.ToLowerInvariant()}");
        Assert.Contains("<strong>异议成立</strong>", status, StringComparison.Ordinal);
        Assert.Contains("已取消其获奖资格", status, StringComparison.Ordinal);
        foreach (var hidden in new[] { "objector@example.org", "王明", "SPAM-TEXT", "陈明远" })
        {
            Assert.DoesNotContain(hidden, status, StringComparison.Ordinal);
        }
    }
}

/// <summary>The objector's mails are written in the language of the page the objection came from, not the organizer's.</summary>
public sealed class ObjectionLanguageTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnObjectionSentInEnglish_IsAnsweredInEnglish_WhoeverDecidesIt()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        using var received = await new Browser(factory).SubmitAsync("/notice", "/notice/objections?culture=en", new Dictionary<string, string>
        {
            ["Track"] = "help-story",
            ["Entry"] = "",
            ["Name"] = "Jane Doe",
            ["Contact"] = "jane@example.org",
            ["Text"] = "The scoring of this theme looks wrong to me.",
        });
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var objection = factory.WithDb(db => db.Objections.Single(o => o.Contact == "jane@example.org"));
        var receipt = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));
        Assert.Equal($"Your objection {objection.Reference} is received", receipt.Subject);
        Assert.Contains("to the proposed winners of Essay: My Help Story", receipt.Body, StringComparison.Ordinal);

        (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{objection.Id}/resolve", new Dictionary<string, string> { ["outcome"] = "PartlyUpheld", ["resolution"] = "评分已复核，一名评委的分数已更正。" })).Dispose();
        var told = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id) && m.Id != receipt.Id);
        Assert.Equal($"Your objection {objection.Reference}: Partly upheld", told.Subject);
        Assert.Contains("Outcome: Partly upheld", told.Body, StringComparison.Ordinal);
    }
}

/// <summary>Looking an objection up by its reference: a clear message for a wrong or empty one.</summary>
public sealed class ObjectionLookupTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ALookup_OfAnUnknownOrEmptyReference_SaysSo_AndATypedOneOpensItsObjection()
    {
        var visitor = new Browser(factory);
        using (var unknown = await visitor.Client.GetAsync("/notice/objections/YY-0000-0000"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Contains("没有编号为 YY-0000-0000 的异议", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var empty = await visitor.Client.GetAsync("/notice/lookup?reference=+"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("请输入异议编号。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var typed = await visitor.Client.GetAsync("/notice/lookup?reference=yy-zzzz-zzzz&culture=en"))
        {
            Assert.Equal(HttpStatusCode.NotFound, typed.StatusCode);
            Assert.Contains("No objection has the reference yy-zzzz-zzzz.", WebUtility.HtmlDecode(await typed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        // The notice offers the lookup, whatever is on notice; a reference typed in lower case opens its objection.
        Assert.Contains("data-testid=\"objection-lookup\"", await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);
        Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        await Judged.PublishAsync(factory, await Nominating.SignedInAsync(factory, "organizer@demo.example"), "help-story", 1, 1, 0, 0);
        (await visitor.SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string> { ["Track"] = "help-story", ["Entry"] = "", ["Name"] = "王明", ["Contact"] = "13800001111", ["Text"] = "我认为该主题的评审结果有误，请核实。" })).Dispose();
        var reference = factory.WithDb(db => db.Objections.Single().Reference);
        using var found = await visitor.Client.GetAsync($"/notice/lookup?reference=+{reference.ToLowerInvariant()}+");
        Assert.Equal(HttpStatusCode.Redirect, found.StatusCode);
        Assert.Equal($"/notice/objections/{reference}", found.Headers.Location!.OriginalString);
        Assert.Contains("组织方正在核实处理中。", await visitor.GetStringAsync(found.Headers.Location.OriginalString), StringComparison.Ordinal);
    }
}

/// <summary>
/// The objection form is public: anyone can type anyone's address into it. A receipt goes to one
/// address at most three times a day, however many objections name it; a phone number gets none.
/// </summary>
public sealed class ObjectionReceiptLimitTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task ReceiptsToOneAddress_StopAtThreeADay_ThePhoneGetsNone_AndEveryObjectionIsStillReceived()
    {
        Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 0, 0);
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        var visitor = new Browser(factory);
        Dictionary<string, string> Objection(string contact) => new()
        {
            ["Track"] = "help-story",
            ["Entry"] = "",
            ["Name"] = "某人",
            ["Contact"] = contact,
            ["Text"] = "我认为该主题的评审结果有误，请核实。",
        };

        var messages = new List<string>();
        foreach (var contact in new[] { "target@example.org", "Target@Example.org", "13800001111", "target@example.org", "TARGET@example.org" })
        {
            using var response = await visitor.SubmitAsync("/notice", "/notice/objections", Objection(contact));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            messages.Add(await visitor.GetStringAsync(response.Headers.Location!.OriginalString));
        }

        Assert.Equal(5, factory.WithDb(db => db.Objections.Count()));
        Assert.Equal(3, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id)));
        Assert.Contains("回执将发送到您留下的电子邮箱", messages[0], StringComparison.Ordinal);
        Assert.Contains("请妥善保存", messages[2], StringComparison.Ordinal);
        Assert.Contains("请妥善保存", messages[4], StringComparison.Ordinal);
        Assert.DoesNotContain("回执将发送到", messages[4], StringComparison.Ordinal);

        // A day on, the address can get a receipt again.
        factory.Clock.Offset += TimeSpan.FromHours(25);
        (await visitor.SubmitAsync("/notice", "/notice/objections", Objection("target@example.org"))).Dispose();
        Assert.Equal(4, (await Mails.InAsync(factory)).Count(m => !before.Contains(m.Id) && m.To.Equals("target@example.org", StringComparison.OrdinalIgnoreCase)));
    }
}
