using System.Globalization;
using System.Text.RegularExpressions;

namespace Awards.Web.Data.Seed;

/// <summary>
/// Reads a seed date: absolute ("2026-10-17T18:00:00+08:00") or relative to the seeding day
/// ("+30d 18:00": thirty days on, at 18:00 in the contest's time zone). Returns UTC.
/// </summary>
internal static partial class SeedDate
{
    public static DateTime Parse(string text, DateTime seededAtUtc, TimeSpan offset)
    {
        var match = RelativePattern().Match(text.Trim());
        if (match.Success)
        {
            var localToday = DateTime.SpecifyKind(seededAtUtc + offset, DateTimeKind.Unspecified).Date;
            var days = int.Parse(match.Groups["days"].Value, CultureInfo.InvariantCulture);
            var time = match.Groups["time"].Success
                ? TimeSpan.ParseExact(match.Groups["time"].Value, @"hh\:mm", CultureInfo.InvariantCulture)
                : TimeSpan.Zero;
            var local = localToday.AddDays(days) + time;
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var absolute))
        {
            return absolute.UtcDateTime;
        }

        throw new InvalidDataException($"'{text}' is neither a date like 2026-10-17T18:00:00+08:00 nor a relative date like +30d 18:00.");
    }

    public static TimeSpan ParseOffset(string text)
    {
        var magnitude = TimeSpan.ParseExact(text.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture);
        return text.StartsWith('-') ? magnitude.Negate() : magnitude;
    }

    [GeneratedRegex(@"^(?<days>[+-]\d+)d(\s+(?<time>\d{2}:\d{2}))?$")]
    private static partial Regex RelativePattern();
}
