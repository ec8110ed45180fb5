namespace Awards.Core.Common;

/// <summary>One field of a CSV line (RFC 4180): quoted, with its quotes doubled, only when it holds a comma, a quote or a line break.</summary>
public static class CsvField
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>
    /// A field of free text someone typed (a name, a comment, a reason), quoted as <see cref="Quote"/>
    /// does; text that Excel or LibreOffice would run as a formula (it starts with <c>= + - @</c>, a
    /// tab or a carriage return) gets a leading apostrophe (so does such a text behind apostrophes of its own), which
    /// <see cref="Unescape"/> takes off again.
    /// Numbers are written with <see cref="Quote"/>: a negative one stays a number.
    /// </summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Quote(IsFormulaLike(value.TrimStart('\'')) ? "'" + value : value);
    }

    /// <summary>The text a field written by <see cref="Text"/> held: one leading apostrophe before a formula-like text comes off.</summary>
    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith('\'') && IsFormulaLike(value.TrimStart('\'')) ? value[1..] : value;
    }

    private static bool IsFormulaLike(string value) => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
}
