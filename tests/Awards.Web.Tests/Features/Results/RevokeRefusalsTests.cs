using System.Globalization;
using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// Revoking a prize is refused where it does not apply (results not final, a code that is not this
/// award's, someone not an organizer) with nothing changed; a nomination's or a winning unit's
/// revocation is told to the unit's coordinators (ADR 0017).
/// </summary>
public sealed class RevokeRefusalsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task Revoking_IsRefused_ForResultsNotFinal_ForAnotherAwardsCode_AndForNonOrganizers()
    {
        Judged.Score(factory, "journey", [90, 90, 90], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        const string page = "/organizer/results/journey";
        await Judged.PublishAsync(factory, organizer, "journey", 1, 1, 0, 0);
        var code = factory.WithDb(db => db.Placements.Where(p => p.LevelRank == 1 && db.TrackResults.Any(r => r.Id == p.TrackResultId && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey"))).Select(p => p.VerifyCode).Single());

        // On notice: what to do instead, on the way to the form and on a post alike.
        using (var asked = await organizer.Client.GetAsync($"{page}/revoke/{code}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        }

        Assert.Contains("只有结果已最终确定的奖项才能撤销。", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        (await organizer.SubmitAsync(page, $"{page}/revoke/{code}", new Dictionary<string, string> { ["reason"] = "理由" })).Dispose();
        Assert.Contains("公示中的结果先退回草稿", await organizer.GetStringAsync(page), StringComparison.Ordinal);
        Assert.Null(factory.WithDb(db => db.Placements.Single(p => p.VerifyCode == code).RevokedAt));

        // A code under another award's address, or a made-up one: not found, nothing changed.
        foreach (var url in new[] { $"/organizer/results/help-story/revoke/{code}", $"{page}/revoke/ABCD-EFGH-JKMN", $"/organizer/results/nope/revoke/{code}" })
        {
            using var get = await organizer.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            using var post = await organizer.SubmitAsync(page, url, new Dictionary<string, string> { ["reason"] = "理由" });
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        }

        // Someone else (the author, a coordinator): turned away.
        foreach (var email in new[] { "author.he@demo.example", "coordinator.qingshan@demo.example" })
        {
            var other = await Nominating.SignedInAsync(factory, email);
            using var post = await other.SubmitAsync("/", $"{page}/revoke/{code}", new Dictionary<string, string> { ["reason"] = "理由" });
            Assert.Contains("/account/access-denied", post.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        Assert.Null(factory.WithDb(db => db.Placements.Single(p => p.VerifyCode == code).RevokedAt));
    }

    [Fact]
    public async Task ANominationsAndAWinningUnitsRevocation_IsToldToTheUnitsCoordinators()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();

        // A nomination of 青山县, entered by its coordinator: one mail to them, not two.
        var nomination = Judged.Score(factory, "innovation", [90, 90, 90])[0];
        await Judged.FinalizeAsync(factory, organizer, "innovation", 1);
        var certificate = factory.WithDb(db => db.Placements.Single(p => p.LevelRank != null && db.Entries.Any(e => e.Id == p.EntryId && e.Code == nomination)).VerifyCode);
        const string page = "/organizer/results/innovation";
        (await organizer.SubmitAsync($"{page}/revoke/{certificate}", $"{page}/revoke/{certificate}", new Dictionary<string, string> { ["reason"] = "经查，推荐事迹不实。" })).Dispose();
        var mail = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));
        Assert.Equal("coordinator.qingshan@demo.example", mail.To);
        Assert.Contains($"（{nomination}）", mail.Body, StringComparison.Ordinal);
        Assert.Contains("自 ", mail.Body, StringComparison.Ordinal);
        Assert.Contains("经查，推荐事迹不实。", mail.Body, StringComparison.Ordinal);

        // The Outstanding Organization Award to 青山县, revoked: its coordinators hear of it, the check says so.
        before = (await Mails.InAsync(factory)).Select(m => m.Id).ToHashSet();
        const string unitPage = "/organizer/results/outstanding-organization";
        var qingshan = factory.WithDb(db => db.Units.Single(u => u.Code == "qingshan").Id);
        var token = await organizer.TokenFromAsync(unitPage);
        (await organizer.Client.PostAsync(unitPage + "/picks", new FormUrlEncodedContent([new("units", qingshan.ToString(CultureInfo.InvariantCulture)), new("reason", "按组织发动情况综合评定。"), new("__RequestVerificationToken", token)]))).Dispose();
        (await organizer.SubmitAsync(unitPage, unitPage + "/publish", new Dictionary<string, string> { ["days"] = "7" })).Dispose();
        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(unitPage, unitPage + "/finalize")).Dispose();
        var unitCode = factory.WithDb(db => db.Placements.Single(p => p.UnitId == qingshan).VerifyCode);
        Assert.Contains($"{unitPage}/revoke/{unitCode}", await organizer.GetStringAsync(unitPage), StringComparison.Ordinal);
        (await organizer.SubmitAsync($"{unitPage}/revoke/{unitCode}", $"{unitPage}/revoke/{unitCode}", new Dictionary<string, string> { ["reason"] = "该县组织工作存在弄虚作假。" })).Dispose();

        var unitMail = Assert.Single(await Mails.InAsync(factory), m => !before.Contains(m.Id));
        Assert.Equal("coordinator.qingshan@demo.example", unitMail.To);
        Assert.Contains("青山县在", unitMail.Body, StringComparison.Ordinal);
        var check = await new Browser(factory).GetStringAsync($"/verify/{unitCode}");
        Assert.Contains("data-testid=\"revoked\"", check, StringComparison.Ordinal);
        Assert.DoesNotContain("弄虚作假", check, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"revoked\"", await organizer.GetStringAsync(unitPage), StringComparison.Ordinal);
    }
}
