using AngleSharp.Html.Parser;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>The rows of one award's winners on the public notice, each as "prize | code | title | author | unit".</summary>
public static class NoticeRows
{
    public static List<string> Of(string noticeHtml, string trackCode) =>
        [.. new HtmlParser().ParseDocument(noticeHtml)
            .QuerySelectorAll($"[data-testid=notice-{trackCode}] [data-testid=winners] tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim())))];

    /// <summary>
    /// What the database says the notice must list for the track, read straight from its
    /// placements in prize order: the prize's Chinese name, and the winning entry or unit.
    /// </summary>
    public static List<(string Prize, int? EntryId, int? UnitId)> Placed(AwardsDbContext db, string trackCode)
    {
        var track = db.Tracks.Include(t => t.AwardLevels).Single(t => t.Code == trackCode);
        var levels = track.AwardLevels.ToDictionary(l => l.Rank, l => l.Name.Zh);
        return [.. (
            from p in db.Placements
            join r in db.TrackResults on p.TrackResultId equals r.Id
            where r.TrackId == track.Id && p.LevelRank != null
            select new { p.LevelRank, p.Position, p.EntryId, p.UnitId })
            .AsEnumerable()
            .OrderBy(w => w.LevelRank).ThenBy(w => w.Position)
            .Select(w => (levels[w.LevelRank!.Value], w.EntryId, w.UnitId))];
    }
}
