using Awards.Core.Exports;
using Awards.Core.Exports.Sheets;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Exports;

/// <summary>
/// The Outstanding Organization Award on the draft list. The leading group decides on it too: as a
/// draft, the units the organizer picked, or before any pick the top of the suggested order up to
/// the quota (the page checks none, so the list says they are only suggested); once published, the
/// units on notice or final. Each unit with what the suggested order follows: its essays, average
/// score, prizes and prize points.
/// </summary>
internal static class UnitAwardDraft
{
    /// <summary>The award's units as published (on notice, or final), in the suggested order.</summary>
    public static DraftTrack Published(Track track, bool final, IReadOnlyList<int> units, IReadOnlyList<UnitStanding> standings, IReadOnlyDictionary<int, string> names) =>
        Build(track, DraftListWorkbook.PublishedStatus(final), units, standings, names, _ => string.Empty);

    /// <summary>The award as a draft: the organizer's picks as they stand, or the suggested top units when there are none.</summary>
    public static DraftTrack Proposed(Track track, TrackResult? result, IReadOnlyList<UnitStanding> standings, IReadOnlyDictionary<int, string> names)
    {
        if (result is { Picks.Count: > 0 } picked)
        {
            // The standings move while the themes are drafts: a pick may have left the order since.
            var outOfOrder = TrackResult.PickedOutOfOrder(standings, picked.Picks);
            var why = picked.PickReason is { } reason ? $"：{reason}" : "，尚未填写理由";
            return Build(track, DraftListWorkbook.DraftStatus, picked.Picks, standings, names, u => outOfOrder.Contains(u) ? $"未按建议顺序选定{why}" : string.Empty);
        }

        var quota = track.AwardLevels.Sum(l => l.Quota);
        var top = standings.Take(quota).ToList();

        var cut = TrackResult.PlaceAtTheCut(standings, quota);
        var places = standings.ToDictionary(s => s.UnitId, s => s.Place);
        return Build(
            track,
            DraftListWorkbook.DraftStatus,
            [.. top.Select(s => s.UnitId)],
            standings,
            names,
            u => places[u] == cut ? "尚未选定，按建议顺序；并列跨名额，待定" : "尚未选定，按建议顺序");
    }

    private static DraftTrack Build(Track track, string status, IReadOnlyList<int> units, IReadOnlyList<UnitStanding> standings, IReadOnlyDictionary<int, string> names, Func<int, string> notes)
    {
        var level = track.AwardLevels.OrderBy(l => l.Rank).FirstOrDefault();
        var order = standings.Select((s, i) => (Standing: s, Index: i)).ToDictionary(x => x.Standing.UnitId);

        // A unit without essays has no standing: it comes last, in the order picked.
        var rows = units.Distinct()
            .OrderBy(u => order.TryGetValue(u, out var x) ? x.Index : int.MaxValue)
            .Select(u =>
            {
                var name = names.GetValueOrDefault(u) ?? "?";
                var standing = order.TryGetValue(u, out var x) ? x.Standing : null;
                return new DraftRow(
                    new PrizeRow(standing?.Place ?? 0, level?.Rank ?? 1, level?.Name.Zh ?? "?", string.Empty, string.Empty, name, string.Empty, null),
                    string.Empty,
                    notes(u),
                    level?.Bonus ?? 0,
                    standing is { } s ? new UnitStatistics(name, s.Entries, s.Scored, s.Prizes, s.AverageScore, s.PrizePoints) : null);
            })
            .ToList();
        return new DraftTrack(track.Name.Zh, status, rows, Units: true);
    }
}
