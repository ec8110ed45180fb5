using System.Globalization;
using System.Text.RegularExpressions;
using Awards.Core.Common;
using Awards.Core.Ranking;
using Awards.Web.Data;
using Awards.Web.Features.Users;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Audit;

/// <summary>
/// The audit log as people read it: the awards, rounds, units and accounts its rows name by code
/// or id, by their names; UTC instants in China Standard Time; "key=value" summaries, on/off,
/// method names and the settings summaries (AuditDisplay.Settings.cs) in the reader's language.
/// The log keeps what it stored (old rows stay searchable, the export stays machine-readable and
/// the same whoever downloads it); the page shows the stored value on hover.
/// </summary>
public sealed partial class AuditDisplay(
    IReadOnlyDictionary<string, BilingualText> tracks,
    IReadOnlyDictionary<int, string> rounds,
    IReadOnlyDictionary<int, BilingualText> units,
    IReadOnlyDictionary<int, string> users,
    IStringLocalizer l)
{
    /// <summary>The labels of the keys the audit writers put in "key=value" summaries.</summary>
    private static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["units"] = "Units",
        ["contest"] = "Contest year",
        ["demoUsers"] = "Demo accounts",
        ["demoEntries"] = "Demo entries",
        ["archivedCertificates"] = "Archived certificates",
        ["scale"] = "Scale",
        ["seed"] = "Random seed",
        ["nominations"] = "Nominations generated",
        ["essays"] = "Essays generated",
        ["judges"] = "Judges generated",
        ["kept"] = "Assignments kept",
        ["added"] = "Assignments added",
        ["removed"] = "Assignments removed",
        ["short"] = "Entries short of judges",
        ["spread"] = "Load spread",
        ["judge"] = "Judge",
        ["round"] = "Round",
        ["unit"] = "Unit",
        ["total"] = "Total",
        ["min"] = "Minimum score",
    };

    /// <summary>Loads the names the rows refer to: every award, round and unit (a few dozen), and the accounts the rows name.</summary>
    public static async Task<AuditDisplay> LoadAsync(AwardsDbContext db, IReadOnlyList<AuditRow> rows, IStringLocalizer l, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var trackRows = await db.Tracks.AsNoTracking().OrderBy(t => t.Id).Select(t => new { t.Id, t.Code, t.Name }).ToListAsync(cancellationToken);
        var trackNames = trackRows.ToDictionary(t => t.Id, t => t.Name);

        // A code used again in a later edition names the later award.
        var tracks = new Dictionary<string, BilingualText>(StringComparer.Ordinal);
        foreach (var t in trackRows)
        {
            tracks[t.Code] = t.Name;
        }

        var roundRows = await db.Rounds.AsNoTracking().Select(r => new { r.Id, r.TrackId, r.Name }).ToListAsync(cancellationToken);
        var rounds = roundRows.ToDictionary(r => r.Id, r => trackNames.TryGetValue(r.TrackId, out var track) ? $"{track.ForCurrentCulture()} · {r.Name.ForCurrentCulture()}" : r.Name.ForCurrentCulture());
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        var ids = rows.SelectMany(UserIds).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return new AuditDisplay(tracks, rounds, units, users, l);
    }

    /// <summary>The row's object by name (an award's, a round's, a unit's, an account's), or null where its key is all there is.</summary>
    public string? Subject(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = row.EntityKey;
        return row.EntityType switch
        {
            "Track" or "TrackResult" or "Objection" when tracks.TryGetValue(key, out var track) => track.ForCurrentCulture(),
            "AwardLevel" when key.Split('/') is [var code, var rank] && tracks.TryGetValue(code, out var track) => l["{0}, prize level {1}", track.ForCurrentCulture(), rank],
            "Round" when Id(key) is int id && rounds.TryGetValue(id, out var round) => round,
            "User" when Id(key) is int id && users.TryGetValue(id, out var name) => name,
            "LeaderDocument" when Exports.ExportKinds.Title(key) is var title && title != key => l[title].Value,
            _ => null,
        };
    }

    /// <summary>A stored before or after value as a reader would say it; the value itself when there is nothing to translate.</summary>
    public string? Value(AuditRow row, string? value)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var text = row.Action switch
        {
            "Deactivate" or "Reactivate" or "TwoFactorTurnedOff" => value switch { "on" => l["On"].Value, "off" => l["Off"].Value, _ => value },
            "Unlock" => value switch { "locked" => l["Locked"].Value, "unlocked" => l["Unlocked"].Value, _ => value },
            "StartExport" => value switch { "proposed" => l["Results on notice"].Value, "final" => l["Final results"].Value, _ => value },
            "Panel set" or "RemindJudges" => Judges(value),
            "RemindJudgesBeforeDeadline" when AutomaticReminder().Match(value) is { Success: true } m => l["{0} before the deadline; judges: {1}", Lead(m), Judges(m.Groups["list"].Value)].Value,
            "RemindEntrantsBeforeDeadline" when AutomaticReminder().Match(value) is { Success: true } m => l["{0} before the deadline; entries: {1}", Lead(m), m.Groups["list"].Value].Value,
            "PublishNotice" when NoticeSummary().Match(value) is { Success: true } m => l[m.Groups["what"].Value == "prizes" ? "Prizes: {0}; on notice until {1}" : "Units picked: {0}; on notice until {1}", m.Groups["count"].Value, m.Groups["until"].Value].Value,
            "ConfigureRanking" when RankingSummary().Match(value) is { Success: true } m => Pairs($"method={m.Groups["method"].Value}; min={m.Groups["min"].Value}; round={m.Groups["round"].Value}"),
            "Invite" when InviteSummary().Match(value) is { Success: true } m => $"{m.Groups["email"].Value} · {l[RoleNames.Display(m.Groups["role"].Value)]} · {Unit(m.Groups["unit"].Value)}",
            "Invite" when LeaderInviteSummary().Match(value) is { Success: true } m => $"{m.Groups["email"].Value} · {l[RoleNames.Display(m.Groups["role"].Value)]} · {TrackNames(m.Groups["awards"].Value)}",
            "LeaderAwards" => TrackNames(value),
            "Shortlist assigned" when ShortlistSummary().Match(value) is { Success: true } m => l["Shortlisted from {0}: {1}; assignments: {2}", Id(m.Groups["round"].Value) is int id && rounds.TryGetValue(id, out var round) ? round : m.Groups["round"].Value, m.Groups["entries"].Value, m.Groups["assignments"].Value].Value,
            "AddTrack" when AddTrackSummary().Match(value) is { Success: true } m => l["{0}; set up like {1}", m.Groups["name"].Value, tracks.TryGetValue(m.Groups["code"].Value, out var track) ? track.ForCurrentCulture() : m.Groups["code"].Value].Value,
            "Profile changed" when value.Split("; ") is [var name, var phone, var unit] => string.Join(Cultures.CurrentIsChinese ? "；" : "; ", name, phone, Unit(unit)),
            "EditTrack" when TrackSummary().Match(value) is { Success: true } m => TrackSettings(m),
            "EditContest" when ContestSummary().Match(value) is { Success: true } m => ContestSettings(m),
            "AddUnit" when AddUnitSummary().Match(value) is { Success: true } m => AddedUnit(m),
            "RenameUnit" when RenameUnitSummary().Match(value) is { Success: true } m => RenamedUnit(m),
            "Score imported" when ScoreImportSummary().Match(value) is { Success: true } m => ImportedScore(m),
            "ResolveObjection" when ObjectionDecision().Match(value) is { Success: true } m && Enum.TryParse<Core.Results.ObjectionOutcome>(m.Groups["outcome"].Value, out var outcome) =>
                l[Labels.Of(outcome)].Value + (Cultures.CurrentIsChinese ? "：" : ": ") + m.Groups["text"].Value,
            // An entrant's words, shown as written: an "=" in them is not a list of settings.
            "RespondToObjection" => value,
            "UseRecoveryCode" when RecoveryCodesLeft().Match(value) is { Success: true } m => l["Recovery codes left: {0}", m.Groups["count"].Value].Value,
            _ => value.Contains('=', StringComparison.Ordinal) && !value.Contains('\n', StringComparison.Ordinal) ? Pairs(value) : value,
        };

        return Instant().Replace(text, m => DateTime.TryParse(m.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ? SiteTime.Format(utc) : m.Value);
    }

    /// <summary>Every account id a row names: its key for an account, the judges of a panel or a reminder, "judge=".</summary>
    private static IEnumerable<int> UserIds(AuditRow row)
    {
        if (row.EntityType == "User" && Id(row.EntityKey) is int user)
        {
            yield return user;
        }

        foreach (var value in new[] { row.Before, row.After })
        {
            if (value is null)
            {
                continue;
            }

            var ids = row.Action switch
            {
                "Panel set" or "RemindJudges" => value.Split(','),
                "RemindJudgesBeforeDeadline" when AutomaticReminder().Match(value) is { Success: true } m => m.Groups["list"].Value.Split(','),
                _ => JudgeId().Matches(value).Select(m => m.Groups[1].Value),
            };
            foreach (var id in ids)
            {
                if (Id(id) is int n)
                {
                    yield return n;
                }
            }
        }
    }

    /// <summary>A list of account ids by the people's names.</summary>
    private string Judges(string ids) =>
        string.Join(Cultures.CurrentIsChinese ? "、" : ", ", ids.Split(',').Select(v => Id(v) is int id && users.TryGetValue(id, out var name) ? name : v));

    private string Lead(Match automaticReminder) =>
        Reminders.ReminderText.Lead(TimeSpan.FromHours(int.Parse(automaticReminder.Groups["hours"].Value, CultureInfo.InvariantCulture)), l);

    private static int? Id(string text) => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>"seed=1; kept=3" as "Random seed: 1; Assignments kept: 3", with the ids of judges, rounds and units as names.</summary>
    private string Pairs(string value)
    {
        var parts = value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!parts.All(p => Pair().IsMatch(p)))
        {
            return value;
        }

        return string.Join(Cultures.CurrentIsChinese ? "；" : "; ", parts.Select(p =>
        {
            var (key, raw) = (p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]);
            var shown = key switch
            {
                "judge" when Id(raw) is int id && users.TryGetValue(id, out var name) => name,
                "round" when raw == "last" => l["The last round"].Value,
                "round" when Id(raw) is int id && rounds.TryGetValue(id, out var round) => round,
                "unit" => Unit(raw),
                "method" when Enum.TryParse<AggregationMethod>(raw, out var method) => l[Method(method)].Value,
                _ when raw == "-" => l["None"].Value,
                _ => raw,
            };
            var label = key == "method" ? "Aggregation" : Keys.GetValueOrDefault(key, key);
            return Cultures.CurrentIsChinese ? $"{l[label]}：{shown}" : $"{l[label]}: {shown}";
        }));
    }

    /// <summary>A leader's awards as stored, codes apart ("innovation journey"), or "all".</summary>
    private string TrackNames(string codes) => codes == "all"
        ? l["Every award and theme"].Value
        : string.Join(Cultures.CurrentIsChinese ? "、" : ", ", codes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => tracks.TryGetValue(c, out var track) ? track.ForCurrentCulture() : c));

    private string Unit(string raw) =>
        Id(raw) is int id && units.TryGetValue(id, out var unit) ? unit.ForCurrentCulture() : raw.Length == 0 ? l["None"].Value : raw;

    private static string Method(AggregationMethod method) => method switch
    {
        AggregationMethod.RawMean => "Raw mean",
        AggregationMethod.TrimmedMean => "Trimmed mean",
        AggregationMethod.ZScore => "Normalized (z-score)",
        _ => method.ToString(),
    };

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z")]
    private static partial Regex Instant();

    [GeneratedRegex(@"^[A-Za-z]+=[^=]*$")]
    private static partial Regex Pair();

    /// <summary>"lead=72; judges=3,5": an automatic reminder as <see cref="Reminders.AutomaticReminderLog"/> records it.</summary>
    [GeneratedRegex(@"^lead=(?<hours>\d{1,4}); (?:judges|entries)=(?<list>.*)$")]
    private static partial Regex AutomaticReminder();

    [GeneratedRegex(@"judge=(\d+)")]
    private static partial Regex JudgeId();

    [GeneratedRegex(@"^(?<count>\d+) (?<what>prizes|units) until (?<until>\S+)$")]
    private static partial Regex NoticeSummary();

    [GeneratedRegex(@"^(?<method>\w+) min=(?<min>\S+) round=(?<round>\S+)$")]
    private static partial Regex RankingSummary();

    [GeneratedRegex(@"^(?<email>\S+) (?<role>\S+) unit=(?<unit>\d*)$")]
    private static partial Regex InviteSummary();

    [GeneratedRegex(@"^(?<email>\S+) (?<role>\S+) awards=(?<awards>.+)$")]
    private static partial Regex LeaderInviteSummary();

    [GeneratedRegex(@"^from round (?<round>\d+): (?<entries>\d+) entries; (?<assignments>\d+) assignments$")]
    private static partial Regex ShortlistSummary();

    [GeneratedRegex(@"^(?<name>.*); set up like (?<code>\S+)$")]
    private static partial Regex AddTrackSummary();

    [GeneratedRegex(@"^(?<count>\d+) left$")]
    private static partial Regex RecoveryCodesLeft();

    /// <summary>"Dismissed: 经核实…": an objection's outcome and resolution as <see cref="Results.Objections"/> records them.</summary>
    [GeneratedRegex(@"^(?<outcome>Upheld|PartlyUpheld|Dismissed): (?<text>.*)$", RegexOptions.Singleline)]
    private static partial Regex ObjectionDecision();
}
