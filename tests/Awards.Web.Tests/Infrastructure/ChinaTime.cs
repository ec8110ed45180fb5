using System.Globalization;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// A UTC time as a person in China types and reads it, written out here rather than taken from the
/// site's SiteTime, so that a test checks the site against the expected text.
/// </summary>
public static class ChinaTime
{
    /// <summary>What a datetime-local input holds: "2026-10-17T18:00".</summary>
    public static string Input(DateTime utc) => Local(utc).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    /// <summary>How a Chinese page writes the time: "2026年10月17日 18:00".</summary>
    public static string Shown(DateTime utc) => Local(utc).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private static DateTime Local(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc) + TimeSpan.FromHours(8);
}
