using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Units;
using Awards.Web.Infrastructure;

namespace Awards.Web.Data.Seed;

/// <summary>
/// Writes the seed files (README, "Seed files") of the next edition from the settings of the
/// current one: the units as they are named now; each award and theme with its limits, rubric,
/// prize levels with their quotas and bonuses, rounds and blind flag; the rules and the issuing office. Every date
/// moves on by whole years, and the contest's name takes the new year in place of the old. No
/// accounts, entries, scores or results: <c>seed</c> loads the files into a new database.
/// </summary>
internal static class SeedWriter
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        // Files for people to edit, never embedded in a page: "+08:00" and Chinese as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The files, by name, with their contents.</summary>
    public static IReadOnlyDictionary<string, string> Write(ContestEdition contest, IReadOnlyList<Unit> units, int year)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(units);
        var years = year - contest.Year;
        string Date(DateTime utc) => SiteTime.ToLocal(utc).AddYears(years).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
        string NewYear(string text) => text.Replace(contest.Year.ToString(CultureInfo.InvariantCulture), year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var codes = units.ToDictionary(u => u.Id, u => u.Code);
        var unitsFile = new UnitsFile([.. units.OrderBy(u => u.Kind).ThenBy(u => u.Id).Select(u =>
            new UnitSeed(u.Code, u.Kind.ToString(), u.ParentId is int parent ? codes[parent] : null, u.Name, u.HelpedUnitIds.Count == 0 ? null : [.. u.HelpedUnitIds.Where(codes.ContainsKey).Select(id => codes[id])]))]);

        var tracks = contest.Tracks.OrderBy(t => t.SortOrder).ToList();
        var rubrics = new RubricsFile(tracks.ToDictionary(
            t => t.Code,
            t => t.Criteria.OrderBy(c => c.Order).Select(c => new CriterionSeed(
                c.Name,
                c.Description,
                c.Weight,
                c.MinScore,
                c.MaxScore,
                [.. c.Levels.Select(l => new LevelSeed(l.MinScore, l.MaxScore, l.Label, l.Description))])).ToList()));

        var s = contest.Schedule;
        var contestFile = new ContestFile(
            year,
            "+08:00",
            new BilingualText(NewYear(contest.Name.Zh), NewYear(contest.Name.En)),
            contest.IssuingOffice,
            new BilingualText(RulesZh, RulesEn),
            new ScheduleSeed(Date(s.SubmissionOpensAt), Date(s.SubmissionClosesAt), Date(s.JudgingClosesAt), Date(s.NoticeStartsAt), Date(s.NoticeEndsAt)),
            [.. tracks.Select(t => new TrackSeed(
                t.Code,
                t.Kind.ToString(),
                t.Entrant.ToString(),
                t.IsBlind,
                t.Code,
                t.Name,
                t.Description,
                new LimitsSeed(t.Limits.MinLength, t.Limits.MaxLength, t.Limits.PerUnit, t.Limits.PerAuthor),
                [.. t.AwardLevels.OrderBy(l => l.Rank).Select(l => new AwardLevelSeed(l.Rank, l.Name, l.Quota, l.Bonus))],
                [.. t.Rounds.OrderBy(r => r.Sequence).Select(r => new RoundSeed(r.Sequence, r.Kind.ToString(), r.Name, r.JudgesPerEntry, Date(r.ClosesAt), r.ShortlistTop, r.ShortlistPercent))],
                t.ShowsPanelScores))]);

        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["contest.json"] = JsonSerializer.Serialize(contestFile, Options) + "\n",
            ["rubrics.json"] = JsonSerializer.Serialize(rubrics, Options) + "\n",
            ["units.json"] = JsonSerializer.Serialize(unitsFile, Options) + "\n",
            [RulesZh] = contest.Rules.Zh + "\n",
            [RulesEn] = contest.Rules.En + "\n",
        };
    }

    /// <summary>A seed file's JSON, written as the others are.</summary>
    public static string Json<T>(T file) => JsonSerializer.Serialize(file, Options) + "\n";

    private const string RulesZh = "rules.zh-CN.md";

    private const string RulesEn = "rules.en.md";
}
