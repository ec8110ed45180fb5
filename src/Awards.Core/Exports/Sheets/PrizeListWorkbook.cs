namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The prize list as an Excel workbook (.xlsx): a summary sheet "汇总" with the number of prizes
/// per track and level and a total row, then one sheet per track, named by the track (made valid
/// and unique), with columns 名次, 奖次, 编号, 标题, 作者（被推荐人）, 单位, 得分 (a unit award's: 名次, 奖次, 获奖单位). Every sheet has a
/// frozen header row with filters, and prints one page wide (landscape when wide), its header row
/// on every page. The contest's name and status (拟获奖（公示中） or 最终结果) are in the document's
/// title and subject, and in the header of every printed page.
/// </summary>
public static class PrizeListWorkbook
{
    /// <summary>The summary sheet's name.</summary>
    public const string SummarySheetName = "汇总";

    private static readonly string[] SummaryHeaders = ["奖项", "奖次", "获奖数"];

    private static readonly string[] TrackHeaders = ["名次", "奖次", "编号", "标题", "作者（被推荐人）", "单位", "得分"];

    private static readonly string[] UnitHeaders = ["名次", "奖次", "获奖单位"];

    /// <summary>Writes the workbook.</summary>
    /// <param name="output">Where to write; it must be readable, writable and seekable, and it stays open.</param>
    /// <param name="contest">The contest, for the document properties.</param>
    /// <param name="tracks">The tracks in the order of their sheets, each with its prizes in order.</param>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<PrizeTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(tracks);

        var summary = new List<(string Track, string Level, int Count)>();
        foreach (var track in tracks)
        {
            var levels = track.Rows
                .GroupBy(r => (r.LevelRank, r.Level))
                .OrderBy(g => g.Key.LevelRank)
                .Select(g => (track.Name, g.Key.Level, g.Count()))
                .ToList();
            summary.AddRange(levels.Count > 0 ? levels : [(track.Name, string.Empty, 0)]);
        }

        using var workbook = new WorkbookWriter(output, contest);
        workbook.AddSheet(
            SummarySheetName,
            SummaryHeaders,
            summary,
            s => [SheetCell.Of(s.Track), SheetCell.Of(s.Level), SheetCell.Of(s.Count)],
            [SheetCell.Of("合计", SheetStyle.Total), default, SheetCell.Of(summary.Sum(s => s.Count), SheetStyle.Total)]);

        foreach (var track in tracks)
        {
            if (track.Units)
            {
                // A unit award has no entries: its winners are units, with no code, title or score.
                workbook.AddSheet(
                    track.Name,
                    UnitHeaders,
                    track.Rows,
                    r => [SheetCell.Of(r.Place), SheetCell.Of(r.Level), SheetCell.Of(r.Author.Length > 0 ? r.Author : r.Unit)]);
                continue;
            }

            workbook.AddSheet(
                track.Name,
                TrackHeaders,
                track.Rows,
                r =>
                [
                    SheetCell.Of(r.Place),
                    SheetCell.Of(r.Level),
                    SheetCell.Of(r.Code),
                    SheetCell.Of(r.Title),
                    SheetCell.Of(r.Author),
                    SheetCell.Of(r.Unit),
                    SheetCell.Score(r.Score),
                ]);
        }

        workbook.Finish();
    }
}
