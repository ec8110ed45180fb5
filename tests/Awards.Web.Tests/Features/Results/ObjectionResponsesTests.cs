using System.Net;
using Awards.Web.Infrastructure;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// Asking the entrant for a response to an objection (核实说明, ADR 0019): whoever answers for the
/// named entry is mailed and reads the objection without who raised it, responds once by the time
/// the organizer set, and the organizer reads the response on the objection. Nobody else can read
/// or answer the request.
/// </summary>
public sealed class ObjectionResponsesTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Objections = "/organizer/results/objections";

    [Fact]
    public async Task TheNominatingUnit_IsAskedAndResponds_Once_WithoutEverSeeingWhoObjected_AndOnlyItCanAnswer()
    {
        var code = Judged.Score(factory, "innovation", [90, 90, 90])[0];
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "innovation", 10);
        // The objector signs the text with their name and address, as people do.
        var objectionId = await RaiseAsync(factory, "innovation", code, "赵立群", "zhao.liqun@example.org", "我是赵立群（zhao.liqun@example.org），该推荐对象的事迹材料有夸大之处，请核实。");
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();

        // The objection's form names who will be asked: the nominating unit's coordinators.
        var qingshan = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Name.Zh);
        Assert.Contains($"请{qingshan}的单位联络员提交核实说明", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);

        using (var asked = await organizer.SubmitAsync(Objections, $"{Objections}/{objectionId}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 3) }))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        var waiting = await organizer.GetStringAsync(Objections);
        Assert.Contains("已请求核实说明：已向 1 人发送邮件", waiting, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-testid=\"ask-{objectionId}\"", waiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"response-waiting\"", waiting, StringComparison.Ordinal);
        var inquiryId = factory.WithDb(db => db.ObjectionInquiries.Single(i => i.ObjectionId == objectionId).Id);

        // The unit's coordinator is mailed, in her language, with a link and nothing the objector typed.
        var mail = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));
        Assert.Equal("coordinator.qingshan@demo.example", mail.To);
        Assert.StartsWith("请于", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"编号 {code} 所涉异议提交核实说明", mail.Subject, StringComparison.Ordinal);
        Assert.Equal($"/objection-responses/{inquiryId}", Mails.LinkIn(mail));
        foreach (var hidden in new[] { "赵立群", "zhao.liqun", "夸大" })
        {
            Assert.DoesNotContain(hidden, mail.Body, StringComparison.Ordinal);
        }

        // A second request while the first waits is refused, and nobody is mailed again.
        (await organizer.SubmitAsync(Objections, $"{Objections}/{objectionId}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 5) })).Dispose();
        Assert.Contains("已就该异议请求核实说明，答复截止时间为", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        Assert.Equal(1, factory.WithDb(db => db.ObjectionInquiries.Count(i => i.ObjectionId == objectionId)));
        Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));

        // The coordinator sees the request on her dashboard and reads the objection, never who raised it.
        var coordinator = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        Assert.Contains($"href=\"/objection-responses/{inquiryId}\"", await coordinator.GetStringAsync("/coordinator"), StringComparison.Ordinal);
        var page = await coordinator.GetStringAsync($"/objection-responses/{inquiryId}");
        Assert.Contains("该推荐对象的事迹材料有夸大之处，请核实。", page, StringComparison.Ordinal);
        var reference = factory.WithDb(db => db.Objections.Single(o => o.Id == objectionId).Reference);
        foreach (var hidden in new[] { "赵立群", "zhao.liqun", reference })
        {
            Assert.DoesNotContain(hidden, page, StringComparison.OrdinalIgnoreCase);
        }

        // Another unit, an author and the organizer cannot read or answer it: 404, nothing stored.
        foreach (var email in new[] { "coordinator.yunling@demo.example", "author.zhang@demo.example", "organizer@demo.example" })
        {
            var other = email == "organizer@demo.example" ? organizer : await Nominating.SignedInAsync(factory, email);
            using var read = await other.Client.GetAsync($"/objection-responses/{inquiryId}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
            using var answer = await other.Client.PostAsync($"/objection-responses/{inquiryId}", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = await other.TokenFromAsync("/"),
                ["response"] = "冒名答复",
            }));
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        }

        Assert.Null(factory.WithDb(db => db.ObjectionInquiries.Single(i => i.Id == inquiryId).Response));

        // An empty response is refused with a message; then she responds.
        using (var empty = await coordinator.SubmitAsync($"/objection-responses/{inquiryId}", $"/objection-responses/{inquiryId}", new Dictionary<string, string> { ["response"] = "  " }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
            Assert.Contains("请填写核实说明。", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await coordinator.SubmitAsync($"/objection-responses/{inquiryId}", $"/objection-responses/{inquiryId}", new Dictionary<string, string> { ["response"] = "经核对，事迹材料中的数据均有镇政府出具的证明（文号=青政〔2026〕17号）。" })).Dispose();
        Assert.Contains("您的核实说明已提交给组织方。", await coordinator.GetStringAsync($"/objection-responses/{inquiryId}"), StringComparison.Ordinal);

        // Once: a second response is refused and the first stands.
        using (var again = await coordinator.SubmitAsync($"/objection-responses/{inquiryId}", $"/objection-responses/{inquiryId}", new Dictionary<string, string> { ["response"] = "改一下" }))
        {
            Assert.Contains("已就此请求提交核实说明，不能修改。", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("经核对，事迹材料中的数据均有镇政府出具的证明（文号=青政〔2026〕17号）。", factory.WithDb(db => db.ObjectionInquiries.Single(i => i.Id == inquiryId).Response));

        // The organizer reads the response on the objection, with who gave it; the objector only learns that one was asked for.
        var objections = await organizer.GetStringAsync(Objections);
        Assert.Contains("data-testid=\"response\">经核对，事迹材料中的数据均有镇政府出具的证明（文号=青政〔2026〕17号）。<", objections, StringComparison.Ordinal);
        Assert.Contains("刘文静于", objections, StringComparison.Ordinal);
        var status = await new Browser(factory).GetStringAsync($"/notice/objections/{reference}");
        Assert.Contains("data-testid=\"response-requested\">组织方已于", status, StringComparison.Ordinal);
        Assert.DoesNotContain("镇政府出具的证明", status, StringComparison.Ordinal);
        Assert.DoesNotContain("刘文静", status, StringComparison.Ordinal);

        // Both steps are in the audit log, in words.
        var audit = await organizer.GetStringAsync("/organizer/audit");
        Assert.Contains("请求异议核实说明", audit, StringComparison.Ordinal);
        Assert.Contains("提交异议核实说明", audit, StringComparison.Ordinal);
        Assert.Contains("经核对，事迹材料中的数据均有镇政府出具的证明（文号=青政〔2026〕17号）。", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALateResponse_IsRefused_TheOrganizerCanAskAgain_AndNoRequestOnAResolvedOrUnnamedObjection()
    {
        var codes = Judged.Score(factory, "help-story", [90, 90, 90], [80, 80, 80], [70, 70, 70]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.PublishAsync(factory, organizer, "help-story", 1, 1, 1, 0);
        var essay = factory.WithDb(db => db.Entries.Single(e => e.Code == codes[0]));
        var author = factory.WithDb(db => db.Users.Single(u => u.Id == essay.OwnerUserId).Email!);
        var about = await RaiseAsync(factory, "help-story", codes[0], "某人", "13800001111", "我认为这篇征文并非作者本人所写，请核实。");
        var unnamed = await RaiseAsync(factory, "help-story", "", "某人", "13800001111", "我认为该主题的评审结果有误，请核实。");

        // A time in the past, or more than 30 days on, is refused.
        (await organizer.SubmitAsync(Objections, $"{Objections}/{about}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: -1) })).Dispose();
        Assert.Contains("答复截止时间须晚于当前时间，且不超过30天。", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Objections, $"{Objections}/{unnamed}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 2) })).Dispose();
        Assert.Contains("该异议未指明具体的作品或推荐对象，无法请求核实说明。", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.ObjectionInquiries.Count(i => i.ObjectionId == about || i.ObjectionId == unnamed)));

        var authorName = factory.WithDb(db => db.Users.Single(u => u.Id == essay.OwnerUserId).DisplayName);
        Assert.Contains($"请作者{authorName}提交核实说明", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        (await organizer.SubmitAsync(Objections, $"{Objections}/{about}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 1) })).Dispose();
        var first = factory.WithDb(db => db.ObjectionInquiries.Single(i => i.ObjectionId == about).Id);
        var writer = await Nominating.SignedInAsync(factory, author);
        Assert.Contains($"href=\"/objection-responses/{first}\"", await writer.GetStringAsync("/author"), StringComparison.Ordinal);

        // Two days on the time is over: the page says so, and a response posted from an old page is refused.
        var form = await writer.TokenFromAsync($"/objection-responses/{first}");
        factory.Clock.Offset += TimeSpan.FromDays(2);
        using (var late = await writer.Client.PostAsync($"/objection-responses/{first}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = form, ["response"] = "这篇征文是我本人所写。" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("核实说明未被接收。请与组织方联系。", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Null(factory.WithDb(db => db.ObjectionInquiries.Single(i => i.Id == first).Response));
        Assert.Contains("data-testid=\"inquiry-closed\"", await writer.GetStringAsync($"/objection-responses/{first}"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"response-missed\"", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);

        // The organizer asks again; once the objection is resolved nobody can be asked, nor answer.
        (await organizer.SubmitAsync(Objections, $"{Objections}/{about}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 2) })).Dispose();
        var second = factory.WithDb(db => db.ObjectionInquiries.Single(i => i.ObjectionId == about && i.Id != first).Id);
        (await organizer.SubmitAsync(Objections, $"{Objections}/{about}/resolve", new Dictionary<string, string> { ["outcome"] = "Dismissed", ["resolution"] = "经核实，作品为作者原创。" })).Dispose();
        using (var closed = await writer.SubmitAsync($"/objection-responses/{first}", $"/objection-responses/{second}", new Dictionary<string, string> { ["response"] = "这篇征文是我本人所写。" }))
        {
            Assert.Contains("组织方已对该异议作出处理，不再接收核实说明。", await closed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await organizer.SubmitAsync(Objections, $"{Objections}/{about}/ask", new Dictionary<string, string> { ["respondBy"] = Due(days: 2) })).Dispose();
        Assert.Contains("该异议已处理，不能再请求核实说明。", await organizer.GetStringAsync(Objections), StringComparison.Ordinal);
        Assert.Equal(2, factory.WithDb(db => db.ObjectionInquiries.Count(i => i.ObjectionId == about)));
        Assert.All(factory.WithDb(db => db.ObjectionInquiries.Where(i => i.ObjectionId == about).ToList()), i => Assert.Null(i.Response));
    }

    /// <summary>The respond-by time as the organizer's datetime-local field sends it, <paramref name="days"/> from the site's now.</summary>
    private string Due(int days) => SiteTime.InputValue(factory.Clock.UtcNow.AddDays(days));

    /// <summary>A member of the public objects on the notice; the answer is the objection's id.</summary>
    internal static async Task<int> RaiseAsync(AwardsFactory factory, string track, string entry, string name, string contact, string text)
    {
        using var received = await new Browser(factory).SubmitAsync("/notice", "/notice/objections", new Dictionary<string, string>
        {
            ["Track"] = track,
            ["Entry"] = entry,
            ["Name"] = name,
            ["Contact"] = contact,
            ["Text"] = text,
        });
        Assert.Equal(HttpStatusCode.Redirect, received.StatusCode);
        var reference = received.Headers.Location!.OriginalString.Split('/')[^1];
        return factory.WithDb(db => db.Objections.Single(o => o.Reference == reference).Id);
    }
}

/// <summary>
/// Once a notice period is over, the public notice says how many objections it received and how
/// they were decided: counts only, never a text, a name or a reference.
/// </summary>
public sealed class ObjectionSummaryTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AfterTheNoticePeriod_TheNoticeCountsObjectionsByOutcome_AndShowsNoneOfTheirWords()
    {
        Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var page = await Judged.PublishAsync(factory, organizer, "journey", 1, 1, 0, 0);
        var planted = new[] { "PLANTED-NAME", "planted@example.org", "PLANTED-TEXT" };
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await ObjectionResponsesTests.RaiseAsync(factory, "journey", "", $"PLANTED-NAME {i}", "planted@example.org", $"PLANTED-TEXT 评审结果有误，请核实。{i}"));
        }

        (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{ids[0]}/resolve", new Dictionary<string, string> { ["outcome"] = "Upheld", ["resolution"] = "PLANTED-RESOLUTION 已更正。" })).Dispose();
        (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{ids[1]}/resolve", new Dictionary<string, string> { ["outcome"] = "Dismissed", ["resolution"] = "PLANTED-RESOLUTION 维持原结果。" })).Dispose();

        // While objections are taken, no count is shown.
        var visitor = new Browser(factory);
        Assert.DoesNotContain("data-testid=\"objection-summary-journey\"", await visitor.GetStringAsync("/notice"), StringComparison.Ordinal);

        factory.Clock.Offset += TimeSpan.FromDays(8);
        var notice = await visitor.GetStringAsync("/notice");
        Assert.Contains("公示期间共收到异议 3 件。", notice, StringComparison.Ordinal);
        Assert.Contains("异议成立：1", notice, StringComparison.Ordinal);
        Assert.Contains("异议部分成立：0", notice, StringComparison.Ordinal);
        Assert.Contains("异议不成立：1", notice, StringComparison.Ordinal);
        Assert.Contains("正在核实：1", notice, StringComparison.Ordinal);
        var english = await visitor.GetStringAsync("/notice?culture=en");
        Assert.Contains("Objections received during the notice period: 3.", english, StringComparison.Ordinal);

        // Once final, the results page keeps the counts; still no words of anyone's.
        (await organizer.SubmitAsync("/organizer/results/objections", $"/organizer/results/objections/{ids[2]}/resolve", new Dictionary<string, string> { ["outcome"] = "PartlyUpheld", ["resolution"] = "PLANTED-RESOLUTION 部分更正。" })).Dispose();
        (await organizer.PostAsync(page, page + "/finalize")).Dispose();
        var final = await visitor.GetStringAsync("/results");
        Assert.Contains("data-testid=\"objection-summary-journey\"", final, StringComparison.Ordinal);
        Assert.Contains("异议部分成立：1", final, StringComparison.Ordinal);
        Assert.Contains("正在核实：0", final, StringComparison.Ordinal);
        var references = factory.WithDb(db => db.Objections.Select(o => o.Reference).ToList());
        foreach (var hidden in planted.Append("PLANTED-RESOLUTION").Concat(references))
        {
            Assert.DoesNotContain(hidden, notice, StringComparison.Ordinal);
            Assert.DoesNotContain(hidden, final, StringComparison.Ordinal);
        }
    }
}
