namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The draft list (拟表彰名单（讨论稿）) as an Excel workbook: what the leading group reviews before
/// the public notice. A summary sheet "汇总" with each track's status, number of proposed
/// prizes per level, each level's bonus and what it comes to, and the total budget, then one sheet per track with columns 名次, 拟授奖次, 编号, 标题,
/// 作者（被推荐人）, 职务, 单位, 得分, 说明 (flags and override reasons); the Outstanding Organization
/// Award's sheet lists units with what the suggested order follows instead: 名次, 拟授奖次, 单位,
/// 参赛征文, 已评分, 平均分, 获奖征文, 获奖积分, 说明. Every printed page and the
/// document's subject say 讨论稿（未公示）: a draft must never pass for the published list.
/// </summary>
public static class DraftListWorkbook
{
    /// <summary>What a track whose results are a draft says, and the document's subject.</summary>
    public const string DraftStatus = "讨论稿（未公示）";

    /// <summary>What a track whose results are published says: 最终结果, or 拟获奖（公示中）.</summary>
    public static string PublishedStatus(bool final) => WorkbookWriter.Status(final ? ExportStage.Final : ExportStage.Proposed);

    private static readonly string[] SummaryHeaders = ["奖项", "状态", "奖次", "拟获奖数", "每人奖金（元）", "奖金小计（元）"];

    private static readonly string[] TrackHeaders = ["名次", "拟授奖次", "编号", "标题", "作者（被推荐人）", "职务", "单位", "得分", "说明"];

    private static readonly string[] UnitHeaders = ["名次", "拟授奖次", "单位", "参赛征文", "已评分", "平均分", "获奖征文", "获奖积分", "说明"];

    /// <summary>Writes the workbook.</summary>
    /// <param name="output">Where to write; it must be readable, writable and seekable, and it stays open.</param>
    /// <param name="contest">The contest, for the document properties.</param>
    /// <param name="tracks">The tracks in the order of their sheets, each with its proposed prizes in order.</param>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<DraftTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(tracks);

        var summary = new List<(string Track, string Status, string Level, int Count, int Bonus)>();
        foreach (var track in tracks)
        {
            var levels = track.Rows
                .GroupBy(r => (r.Prize.LevelRank, r.Prize.Level))
                .OrderBy(g => g.Key.LevelRank)
                .Select(g => (track.Name, track.Status, g.Key.Level, g.Count(), g.First().Bonus))
                .ToList();
            summary.AddRange(levels.Count > 0 ? levels : [(track.Name, track.Status, string.Empty, 0, 0)]);
        }

        // The budget of the proposal: each level's bonus times its proposed prizes, and their total.
        using var workbook = new WorkbookWriter(output, contest, ExportStage.Draft);
        workbook.AddSheet(
            PrizeListWorkbook.SummarySheetName,
            SummaryHeaders,
            summary,
            s => [SheetCell.Of(s.Track), SheetCell.Of(s.Status), SheetCell.Of(s.Level), SheetCell.Of(s.Count), SheetCell.Amount(s.Bonus), SheetCell.Amount((long)s.Bonus * s.Count)],
            [SheetCell.Of("合计", SheetStyle.Total), default, default, SheetCell.Of(summary.Sum(s => s.Count), SheetStyle.Total), default, SheetCell.Amount(summary.Sum(s => (long)s.Bonus * s.Count), total: true)]);
        foreach (var track in tracks)
        {
            workbook.AddSheet(track.Name, track.Units ? UnitHeaders : TrackHeaders, track.Rows, track.Units ? UnitCells : EntryCells);
        }

        workbook.Finish();
    }

    private static SheetCell[] EntryCells(DraftRow r) =>
    [
        SheetCell.Of(r.Prize.Place),
        SheetCell.Of(r.Prize.Level),
        SheetCell.Of(r.Prize.Code),
        SheetCell.Of(r.Prize.Title),
        SheetCell.Of(r.Prize.Author),
        SheetCell.Of(r.Position),
        SheetCell.Of(r.Prize.Unit),
        SheetCell.Score(r.Prize.Score),
        SheetCell.Of(r.Notes),
    ];

    /// <summary>A unit's row; a unit without essays has no place in the suggested order and no figures.</summary>
    private static SheetCell[] UnitCells(DraftRow r) => r.Participation is { } p
        ?
        [
            r.Prize.Place > 0 ? SheetCell.Of(r.Prize.Place) : default,
            SheetCell.Of(r.Prize.Level),
            SheetCell.Of(r.Prize.Author),
            SheetCell.Of(p.Entries),
            SheetCell.Of(p.Scored),
            SheetCell.Score(p.AverageScore),
            SheetCell.Of(p.Prizes),
            SheetCell.Of(p.PrizePoints),
            SheetCell.Of(r.Notes),
        ]
        : [default, SheetCell.Of(r.Prize.Level), SheetCell.Of(r.Prize.Author), default, default, default, default, default, SheetCell.Of(r.Notes)];
}
