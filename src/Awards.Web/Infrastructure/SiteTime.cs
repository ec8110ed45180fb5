using System.Globalization;

namespace Awards.Web.Infrastructure;

/// <summary>Dates are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class SiteTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>"2026年10月17日 18:00（北京时间）" in Chinese, "17 Oct 2026 18:00 (UTC+8)" in English: always with the zone.</summary>
    public static string Format(DateTime utc) => FormatWithoutZone(utc) + Zone;

    /// <summary>"2026年10月17日 18:00" in Chinese, "17 Oct 2026 18:00" in English: for the first of two times that <see cref="Zone"/> follows once.</summary>
    public static string FormatWithoutZone(DateTime utc) =>
        ToLocal(utc).ToString(Cultures.CurrentIsChinese ? "yyyy年M月d日 HH:mm" : "d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The zone as it follows a time or a label, one name per language: "（北京时间）" in Chinese
    /// (full-width parentheses, no space), " (UTC+8)" in English.
    /// </summary>
    public static string Zone => Cultures.CurrentIsChinese ? "（北京时间）" : " (UTC+8)";

    /// <summary>The value of an &lt;input type="datetime-local"&gt; for a UTC time: China Standard Time, to the minute.</summary>
    public static string InputValue(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    private static readonly string[] InputFormats = ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm"];

    private static readonly string[] InputFormatsWithDate = [.. InputFormats, "yyyy-MM-dd"];

    /// <summary>
    /// A date and time typed in China Standard Time (as a datetime-local input sends it, or
    /// "2026-10-17 18:00"), as UTC; with <paramref name="dateAlone"/>, a bare date too (its midnight).
    /// </summary>
    public static bool TryParseInput(string? text, out DateTime utc, bool dateAlone = false)
    {
        if (DateTime.TryParseExact(text?.Trim(), dateAlone ? InputFormatsWithDate : InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            utc = DateTime.SpecifyKind(local - Offset, DateTimeKind.Utc);
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>"2026-10-17 10:00Z": a time as the audit log keeps it, in UTC to the minute.</summary>
    public static string AuditValue(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>An ISO 8601 instant for the countdown script.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
