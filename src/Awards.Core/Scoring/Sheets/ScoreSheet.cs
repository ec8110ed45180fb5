namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// What <see cref="ScoreSheetReader.Read"/> found in a sheet. Import it only when
/// <see cref="IsValid"/>: <see cref="Rows"/> then holds every row of scores. Otherwise it holds the
/// rows that have no error of their own (none if the file or its header row is refused), so that a
/// preview can show them next to the errors.
/// </summary>
public sealed record ScoreSheet(IReadOnlyList<SheetRow> Rows, IReadOnlyList<SheetError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>One row of scores: one judge's scores for one entry.</summary>
/// <param name="Line">The row's number as a spreadsheet shows it; the header row is usually 1.</param>
/// <param name="EntryCode">Trimmed, full-width letters and digits folded to ASCII, upper-cased.</param>
/// <param name="Judge">Trimmed, full-width letters and digits folded to ASCII, lower-cased.</param>
/// <param name="Values">
/// A score for every criterion, by <see cref="SheetCriterion.Id"/>; whether each lies within the
/// rubric's range is the caller's to check.
/// </param>
/// <param name="Comment">The comment, trimmed; null when the column is absent or the cell empty.</param>
public sealed record SheetRow(int Line, string EntryCode, string Judge, IReadOnlyDictionary<int, decimal> Values, string? Comment);

/// <summary>A reason to refuse a sheet.</summary>
/// <param name="Line">
/// The row the error is on, as a spreadsheet numbers it (the header row is usually 1), or 0 when
/// the whole file is refused.
/// </param>
/// <param name="MessageKey">One of <see cref="SheetMessages"/>: the English text and a localization key.</param>
/// <param name="Arguments">
/// What fills the key's placeholders; in a key that names a row, {0} is the row's number.
/// </param>
public sealed record SheetError(int Line, string MessageKey, IReadOnlyList<object> Arguments);
