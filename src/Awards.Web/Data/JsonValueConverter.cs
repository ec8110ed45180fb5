using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Awards.Core.Common;
using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Awards.Web.Data;

/// <summary>
/// Small value objects stored as one JSON column. Chinese stays readable in the sqlite3 shell.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static readonly ValueConverter<BilingualText, string> Bilingual = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<BilingualText>(v, Options) ?? BilingualText.Empty);

    public static readonly ValueConverter<List<CriterionLevel>, string> Levels = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<CriterionLevel>>(v, Options) ?? new List<CriterionLevel>());

    public static readonly ValueComparer<List<CriterionLevel>> LevelsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, l) => HashCode.Combine(h, l.GetHashCode())),
        v => v.ToList());
}
