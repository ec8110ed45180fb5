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

    /// <summary>A list of names, e.g. a unit's former names.</summary>
    public static readonly ValueConverter<IReadOnlyList<BilingualText>, string> BilingualList = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<BilingualText>>(v, Options) ?? new List<BilingualText>());

    public static readonly ValueComparer<IReadOnlyList<BilingualText>> BilingualListComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, n) => HashCode.Combine(h, n.GetHashCode())),
        v => v.ToList());

    public static readonly ValueConverter<List<CriterionLevel>, string> Levels = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<CriterionLevel>>(v, Options) ?? new List<CriterionLevel>());

    /// <summary>A score's values by criterion id (decimals as JSON numbers).</summary>
    public static readonly ValueConverter<Dictionary<int, decimal>, string> ScoreValues = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<Dictionary<int, decimal>>(v, Options) ?? new Dictionary<int, decimal>());

    public static readonly ValueComparer<Dictionary<int, decimal>> ScoreValuesComparer = new(
        (a, b) => a!.Count == b!.Count && a.All(kv => b.ContainsKey(kv.Key) && b[kv.Key] == kv.Value),
        v => v.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
        v => new Dictionary<int, decimal>(v));

    /// <summary>A list of ids in order, e.g. the organizer's order of tied entries.</summary>
    public static readonly ValueConverter<List<int>, string> Ids = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<int>>(v, Options) ?? new List<int>());

    public static readonly ValueComparer<List<int>> IdsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, id) => HashCode.Combine(h, id)),
        v => v.ToList());

    /// <summary>A read-only list of ids, e.g. the counties a helping unit helps.</summary>
    public static readonly ValueConverter<IReadOnlyList<int>, string> ReadOnlyIds = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<int>>(v, Options) ?? new List<int>());

    public static readonly ValueComparer<IReadOnlyList<int>> ReadOnlyIdsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, id) => HashCode.Combine(h, id)),
        v => v.ToList());

    public static readonly ValueComparer<List<CriterionLevel>> LevelsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, l) => HashCode.Combine(h, l.GetHashCode())),
        v => v.ToList());

    /// <summary>A list of strings, e.g. the names an account had before.</summary>
    public static readonly ValueConverter<List<string>, string> Strings = new(
        v => JsonSerializer.Serialize(v, Options),
        v => JsonSerializer.Deserialize<List<string>>(v, Options) ?? new List<string>());

    public static readonly ValueComparer<List<string>> StringsComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s.GetHashCode(StringComparison.Ordinal))),
        v => v.ToList());
}
