using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Features.Results;

/// <summary>
/// The public notice lists a theme's proposed winners in prize order, each with its prize, code,
/// title, author and unit, exactly as the placements and the entries hold them. A generated town's
/// "My Poverty Alleviation Journey" theme is on notice with every prize filled.
/// </summary>
public sealed class NoticeContentTests(GeneratedTown town) : IClassFixture<GeneratedTown>
{
    private readonly GeneratedSite _site = town.Site;

    [Fact]
    public async Task TheNotice_ListsEveryWinner_InPrizeOrder_WithPrizeCodeTitleAuthorAndUnit()
    {
        var expected = _site.WithDb(db =>
        {
            var track = db.Tracks.Include(t => t.AwardLevels).Single(t => t.Code == "journey");
            var levels = track.AwardLevels.ToDictionary(l => l.Rank, l => l.Name.Zh);
            var units = db.Units.AsNoTracking().ToDictionary(u => u.Id, u => u.Name.Zh);
            return (
                from p in db.Placements
                join r in db.TrackResults on p.TrackResultId equals r.Id
                join e in db.Entries on p.EntryId equals e.Id
                join o in db.Users on e.OwnerUserId equals o.Id
                where r.TrackId == track.Id && p.LevelRank != null
                select new { p.LevelRank, p.Position, e.Code, e.Title, o.DisplayName, e.UnitId })
                .AsEnumerable()
                .OrderBy(w => w.LevelRank).ThenBy(w => w.Position)
                .Select(w => string.Join(" | ", levels[w.LevelRank!.Value], w.Code, w.Title, w.DisplayName, units[w.UnitId]))
                .ToList();
        });
        Assert.True(expected.Count >= 20, $"{expected.Count} winners on notice");

        Assert.Equal(expected, NoticeRows.Of(await new Browser(_site).GetStringAsync("/notice"), "journey"));
    }
}
