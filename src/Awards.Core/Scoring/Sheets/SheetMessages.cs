using Awards.Core.Uploads;

namespace Awards.Core.Scoring.Sheets;

/// <summary>
/// The message keys of <see cref="SheetError"/>s. Each is the English text and a localization key;
/// {0}, {1}… are filled from <see cref="SheetError.Arguments"/>. In the keys that begin with
/// "Row {0}", {0} is the row's number (the same as <see cref="SheetError.Line"/>).
/// </summary>
public static class SheetMessages
{
    // The whole file (SheetError.Line is 0).

    /// <summary>The file has no bytes, or its sheet has no row that is not empty.</summary>
    public const string Empty = UploadMessages.Empty;

    /// <summary>{0}: the limit in MB (an int).</summary>
    public const string TooLarge = UploadMessages.TooLarge;

    /// <summary>Neither an .xlsx workbook nor CSV text: an old .xls, a macro-enabled or protected workbook, a .docx, a PDF, binary bytes.</summary>
    public const string NotASheet =
        "The file is not a sheet of scores; save it as an Excel workbook (.xlsx) or as CSV and upload it again.";

    public const string DamagedWorkbook = "The Excel workbook is damaged and cannot be read.";

    public const string TooLargeUnpacked = "The Excel workbook is too large when unpacked.";

    /// <summary>{0}: how many are listed (an int). The last error of a sheet with more than that.</summary>
    public const string TooManyErrors = "The sheet has more than {0} mistakes; only the first {0} are listed.";

    /// <summary>{0}: the limit (an int).</summary>
    public const string TooManyRows = "The sheet has more than {0} rows of scores.";

    // The header row.

    /// <summary>{0}: the names the column may have, joined with " / ".</summary>
    public const string MissingColumn = "The header row has no column for {0}.";

    /// <summary>{0}: the column's header as written.</summary>
    public const string UnknownColumn = "The header row has a column \"{0}\" that is not known.";

    /// <summary>{0}: the header of the later column as written.</summary>
    public const string DuplicateColumn = "The header row has the column \"{0}\" more than once.";

    // Rows; {0} is the row's number.

    /// <summary>In CSV text, a quoted value runs to the end of the file.</summary>
    public const string UnclosedQuote = "Row {0}: a quotation mark is not closed, so the rest of the file cannot be read.";

    /// <summary>{1}: the value, in a column whose header cell is empty.</summary>
    public const string ValueWithoutColumn = "Row {0}: the value \"{1}\" is in a column without a header.";

    public const string MissingEntryCode = "Row {0}: the entry code is missing.";

    public const string MissingJudge = "Row {0}: the judge is missing.";

    /// <summary>{1}: the criterion's column header as written.</summary>
    public const string MissingScore = "Row {0}: the score for {1} is missing.";

    /// <summary>{1}: the criterion's column header as written; {2}: the value as written.</summary>
    public const string NotANumber = "Row {0}: the score for {1} is not a number: \"{2}\".";

    /// <summary>{1}: the criterion's column header as written; {2}: the value as written (negative, or above 1,000,000).</summary>
    public const string ImpossibleScore = "Row {0}: the score for {1} cannot be {2}.";

    /// <summary>{1}: the entry code; {2}: the judge; {3}: the number of the row with the first score.</summary>
    public const string DuplicatePair = "Row {0}: entry {1} is scored by {2} a second time (first on row {3}).";
}
