using System.Net;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features;

/// <summary>
/// Each prize level carries a bonus per winner, set on the award's settings page: a mistyped amount
/// changes nothing and says why, a saved one shows on the results page with what the prizes as
/// ranked now come to, it can change on notice but not once the results are final, and it never
/// shows on a public page.
/// </summary>
public sealed class BonusSettingsTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private static string Page(string code) => $"/organizer/contest/tracks/{code}";

    [Fact]
    public async Task MistypedBonuses_GetAMessageUnderTheField_AndChangeNothing_AndASavedOneShowsOnTheResultsPage()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        var fields = await FieldsAsync(organizer, "help-story");
        Assert.Equal("2000", fields["Levels[0].Bonus"]);

        foreach (var typed in new[] { "-100", "两千", "1000001", "1500.5" })
        {
            fields["Levels[0].Bonus"] = typed;
            using var response = await organizer.SubmitAsync(Page("help-story"), Page("help-story"), fields);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains("没有保存：请更正下方标出的内容。", html, StringComparison.Ordinal);
            Assert.Contains("每人奖金（元）须为 0 至 1000000 之间的整数。", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal([2000, 1000, 500, 200], Bonuses("help-story"));
        Assert.Equal(0, factory.WithDb(db => db.AuditLog.Count(a => a.Action == "EditTrack" && a.EntityKey == "help-story")));

        // A bonus raised, and one left empty (no bonus): saved, and in the audit log before and after.
        fields["Levels[0].Bonus"] = " 2500 ";
        fields["Levels[3].Bonus"] = "";
        using (var saved = await organizer.SubmitAsync(Page("help-story"), Page("help-story"), fields))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }

        Assert.Equal([2500, 1000, 500, 0], Bonuses("help-story"));
        var audit = factory.WithDb(db => db.AuditLog.Single(a => a.Action == "EditTrack" && a.EntityKey == "help-story"));
        Assert.Contains("一等奖 bonus 2000 yuan", audit.Before, StringComparison.Ordinal);
        Assert.Contains("一等奖 bonus 2500 yuan", audit.After, StringComparison.Ordinal);
        Assert.DoesNotContain("优秀奖 bonus", audit.After, StringComparison.Ordinal);

        // Two essays ranked first and second: 2,500 + 1,000 as ranked now.
        Judged.Score(factory, "help-story", [90, 90, 90], [85, 85, 85]);
        await Judged.ConfigureAsync(factory, organizer, "help-story", 1, "", 1, 1, 0, 0);
        var results = WebUtility.HtmlDecode(await organizer.GetStringAsync("/organizer/results/help-story"));
        Assert.Contains("<td class=\"text-end\">2,500</td><td class=\"text-end\">2,500</td>", results, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"bonus-total\"><td colspan=\"5\">按当前排名的奖金合计</td><td class=\"text-end\">3,500</td>", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bonuses_ChangeWhileOnNotice_NotOnceFinal_AndNoPublicPageShowsThem()
    {
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await SaveAsync(organizer, "journey", f => f["Levels[0].Bonus"] = "7654");
        Judged.Score(factory, "journey", [95, 95, 95], [90, 90, 90]);
        var page = await Judged.PublishAsync(factory, organizer, "journey", 1, 1, 0, 0);

        // On notice the names are locked, the bonuses are not: the notice does not carry them.
        await SaveAsync(organizer, "journey", f => f["Levels[1].Bonus"] = "4321");
        Assert.Equal([7654, 4321, 500, 200], Bonuses("journey"));
        await AssertNowherePublicAsync("/", "/notice", "/tracks/journey");

        factory.Clock.Offset += TimeSpan.FromDays(8);
        (await organizer.PostAsync(page, page + "/finalize")).Dispose();
        var settings = WebUtility.HtmlDecode(await organizer.GetStringAsync(Page("journey")));
        Assert.Contains("本奖项的评选结果已确定，奖金不能再修改", settings, StringComparison.Ordinal);
        Assert.Matches("name=\"Levels\\[0\\]\\.Bonus\" value=\"7654\"[^>]*readonly", settings);

        var fields = FormFields.Read(settings, "track-settings");
        fields["Levels[0].Bonus"] = "8000";
        using (var refused = await organizer.SubmitAsync(Page("journey"), Page("journey"), fields))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("征文：我的脱贫历程的评选结果已确定，奖金不能再修改：奖金发放表依据最终结果编制。", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Equal([7654, 4321, 500, 200], Bonuses("journey"));

        // Other settings of a final award still save, its bonuses as they are.
        await SaveAsync(organizer, "journey", f => f["DescriptionZh"] = "讲述脱贫路上的真实经历。");
        Assert.Equal([7654, 4321, 500, 200], Bonuses("journey"));
        await AssertNowherePublicAsync("/", "/results", "/tracks/journey");
    }

    [Fact]
    public async Task TheOutstandingOrganizationAwardsPage_GivesTheBonusPerUnit_AndForTheUnitsPicked()
    {
        const string Results = "/organizer/results/outstanding-organization";
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // The demo gives awards to units a certificate only: no bonus, no line about one.
        Assert.DoesNotContain("data-testid=\"bonus-total\"", await organizer.GetStringAsync(Results), StringComparison.Ordinal);

        await SaveAsync(organizer, "outstanding-organization", f => f["Levels[0].Bonus"] = "1500");
        IReadOnlyList<Core.Ranking.UnitStanding> standings;
        using (var scope = factory.Services.CreateScope())
        {
            standings = await scope.ServiceProvider.GetRequiredService<Web.Features.Results.UnitAwardResults>().StandingsAsync(null, CancellationToken.None);
        }

        var token = await organizer.TokenFromAsync(Results);
        var picks = new FormUrlEncodedContent(standings.Take(2).Select(s => new KeyValuePair<string, string>("units", s.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("reason", "两个单位组织发动覆盖全部乡镇。")).Append(new("__RequestVerificationToken", token)));
        (await organizer.Client.PostAsync(Results + "/picks", picks)).Dispose();
        Assert.Contains("每个单位奖金 1,500 元；已选 2 个单位，合计 3,000 元。", WebUtility.HtmlDecode(await organizer.GetStringAsync(Results)), StringComparison.Ordinal);
    }

    private async Task AssertNowherePublicAsync(params string[] pages)
    {
        var visitor = new Browser(factory);
        foreach (var path in pages)
        {
            var html = await visitor.GetStringAsync(path);
            foreach (var amount in new[] { "7654", "7,654", "4321", "4,321" })
            {
                Assert.False(html.Contains(amount, StringComparison.Ordinal), $"{path} shows {amount}");
            }
        }
    }

    private static async Task<Dictionary<string, string>> FieldsAsync(Browser organizer, string code) =>
        FormFields.Read(await organizer.GetStringAsync(Page(code)), "track-settings");

    private static async Task SaveAsync(Browser organizer, string code, Action<Dictionary<string, string>> change)
    {
        var fields = await FieldsAsync(organizer, code);
        change(fields);
        using var saved = await organizer.SubmitAsync(Page(code), Page(code), fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
    }

    private List<int> Bonuses(string code) =>
        factory.WithDb(db => db.AwardLevels.Where(l => l.TrackId == db.Tracks.Single(t => t.Code == code).Id).OrderBy(l => l.Rank).Select(l => l.Bonus).ToList());
}
