using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>After the submission deadline nothing a coordinator does changes a nomination; one second before, everything works.</summary>
public sealed class NominationDeadlineTests(AwardsFactory factory) : IClassFixture<AwardsFactory>, IDisposable
{
    private const string Deadline = "报送已截止，作品不能再更改。";

    private DateTime ClosesAt => factory.WithDb(db => db.Contests.Single(c => c.IsCurrent).Schedule.SubmissionClosesAt);

    public void Dispose() => factory.Clock.Offset = TimeSpan.Zero;

    [Fact]
    public async Task OneSecondBeforeTheDeadline_SubmitWorks()
    {
        var browser = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(browser, "innovation");
        factory.Clock.Stop(ClosesAt.AddSeconds(-1));

        using var response = await SubmitAsync(browser, code);

        Assert.Equal($"/nominations/{code}/receipt", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task AfterTheDeadline_EveryChangeIsRefusedWithAMessage_AndNothingChanges()
    {
        var browser = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var draft = await CreateDraftAsync(browser, "dedication", Person(title: "截止前的草稿"));
        var submitted = await CreateDraftAsync(browser, "endeavor", Person(title: "截止前已提交"));
        (await browser.UploadAsync($"/nominations/{submitted}", $"/nominations/{submitted}/attachments", "a.pdf", SampleFiles.Pdf())).Dispose();
        (await SubmitAsync(browser, submitted)).Dispose();
        var token = factory.WithDb(db => db.Attachments.Single(a => a.Entry.Code == submitted).Token);
        var antiforgery = await browser.TokenFromAsync($"/nominations/{draft}");

        factory.Clock.Set(ClosesAt);

        (await SubmitAsync(browser, draft)).Dispose();
        Assert.Contains(Deadline, await browser.GetStringAsync($"/nominations/{draft}"), StringComparison.Ordinal);

        var edit = new Dictionary<string, string>(Person(title: "截止后修改")) { ["__RequestVerificationToken"] = antiforgery };
        using var edited = await browser.Client.PostAsync($"/nominations/{submitted}/edit", new FormUrlEncodedContent(edit));
        var refused = await edited.Content.ReadAsStringAsync();
        Assert.Contains(Deadline, refused, StringComparison.Ordinal);

        // What was typed stays, with what to do with it, and no save button that could only be refused again.
        Assert.Contains("value=\"截止后修改\"", refused, StringComparison.Ordinal);
        Assert.Contains("本表单无法再保存。您填写的内容仍在页面上：如需保留请自行复制；如确需修改，请联系组织方。", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(">保存修改</button>", refused, StringComparison.Ordinal);

        using var withdrawn = await browser.Client.PostAsync($"/nominations/{submitted}/withdraw", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        Assert.Contains(Deadline, await browser.GetStringAsync($"/nominations/{submitted}"), StringComparison.Ordinal);

        using var removed = await browser.Client.PostAsync($"/nominations/{submitted}/attachments/{token}/delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new ByteArrayContent(SampleFiles.Png()), "file", "late.png" },
        };
        using var uploaded = await browser.Client.PostAsync($"/nominations/{submitted}/attachments", upload);

        using var created = await browser.Client.PostAsync("/nominations/new/contribution", new FormUrlEncodedContent(edit));
        Assert.Contains(Deadline, await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var entries = factory.WithDb(db => db.Entries.Where(e => e.Code == draft || e.Code == submitted).ToDictionary(e => e.Code));
        Assert.Equal(EntryStatus.Draft, entries[draft].Status);
        Assert.Equal(("截止前已提交", EntryStatus.Submitted), (entries[submitted].Title, entries[submitted].Status));
        Assert.Equal(["a.pdf"], factory.WithDb(db => db.Attachments.Where(a => a.Entry.Code == submitted).Select(a => a.FileName).ToList()));
        Assert.False(factory.WithDb(db => db.Entries.Any(e => e.Title == "截止后修改")));

        var dashboard = await browser.GetStringAsync("/coordinator");
        Assert.DoesNotContain("/nominations/new/", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"/nominations/{submitted}/edit", await browser.GetStringAsync($"/nominations/{submitted}"), StringComparison.Ordinal);
    }
}
