using System.Net;
using Awards.Web.Tests.Infrastructure;

namespace Awards.Web.Tests.Features;

/// <summary>
/// The organizer adds a unit the seed did not list, and renames one (a correction before it has
/// entries; with entries, its old name kept and hidden from judges too), at /organizer/units: the unit is there at once for invitations and for authors,
/// every change is audited, and a bad, taken, stale or too-late change changes nothing.
/// </summary>
public sealed class UnitsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/units";

    [Fact]
    public async Task AnAddedHelpingUnit_CanBeInvitedAndChosen_ItsNameCorrected_AndOnceItHasEntries_RenamedKeepingTheOldNameHiddenFromJudges()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        using (var added = await organizer.SubmitAsync(Page, Page, NewUnit("HelpingUnit", "water-bureau", "清河市水利局", "Qinghe Water Bureau")))
        {
            Assert.Equal(Page, added.Headers.Location?.OriginalString);
        }

        var list = await organizer.GetStringAsync(Page);
        Assert.Contains("已添加清河市水利局", list, StringComparison.Ordinal);
        Assert.Contains("href=\"/organizer/units/water-bureau\"", list, StringComparison.Ordinal);
        Assert.Contains("清河市水利局", await organizer.GetStringAsync("/organizer/users/invite"), StringComparison.Ordinal);

        // The same form again adds nothing.
        (await organizer.SubmitAsync(Page, Page, NewUnit("HelpingUnit", "water-bureau", "清河市水利局", "Qinghe Water Bureau"))).Dispose();
        Assert.Equal(1, factory.WithDb(db => db.Units.Count(u => u.Code == "water-bureau")));

        // An author of the new unit: it is in their profile's list, and their essay counts for it.
        var author = await Writing.NewAuthorAsync(factory, "water.author@example.org", unit: "water-bureau");
        Assert.Contains("清河市水利局", await author.GetStringAsync("/author/profile"), StringComparison.Ordinal);

        // Before any entry its name can be corrected.
        await RenameAsync(organizer, "water-bureau", "清河市水务局", "Qinghe Water Affairs Bureau");
        Assert.Contains("单位已改名为清河市水务局", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Equal("清河市水务局", factory.WithDb(db => db.Units.Single(u => u.Code == "water-bureau").Name.Zh));

        // Once it has a submitted essay, which names the unit as it is called now, a rename keeps
        // that name as a former one: what judges read hides both, the old name written before
        // the rename and the new one.
        var essay = await Writing.CreateDraftAsync(author, "help-story", Writing.Essay(body: "我在清河市水务局工作（明年起叫清河市水资源局），这些年参与了村里的饮水工程。" + Writing.Text));
        (await Writing.SubmitAsync(author, essay)).Dispose();
        string Rendition() => factory.WithDb(db => db.Entries.Single(e => e.Code == essay).JudgeBody!);
        Assert.DoesNotContain("清河市水务局", Rendition(), StringComparison.Ordinal);
        Assert.Contains("明年起叫清河市水资源局", Rendition(), StringComparison.Ordinal);
        var edit = await organizer.GetStringAsync("/organizer/units/water-bureau");
        Assert.Contains("data-testid=\"unit-name-kept\"", edit, StringComparison.Ordinal);
        await RenameAsync(organizer, "water-bureau", "清河市水资源局", "Qinghe Water Resources Bureau");

        Assert.Contains("单位已改名为清河市水资源局。原名称保留：评委看到的该单位 1 件已提交作品现已隐去新旧两个名称。", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
        Assert.Contains("曾用名：清河市水务局", await organizer.GetStringAsync("/organizer/units/water-bureau"), StringComparison.Ordinal);
        Assert.Equal(["清河市水务局"], factory.WithDb(db => db.Units.Single(u => u.Code == "water-bureau").FormerNames.Select(n => n.Zh).ToList()));
        Assert.DoesNotContain("清河市水务局", Rendition(), StringComparison.Ordinal);
        Assert.DoesNotContain("清河市水资源局", Rendition(), StringComparison.Ordinal);

        // An essay submitted after the rename, written with the old name and the new: both are hidden.
        var later = await Writing.CreateDraftAsync(author, "journey", Writing.Essay(body: "清河市水务局后来改名为清河市水资源局。" + Writing.Text));
        (await Writing.SubmitAsync(author, later)).Dispose();
        var laterRendition = factory.WithDb(db => db.Entries.Single(e => e.Code == later).JudgeBody!);
        Assert.DoesNotContain("水务局", laterRendition, StringComparison.Ordinal);
        Assert.DoesNotContain("水资源局", laterRendition, StringComparison.Ordinal);
        var audit = factory.WithDb(db => db.AuditLog.Where(a => a.EntityKey == "water-bureau").OrderBy(a => a.Id).ToList());
        Assert.Equal(["AddUnit", "RenameUnit", "RenameUnit"], audit.Select(a => a.Action));
        Assert.Contains("former names kept; 1 renditions made again", audit[^1].After, StringComparison.Ordinal);
        Assert.Contains("添加单位", await organizer.GetStringAsync("/organizer/audit"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadCode_ATakenCode_ACityOrNoKind_AndAStaleRename_AreRefusedWithAMessage_AndChangeNothing()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var units = factory.WithDb(db => db.Units.Count());

        using (var bad = await organizer.SubmitAsync(Page, Page, NewUnit("MunicipalUnit", "水利局", "清河市水利局", string.Empty)))
        {
            var html = await bad.Content.ReadAsStringAsync();
            Assert.Contains("单位代码：2 至 40 个小写字母", html, StringComparison.Ordinal);
            Assert.Contains("value=\"清河市水利局\"", html, StringComparison.Ordinal);
        }

        using (var taken = await organizer.SubmitAsync(Page, Page, NewUnit("County", "qingshan", "另一个青山县", string.Empty)))
        {
            Assert.Contains("已有单位使用代码 qingshan", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var city = await organizer.SubmitAsync(Page, Page, NewUnit("City", "second-city", "第二个市", string.Empty)))
        {
            Assert.Contains("请选择单位类别。", await city.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var none = await organizer.SubmitAsync(Page, Page, NewUnit(string.Empty, "no-kind", "无类别单位", string.Empty)))
        {
            Assert.Contains("请选择单位类别。", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(units, factory.WithDb(db => db.Units.Count()));

        // Two pages open on a unit without entries: the second save would undo the first unseen.
        (await organizer.SubmitAsync(Page, Page, NewUnit("MunicipalUnit", "stats-bureau", "清河市统计局", string.Empty))).Dispose();
        var first = FormFields.Read(await organizer.GetStringAsync("/organizer/units/stats-bureau"), "unit-name");
        var second = new Dictionary<string, string>(first);
        first["Form.NameZh"] = "清河市统计局（更正）";
        (await organizer.SubmitAsync("/organizer/units/stats-bureau", "/organizer/units/stats-bureau", first)).Dispose();
        second["Form.NameZh"] = "清河市统计所";
        using (var stale = await organizer.SubmitAsync("/organizer/units/stats-bureau", "/organizer/units/stats-bureau", second))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            Assert.Contains("他人已将该单位改名为清河市统计局（更正）", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal("清河市统计局（更正）", factory.WithDb(db => db.Units.Single(u => u.Code == "stats-bureau").Name.Zh));
    }

    private static Dictionary<string, string> NewUnit(string kind, string code, string nameZh, string nameEn) =>
        new() { ["Form.Kind"] = kind, ["Form.Code"] = code, ["Form.NameZh"] = nameZh, ["Form.NameEn"] = nameEn };

    private static async Task RenameAsync(Browser organizer, string code, string nameZh, string nameEn)
    {
        var page = $"/organizer/units/{code}";
        var fields = FormFields.Read(await organizer.GetStringAsync(page), "unit-name");
        fields["Form.NameZh"] = nameZh;
        fields["Form.NameEn"] = nameEn;
        using var saved = await organizer.SubmitAsync(page, page, fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }
}
