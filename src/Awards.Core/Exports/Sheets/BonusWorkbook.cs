namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The bonus payment sheet (奖金发放表) as an Excel workbook: one sheet, each winner whose prize
/// carries a bonus in the prize list's order (序号, 奖项, 奖次, 获奖者, 单位, 金额（元）, and a blank
/// column for the winner's signature on receipt), then below the list a bold subtotal (小计) per
/// award and the grand total (合计) with the amount in capital numerals (大写), as finance offices
/// write it. The filter covers the winners only: filtered by unit or sorted by amount, the list
/// never mixes a subtotal in with the people, and the subtotals and total stay under it.
/// Never published: it is for the office that pays the bonuses.
/// </summary>
public static class BonusWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "奖金发放表";

    private static readonly string[] Headers = ["序号", "奖项", "奖次", "获奖者", "单位", "金额（元）", "领款人签名"];

    /// <summary>Writes the workbook.</summary>
    /// <param name="output">Where to write; it must be readable, writable and seekable, and it stays open.</param>
    /// <param name="contest">The contest, for the document properties and the print header.</param>
    /// <param name="rows">The winners with their bonuses, an award's together, in order.</param>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<BonusRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(rows);

        var number = 0;
        var lines = rows.Select(r => new[]
        {
            SheetCell.Of(++number),
            SheetCell.Of(r.Track),
            SheetCell.Of(r.Prize.Level),
            SheetCell.Of(r.Prize.Author),
            SheetCell.Of(r.Prize.Unit),
            SheetCell.Amount(r.Amount),
            default,
        }).ToList();
        var subtotals = rows.GroupBy(r => r.Track)
            .Select(award => new[] { default, SheetCell.Of($"{award.Key}小计", SheetStyle.Total), default, default, default, SheetCell.Amount(award.Sum(r => (long)r.Amount), total: true), default })
            .ToList();

        var total = rows.Sum(r => (long)r.Amount);
        using var workbook = new WorkbookWriter(output, contest);
        workbook.AddSheet(
            SheetName,
            Headers,
            lines,
            cells => cells,
            [SheetCell.Of("合计", SheetStyle.Total), SheetCell.Of($"大写：人民币{CapitalYuan.Of(total)}", SheetStyle.Total), default, default, default, SheetCell.Amount(total, total: true), default],
            subtotals: subtotals);
        workbook.Finish();
    }
}
