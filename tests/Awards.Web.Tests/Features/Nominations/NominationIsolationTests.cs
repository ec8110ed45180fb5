using System.Net;
using Awards.Core.Entries;
using Awards.Web.Tests.Infrastructure;
using static Awards.Web.Tests.Infrastructure.Nominating;

namespace Awards.Web.Tests.Features.Nominations;

/// <summary>Unit isolation (SECURITY.md §2): another unit's nomination is 404 for every action, and nothing changes.</summary>
public sealed class NominationIsolationTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnotherUnitsCoordinator_GetsNotFound_ForEveryAction_AndChangesNothing()
    {
        var owner = await SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var code = await CreateDraftAsync(owner, "dedication", Person(title: "青山县的推荐"));
        (await owner.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "a.pdf", SampleFiles.Pdf())).Dispose();
        var token = factory.WithDb(db => db.Attachments.Single(a => a.Entry.Code == code).Token);
        var before = factory.WithDb(db => db.Entries.Single(e => e.Code == code));

        var other = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        // A valid antiforgery token from the other coordinator's own pages: only the id is foreign.
        var antiforgery = await other.TokenFromAsync("/nominations/new/dedication");
        foreach (var url in new[] { $"/nominations/{code}", $"/nominations/{code}/edit", $"/nominations/{code}/receipt", $"/nominations/{code}/attachments/{token}" })
        {
            using var response = await other.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"GET {url}: {response.StatusCode}");
        }

        var edit = new Dictionary<string, string>(Person(title: "篡改")) { ["__RequestVerificationToken"] = antiforgery };
        foreach (var url in new[] { $"/nominations/{code}/edit", $"/nominations/{code}/submit", $"/nominations/{code}/withdraw", $"/nominations/{code}/attachments/{token}/delete" })
        {
            using var response = await other.Client.PostAsync(url, new FormUrlEncodedContent(edit));
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"POST {url}: {response.StatusCode}");
        }

        using var upload = new MultipartFormDataContent
        {
            { new StringContent(antiforgery), "__RequestVerificationToken" },
            { new ByteArrayContent(SampleFiles.Png()), "file", "x.png" },
        };
        using var uploaded = await other.Client.PostAsync($"/nominations/{code}/attachments", upload);
        Assert.Equal(HttpStatusCode.NotFound, uploaded.StatusCode);

        var after = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal((before.Title, before.Status, before.UpdatedAt), (after.Title, after.Status, after.UpdatedAt));
        Assert.Equal(1, factory.WithDb(db => db.Attachments.Count(a => a.Entry.Code == code)));
        Assert.DoesNotContain(code, await other.GetStringAsync("/coordinator"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOrganizer_DoesNotSeeDrafts_UntilTheyAreSubmitted()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.power@demo.example");
        var code = await CreateDraftAsync(coordinator, "innovation", Person(title: "尚未提交"));
        var organizer = await SignedInAsync(factory, "organizer@demo.example");

        using var draft = await organizer.Client.GetAsync($"/organizer/nominations/{code}");
        Assert.Equal(HttpStatusCode.NotFound, draft.StatusCode);
        Assert.DoesNotContain(code, await organizer.GetStringAsync("/organizer/nominations"), StringComparison.Ordinal);

        (await SubmitAsync(coordinator, code)).Dispose();
        Assert.Contains("尚未提交", await organizer.GetStringAsync($"/organizer/nominations/{code}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACoordinator_CannotScreen()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.liuxi@demo.example");
        var code = await CreateDraftAsync(coordinator, "contribution");
        (await SubmitAsync(coordinator, code)).Dispose();
        var antiforgery = await coordinator.TokenFromAsync($"/nominations/{code}");

        using var accept = await coordinator.Client.PostAsync($"/organizer/nominations/{code}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = antiforgery }));
        using var list = await coordinator.Client.GetAsync("/organizer/nominations");

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.StartsWith("/account/access-denied", accept.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.Equal(EntryStatus.Submitted, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryToken_IsRefused()
    {
        var coordinator = await SignedInAsync(factory, "coordinator.yunling@demo.example");
        var code = await CreateDraftAsync(coordinator, "endeavor");

        using var response = await coordinator.Client.PostAsync($"/nominations/{code}/submit", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(EntryStatus.Draft, factory.WithDb(db => db.Entries.Single(e => e.Code == code).Status));
    }
}
