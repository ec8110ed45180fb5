namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The prize list as an Excel workbook (.xlsx): a summary sheet "汇总" with the number of prizes
/// per track and level and a total row, then one sheet per track, named by the track (made valid
/// and unique), with columns 名次, 奖次, 编号, 标题, 作者（被推荐人）, 单位, 得分 (a unit award's: 名次, 奖次, 获奖单位). Every sheet has a
/// frozen header row with filters, and prints one page wide (landscape when wide), its header row
/// on every page. The contest's name and status (拟获奖（公示中） or 最终结果) are in the document's
/// title and subject, and in the header of every printed page: a workbook that mixes final results
/// with results on notice prints each award's own status on its sheet, and its summary has a
/// 状态 column.
/// </summary>
public static class PrizeListWorkbook
{
    /// <summary>The summary sheet's name.</summary>
    public const string SummarySheetName = "汇总";

    private const string StatusHeader = "状态";

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

        var summary = new List<(string Track, string Level, int Count, string Status)>();
        foreach (var track in tracks)
        {
            var status = WorkbookWriter.Status(StageOf(contest, track));
            var levels = track.Rows
                .GroupBy(r => (r.LevelRank, r.Level))
                .OrderBy(g => g.Key.LevelRank)
                .Select(g => (track.Name, g.Key.Level, g.Count(), status))
                .ToList();
            summary.AddRange(levels.Count > 0 ? levels : [(track.Name, string.Empty, 0, status)]);
        }

        // A workbook of final results and results on notice says on every sheet which it holds:
        // each award's sheet in its print header, the summary in a column of its own.
        var stage = ExportStages.Of(contest, tracks.Where(t => t.Rows.Count > 0).Select(t => t.Final));
        using var workbook = new WorkbookWriter(output, contest, stage);
        if (stage == ExportStage.Mixed)
        {
            workbook.AddSheet(
                SummarySheetName,
                [.. SummaryHeaders, StatusHeader],
                summary,
                s => [SheetCell.Of(s.Track), SheetCell.Of(s.Level), SheetCell.Of(s.Count), SheetCell.Of(s.Status)],
                [SheetCell.Of("合计", SheetStyle.Total), default, SheetCell.Of(summary.Sum(s => s.Count), SheetStyle.Total), default]);
        }
        else
        {
            workbook.AddSheet(
                SummarySheetName,
                SummaryHeaders,
                summary,
                s => [SheetCell.Of(s.Track), SheetCell.Of(s.Level), SheetCell.Of(s.Count)],
                [SheetCell.Of("合计", SheetStyle.Total), default, SheetCell.Of(summary.Sum(s => s.Count), SheetStyle.Total)]);
        }

        foreach (var track in tracks)
        {
            if (track.Units)
            {
                // A unit award has no entries: its winners are units, with no code, title or score.
                workbook.AddSheet(
                    track.Name,
                    UnitHeaders,
                    track.Rows,
                    r => [SheetCell.Of(r.Place), SheetCell.Of(r.Level), SheetCell.Of(r.Author.Length > 0 ? r.Author : r.Unit)],
                    stage: StageOf(contest, track));
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
                ],
                stage: StageOf(contest, track));
        }

        workbook.Finish();
    }

    /// <summary>A track's own stage: final, or proposed while on notice.</summary>
    private static ExportStage StageOf(ExportContest contest, PrizeTrack track) =>
        ExportStages.OnNotice(contest, track.Final) ? ExportStage.Proposed : ExportStage.Final;
}
