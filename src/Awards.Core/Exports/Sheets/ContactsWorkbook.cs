namespace Awards.Core.Exports.Sheets;

/// <summary>
/// The winners' contact list (获奖者联系表) as an Excel workbook: one sheet, every prize of the
/// export in the prize list's order, with the phone and the address to reach the winner by, for the
/// office that hands out medals, certificates and bonuses. It is a separate file from the prize
/// list so that a list passed on to the press or the units carries no phone number.
/// </summary>
public static class ContactsWorkbook
{
    /// <summary>The sheet's name.</summary>
    public const string SheetName = "获奖者联系表";

    private static readonly string[] Headers = ["奖项", "奖次", "编号", "获奖者", "单位", "职务", "联系电话", "联系人及邮箱"];

    /// <summary>Writes the workbook.</summary>
    /// <param name="output">Where to write; it must be readable, writable and seekable, and it stays open.</param>
    /// <param name="contest">The contest, for the document properties and the print header.</param>
    /// <param name="rows">The prizes in order.</param>
    public static void Write(Stream output, ExportContest contest, IReadOnlyList<ContactRow> rows)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(rows);

        using var workbook = new WorkbookWriter(output, contest);
        workbook.AddSheet(
            SheetName,
            Headers,
            rows,
            r =>
            [
                SheetCell.Of(r.Track),
                SheetCell.Of(r.Prize.Level),
                SheetCell.Of(r.Prize.Code),
                SheetCell.Of(r.Prize.Author),
                SheetCell.Of(r.Prize.Unit),
                SheetCell.Of(r.Position),
                SheetCell.Of(r.Phone),
                SheetCell.Of(r.Contact),
            ]);
        workbook.Finish();
    }
}
