using System.Text.Json;
using System.Text.Json.Serialization;
using Awards.Core.Common;

namespace Awards.Web.Data.Seed;

// The shapes of the human-editable files in seed/ (README, "Seed files").
internal sealed record UnitsFile(List<UnitSeed> Units);

// Helps: for a helping or municipal unit, the codes of the counties it is designated to help (结对帮扶).
internal sealed record UnitSeed(string Code, string Kind, string? Parent, BilingualText Name, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Helps = null);

internal sealed record RubricsFile(Dictionary<string, List<CriterionSeed>> Rubrics);

internal sealed record CriterionSeed(BilingualText Name, BilingualText Description, decimal Weight, int Min, int Max, List<LevelSeed> Levels);

internal sealed record LevelSeed(int Min, int Max, BilingualText Label, BilingualText Description);

internal sealed record ContestFile(
    int Year,
    string TimeZone,
    BilingualText Name,
    BilingualText IssuingOffice,
    BilingualText RulesFile,
    ScheduleSeed Schedule,
    List<TrackSeed> Tracks);

internal sealed record ScheduleSeed(string SubmissionOpensAt, string SubmissionClosesAt, string JudgingClosesAt, string NoticeStartsAt, string NoticeEndsAt);

internal sealed record TrackSeed(
    string Code,
    string Kind,
    string Entrant,
    bool Blind,
    string Rubric,
    BilingualText Name,
    BilingualText Description,
    LimitsSeed Limits,
    List<AwardLevelSeed> AwardLevels,
    List<RoundSeed> Rounds,
    bool PanelScores = false);

internal sealed record LimitsSeed(int MinLength, int MaxLength, int? PerUnit, int? PerAuthor);

/// <summary>A prize level: <c>Bonus</c> is what each winner is paid, in whole yuan (0 or left out: none).</summary>
internal sealed record AwardLevelSeed(int Rank, BilingualText Name, int Quota, int Bonus = 0);

internal sealed record RoundSeed(int Sequence, string Kind, BilingualText Name, int JudgesPerEntry, string ClosesAt, int? ShortlistTop, decimal? ShortlistPercent);

/// <summary>certificates.json, written by next-edition: the certificates of the editions before, so that their codes still check out.</summary>
internal sealed record CertificatesFile(List<CertificateSeed> Certificates);

internal sealed record CertificateSeed(string Code, BilingualText Winner, BilingualText Unit, BilingualText Award, BilingualText Level, BilingualText Contest, DateTime FinalizedAt);

internal sealed record DemoUsersFile(string Password, List<DemoUserSeed> Users);

internal sealed record DemoUserSeed(string Email, string Name, string Role, string? Unit, string? Phone);

internal sealed record DemoEntriesFile(List<EssaySeed> Essays, List<NominationSeed> Nominations);

internal sealed record EssaySeed(string Track, string Owner, string File, string Status);

internal sealed record NominationSeed(
    string Track,
    string Owner,
    string Unit,
    string Status,
    string Title,
    NomineeSeed? Nominee,
    string? NomineeUnit,
    string DeedsFile,
    string? OpinionFile);

internal sealed record NomineeSeed(string Name, string Gender, int BirthYear, string Position, string Contact);

internal static class SeedJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static T Read<T>(string folder, string name)
    {
        var path = Path.Combine(folder, name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The seed file {path} is missing.", path);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                ?? throw new InvalidDataException($"The seed file {path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The seed file {path} is not valid: {e.Message}", e);
        }
    }
}
