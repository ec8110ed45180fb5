using Awards.Core.Ranking;
using Awards.Web.Features.Results;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// The Outstanding Organization Award's picks follow the suggested order, or say why not: a unit
/// picked over one placed higher is refused without a written reason, kept with it, shown on the
/// page and in the audit log.
/// </summary>
public sealed class UnitPicksTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    private const string Page = "/organizer/results/outstanding-organization";

    [Fact]
    public async Task PicksOutsideTheSuggestedOrder_NeedAReason_PicksInItDoNot()
    {
        // Scores set the units apart: the suggested order has a top and a bottom.
        Judged.Score(factory, "journey", [95, 95, 95], [60, 60, 60]);
        Judged.Score(factory, "help-story", [90, 90, 90]);
        IReadOnlyList<UnitStanding> standings;
        using (var scope = factory.Services.CreateScope())
        {
            standings = await scope.ServiceProvider.GetRequiredService<UnitAwardResults>().StandingsAsync(null, CancellationToken.None);
        }

        var top = standings.Where(s => s.Place == 1).Select(s => s.UnitId).ToList();
        var lower = standings.Last(s => s.Place > 1).UnitId;
        Assert.InRange(top.Count, 1, 4);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        // A lower-placed unit alone, without a reason: refused, nothing picked.
        await PickAsync(organizer, [lower], reason: " ");
        var refused = await organizer.GetStringAsync(Page);
        Assert.Contains("有入选单位的名次不高于未入选的单位（与建议顺序不同，或在并列单位中只选了部分）：请填写选定理由。", refused, StringComparison.Ordinal);
        Assert.Empty(Picks());

        // With a reason: kept, shown in the form and in the audit log, the row marked.
        await PickAsync(organizer, [lower], reason: "该县组织发动覆盖全部乡镇。");
        Assert.Equal([lower], Picks());
        var page = await organizer.GetStringAsync(Page);
        Assert.Contains(">该县组织发动覆盖全部乡镇。</textarea>", page, StringComparison.Ordinal);
        Assert.Contains("class=\"table-warning\"", page, StringComparison.Ordinal);
        Assert.EndsWith(": 该县组织发动覆盖全部乡镇。", factory.WithDb(db => db.AuditLog.Where(a => a.Action == "PickUnits").OrderBy(a => a.Id).Last().After), StringComparison.Ordinal);

        // The top of the suggested order needs none, and the old reason goes with the old picks.
        await PickAsync(organizer, top, reason: null);
        Assert.Equal(top.Order(), Picks().Order());
        Assert.Null(factory.WithDb(db => db.TrackResults.Single(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "outstanding-organization")).PickReason));
        Assert.DoesNotContain("class=\"table-warning\"", await organizer.GetStringAsync(Page), StringComparison.Ordinal);
    }

    private static async Task PickAsync(Browser organizer, IEnumerable<int> units, string? reason)
    {
        var token = await organizer.TokenFromAsync(Page);
        var fields = units.Select(u => new KeyValuePair<string, string>("units", u.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Append(new("reason", reason ?? string.Empty))
            .Append(new("__RequestVerificationToken", token));
        (await organizer.Client.PostAsync(Page + "/picks", new FormUrlEncodedContent(fields))).Dispose();
    }

    private List<int> Picks() =>
        factory.WithDb(db => db.TrackResults.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "outstanding-organization")).ToList().SelectMany(r => r.Picks).ToList());
}
