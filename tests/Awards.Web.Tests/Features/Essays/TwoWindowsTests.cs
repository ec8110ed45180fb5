using System.Net;
using Awards.Core.Identity;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features.Essays;

/// <summary>
/// An edit form opened before someone else's save (the author's other tab, another coordinator of
/// the unit) does not silently overwrite it: nothing is saved, what was typed stays in the form,
/// what is saved now is shown below, and saving again replaces it knowingly.
/// </summary>
public sealed class TwoWindowsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnEssayEditedInTwoTabs_TheLaterSaveIsRefused_KeepsWhatWasTyped_AndSavesWhenRepeated()
    {
        var author = await Writing.NewAuthorAsync(factory, "two.tabs@example.org");
        var code = await Writing.CreateDraftAsync(author, "help-story");
        var edit = $"/essays/{code}/edit";
        var first = FormFields.Read(await author.GetStringAsync(edit), "essay-form");
        var second = FormFields.Read(await author.GetStringAsync(edit), "essay-form");
        Assert.False(string.IsNullOrEmpty(first["Form.Version"]));

        first["Form.Title"] = "第一个窗口的标题";
        using (var saved = await author.SubmitAsync(edit, edit, first))
        {
            Assert.Equal($"/essays/{code}", saved.Headers.Location?.OriginalString);
        }

        second["Form.Title"] = "第二个窗口的标题";
        second["Form.Body"] = Writing.Text + "第二个窗口补写的结尾。";
        string html;
        using (var stale = await author.SubmitAsync(edit, edit, second))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            html = await stale.Content.ReadAsStringAsync();
        }

        Assert.Contains("这篇征文已在另一个窗口或标签页中修改，因此没有保存", html, StringComparison.Ordinal);
        var savedNow = html[html.IndexOf("data-testid=\"saved-now\"", StringComparison.Ordinal)..];
        Assert.Contains("第一个窗口的标题", savedNow, StringComparison.Ordinal);
        var kept = FormFields.Read(html, "essay-form");
        Assert.Equal("第二个窗口的标题", kept["Form.Title"]);
        Assert.EndsWith("第二个窗口补写的结尾。", kept["Form.Body"], StringComparison.Ordinal);
        Assert.Equal("第一个窗口的标题", factory.WithDb(db => db.Entries.Single(e => e.Code == code).Title));

        // Saved again from the refused page, knowing what it replaces: saved.
        using (var again = await author.SubmitAsync(edit, edit, kept))
        {
            Assert.Equal($"/essays/{code}", again.Headers.Location?.OriginalString);
        }

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal("第二个窗口的标题", entry.Title);
        Assert.EndsWith("第二个窗口补写的结尾。", entry.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANominationTwoCoordinatorsEdit_TheSecondSaveIsRefused_AndShowsTheFirstOnesText()
    {
        await Nominating.CreateUserAsync(factory, "second.coordinator@example.org", Roles.UnitCoordinator, "qingshan");
        var one = await Nominating.SignedInAsync(factory, "coordinator.qingshan@demo.example");
        var other = await Nominating.SignedInAsync(factory, "second.coordinator@example.org");
        var code = await Nominating.CreateDraftAsync(one, "endeavor", Nominating.Person(title: "两位联络员同时修改"));
        var edit = $"/nominations/{code}/edit";
        var mine = FormFields.Read(await one.GetStringAsync(edit), "nomination-form");
        var theirs = FormFields.Read(await other.GetStringAsync(edit), "nomination-form");
        mine["Form.NomineeGender"] = theirs["Form.NomineeGender"] = "Female"; // a select, which FormFields does not read

        theirs["Form.Opinion"] = "另一位联络员写的推荐意见。";
        using (var saved = await other.SubmitAsync(edit, edit, theirs))
        {
            Assert.Equal($"/nominations/{code}", saved.Headers.Location?.OriginalString);
        }

        mine["Form.NomineePosition"] = "青山县石桥镇镇长";
        using (var stale = await one.SubmitAsync(edit, edit, mine))
        {
            var html = await stale.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("这份推荐已被修改", html, StringComparison.Ordinal);
            Assert.Contains("另一位联络员写的推荐意见。", html[html.IndexOf("data-testid=\"saved-now\"", StringComparison.Ordinal)..], StringComparison.Ordinal);
            Assert.Equal("青山县石桥镇镇长", FormFields.Read(html, "nomination-form")["Form.NomineePosition"]);
        }

        var entry = factory.WithDb(db => db.Entries.Single(e => e.Code == code));
        Assert.Equal("另一位联络员写的推荐意见。", entry.RecommendationOpinion);
        Assert.Equal("青山县石桥镇副镇长", entry.Nominee!.Position);
    }
}
