using System.Net;
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
            var units = db.Units.AsNoTracking().ToDictionary(u => u.Id, u => u.Name.Zh);
            var entries = (
                from e in db.Entries.AsNoTracking()
                join o in db.Users on e.OwnerUserId equals o.Id
                select new { e.Id, e.Code, e.Title, o.DisplayName, e.UnitId }).ToDictionary(e => e.Id);
            return NoticeRows.Placed(db, "journey")
                .Select(w => (w.Prize, Entry: entries[w.EntryId!.Value]))
                .Select(w => string.Join(" | ", w.Prize, w.Entry.Code, w.Entry.Title, w.Entry.DisplayName, units[w.Entry.UnitId]))
                .ToList();
        });
        Assert.True(expected.Count >= 20, $"{expected.Count} winners on notice");

        Assert.Equal(expected, NoticeRows.Of(await new Browser(_site).GetStringAsync("/notice"), "journey"));
    }

    [Fact]
    public async Task TheNoticePeriod_NamesTheZoneOnce_InEachLanguagesOwnWay()
    {
        var (start, end) = _site.WithDb(db => db.TrackResults.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "journey")).Select(r => new { r.NoticeStartsAt, r.NoticeEndsAt }).AsEnumerable().Select(r => (r.NoticeStartsAt!.Value, r.NoticeEndsAt!.Value)).Single());
        var visitor = new Browser(_site);

        var zh = await visitor.GetStringAsync("/notice");
        Assert.Contains($"公示期：{ChinaTime.Shown(start)} 至 {ChinaTime.Shown(end)}（北京时间）", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("(北京时间)", zh, StringComparison.Ordinal);

        static string English(DateTime utc) => (DateTime.SpecifyKind(utc, DateTimeKind.Utc) + TimeSpan.FromHours(8)).ToString("d MMM yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var en = WebUtility.HtmlDecode(await visitor.GetStringAsync("/notice?culture=en"));
        Assert.Contains($"Notice period: {English(start)} to {English(end)} (UTC+8)", en, StringComparison.Ordinal);
    }
}
