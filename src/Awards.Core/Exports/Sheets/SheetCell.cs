using System.Globalization;

namespace Awards.Core.Exports.Sheets;

/// <summary>The cell formats of the stylesheet <see cref="WorkbookWriter"/> writes, by their index in cellXfs.</summary>
internal enum SheetStyle : uint
{
    /// <summary>General text or number.</summary>
    Default = 0,

    /// <summary>A header cell: bold on a light fill.</summary>
    Header = 1,

    /// <summary>A score: "0.00".</summary>
    Score = 2,

    /// <summary>A cell of a total row: bold.</summary>
    Total = 3,

    /// <summary>A score in a total row: bold, "0.00".</summary>
    TotalScore = 4,

    /// <summary>Text in a column narrower than its longest text (a long title): wrapped onto more lines, not cut off.</summary>
    Wrapped = 5,

    /// <summary>An amount of money in whole yuan: "#,##0".</summary>
    Amount = 6,

    /// <summary>An amount in a total or subtotal row: bold, "#,##0".</summary>
    TotalAmount = 7,
}

/// <summary>One cell to write: text, a number, or nothing (the cell is left out, as for empty text).</summary>
/// <param name="Text">The text, or null for a number or an empty cell.</param>
/// <param name="Number">The number, or null for text or an empty cell.</param>
/// <param name="Style">The cell format.</param>
internal readonly record struct SheetCell(string? Text, decimal? Number, SheetStyle Style)
{
    /// <summary>True when nothing is written for the cell: no number and no (or empty) text.</summary>
    public bool IsEmpty => string.IsNullOrEmpty(Text) && Number is null;

    /// <summary>The text as a reader sees it, for fitting the column's width.</summary>
    public string Display => Text
        ?? (Number is decimal n
            ? n.ToString(Style switch
            {
                SheetStyle.Score or SheetStyle.TotalScore => "0.00",
                SheetStyle.Amount or SheetStyle.TotalAmount => "#,##0",
                _ => "0.##########",
            }, CultureInfo.InvariantCulture)
            : string.Empty);

    /// <summary>A text cell.</summary>
    public static SheetCell Of(string text, SheetStyle style = SheetStyle.Default) => new(text, null, style);

    /// <summary>A number cell in General format.</summary>
    public static SheetCell Of(decimal number, SheetStyle style = SheetStyle.Default) => new(null, number, style);

    /// <summary>An amount in yuan, with thousands separators.</summary>
    public static SheetCell Amount(decimal amount, bool total = false) =>
        new(null, amount, total ? SheetStyle.TotalAmount : SheetStyle.Amount);

    /// <summary>A score with 2 decimals; empty when null.</summary>
    public static SheetCell Score(decimal? score, bool total = false) =>
        new(null, score, total ? SheetStyle.TotalScore : SheetStyle.Score);
}
