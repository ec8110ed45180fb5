using System.Globalization;

namespace Awards.Web.Infrastructure;

/// <summary>Dates are stored in UTC and shown in China Standard Time (UTC+8, no daylight saving).</summary>
public static class SiteTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset ToLocal(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset);

    /// <summary>"2026年10月17日 18:00" in Chinese, "17 Oct 2026 18:00" in English, always with the zone.</summary>
    public static string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        return Cultures.CurrentIsChinese
            ? local.ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture) + " (北京时间)"
            : local.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC+8)";
    }

    /// <summary>An ISO 8601 instant for the countdown script.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
