using Awards.Web.Features.Exports;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Features.Exports;

/// <summary>
/// The participation statistics leave the office: they count every unit's essays, but the scores
/// and prizes only of themes whose results were announced, never a draft ranking's.
/// </summary>
public sealed class StatisticsExportTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task TheStatistics_CountThePrizesOfFinalResults_NotThoseOfADraftRanking()
    {
        Judged.Score(factory, "help-story", [90, 90, 90], [85, 85, 85], [80, 80, 80]);
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");
        await Judged.FinalizeAsync(factory, organizer, "help-story", 1, 1, 1, 0);

        // The other theme is scored and ranked as a draft: its ranking would give prizes too.
        Judged.Score(factory, "journey", [95, 95, 95], [70, 70, 70]);
        var essays = factory.WithDb(db => db.Entries.Count(e => (e.Track.Code == "help-story" || e.Track.Code == "journey") && e.Status == Core.Entries.EntryStatus.Submitted));

        using var scope = factory.Services.CreateScope();
        var data = scope.ServiceProvider.GetRequiredService<ExportData>();
        var units = await data.StatisticsAsync(proposed: false, CancellationToken.None);
        Assert.Equal(3, units.Sum(u => u.Prizes));
        Assert.Equal(essays, units.Sum(u => u.Entries));
        Assert.Equal(3, units.Sum(u => u.Scored));

        // Every unit is listed, those without an essay with zeros; the city itself is not a participant.
        var all = factory.WithDb(db => db.Units.Where(u => u.Kind != Core.Units.UnitKind.City).Select(u => u.Name.Zh).ToList());
        Assert.Equal(all.Order(StringComparer.Ordinal), units.Select(u => u.Unit).Order(StringComparer.Ordinal));
        Assert.Contains(units, u => u.Entries == 0 && u.Prizes == 0);
    }
}
