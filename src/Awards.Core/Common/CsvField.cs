namespace Awards.Core.Common;

/// <summary>One field of a CSV line (RFC 4180): quoted, with its quotes doubled, only when it holds a comma, a quote or a line break.</summary>
public static class CsvField
{
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
