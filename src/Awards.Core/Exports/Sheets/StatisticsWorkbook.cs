namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The per-unit participation statistics as an Excel workbook (.xlsx): one sheet "参与情况" with
/// columns 单位, 参赛作品数 (every theme), then 已评分作品数, 获奖数, 平均分, 获奖积分 of the themes whose
/// results are final or published (each header says which), the units in the order given (units
/// without an essay included, with zeros), and a total
/// row: sums, and the average of the units' averages weighted by their scored entries. The header
/// row is frozen with filters; the contest's name and status are in the document's title and subject.
/// </summary>
public static class StatisticsWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "参与情况";

    /// <summary>
    /// The headers say what each column counts: the essays of every theme, but the scores and prizes
    /// only of themes whose results are final (or, in a proposed export, published).
    /// </summary>
    internal static string[] Headers(ExportContest contest)
    {
        var scope = contest.IsFinal ? "已确定主题" : "已公示主题";
        return ["单位", "参赛作品数（全部主题）", $"已评分（{scope}）", $"获奖数（{scope}）", $"平均分（{scope}）", $"获奖积分（{scope}）"];
    }

    /// <summary>Writes the workbook.</summary>
    /// <param name="output">Where to write; it must be readable, writable and seekable, and it stays open.</param>
    /// <param name="contest">The contest, for the document properties.</param>
    /// <param name="units">The units, in the order of the rows.</param>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<UnitStatistics> units)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(units);

        int entries = 0, scored = 0, prizes = 0, weight = 0;
        decimal points = 0m, weightedSum = 0m;
        foreach (var unit in units)
        {
            entries += unit.Entries;
            scored += unit.Scored;
            prizes += unit.Prizes;
            points += unit.PrizePoints;
            if (unit.AverageScore is decimal average && unit.Scored > 0)
            {
                weightedSum += average * unit.Scored;
                weight += unit.Scored;
            }
        }

        decimal? overall = weight > 0 ? weightedSum / weight : null;

        using var workbook = new WorkbookWriter(output, contest);
        workbook.AddSheet(
            SheetName,
            Headers(contest),
            units,
            u =>
            [
                SheetCell.Of(u.Unit),
                SheetCell.Of(u.Entries),
                SheetCell.Of(u.Scored),
                SheetCell.Of(u.Prizes),
                SheetCell.Score(u.AverageScore),
                SheetCell.Of(u.PrizePoints),
            ],
            [
                SheetCell.Of("合计", SheetStyle.Total),
                SheetCell.Of(entries, SheetStyle.Total),
                SheetCell.Of(scored, SheetStyle.Total),
                SheetCell.Of(prizes, SheetStyle.Total),
                SheetCell.Score(overall, total: true),
                SheetCell.Of(points, SheetStyle.Total),
            ]);
        workbook.Finish();
    }
}
