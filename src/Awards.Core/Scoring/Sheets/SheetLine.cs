namespace Awards.Core.Scoring.Sheets;

/// <summary>One cell's content as the file holds it.</summary>
/// <param name="Text">The text, before any folding or trimming.</param>
/// <param name="IsNumber">A numeric cell of a workbook, whose text is in invariant culture.</param>
internal readonly record struct SheetCell(string Text, bool IsNumber);

/// <summary>
/// One row of a workbook or one record of CSV text, its cells by zero-based column.
/// <paramref name="Unterminated"/>: a CSV record whose quoted value ran to the end of the text.
/// </summary>
internal sealed record SheetLine(int Line, IReadOnlyDictionary<int, SheetCell> Cells, bool Unterminated = false)
{
    public bool IsBlank => !Unterminated && Cells.Values.All(cell => SheetText.IsBlank(cell.Text));
}
