using System.Text.RegularExpressions;
using Awards.Core.Units;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Audit;

/// <summary>
/// The settings summaries (an award's, the contest's, a unit's, an imported score's) in the
/// reader's language. They are stored as the writers built them, in one fixed English form whatever
/// the organizer's language (also the rows stored before this reading existed), and read back here
/// part by part; a summary in a form not known here is shown as stored.
/// </summary>
public sealed partial class AuditDisplay
{
    private static string Separator => Cultures.CurrentIsChinese ? "；" : "; ";

    /// <summary>TrackSettingsForm.AuditSummary, in each of the forms it has had (blind, levels and rounds came later).</summary>
    private string TrackSettings(Match m)
    {
        var parts = new List<string> { m.Groups["name"].Value };
        if (m.Groups["judging"].Success)
        {
            var judging = l[m.Groups["judging"].Value == "blind" ? "Judged blind" : "Judged openly"].Value;
            parts.Add(m.Groups["panel"].Success ? l["{0}, judges see the others' scores after submitting their own", judging].Value : judging);
        }

        parts.Add(l["Length {0}–{1}", m.Groups["min"].Value, m.Groups["max"].Value].Value);
        parts.Add(l["Per unit: {0}", Limit(m.Groups["unit"].Value)].Value);
        parts.Add(l["Per account: {0}", Limit(m.Groups["account"].Value)].Value);
        parts.Add(l["Criteria: {0}", m.Groups["criteria"].Value].Value);
        if (m.Groups["levels"].Success)
        {
            parts.Add(l["Prize levels: {0}", NewLevel().Replace(m.Groups["levels"].Value, n => Space + l["(new, quota {0})", n.Groups["quota"].Value].Value)].Value);
        }

        if (m.Groups["rounds"].Success)
        {
            parts.Add(l["Rounds: {0}", RoundPart().Replace(m.Groups["rounds"].Value, Round)].Value);
        }

        parts.Add(l["Descriptions (digest): {0}", m.Groups["digest"].Value].Value);
        return string.Join(Separator, parts);
    }

    /// <summary>" 3 judges, top 10 (new, closes …)" of one round.</summary>
    private string Round(Match m)
    {
        var text = " " + l["{0} judges per entry", m.Groups["judges"].Value].Value;
        if (m.Groups["top"].Success)
        {
            var top = m.Groups["percent"].Success ? l["the top {0}% go on", m.Groups["top"].Value].Value : l["the top {0} go on", m.Groups["top"].Value].Value;
            text += (Cultures.CurrentIsChinese ? "，" : ", ") + top;
        }

        return m.Groups["closes"].Success ? text + Space + l["(new, closes {0})", m.Groups["closes"].Value].Value : text;
    }

    /// <summary>ContestSettingsForm.AuditSummary (the document number came later).</summary>
    private string ContestSettings(Match m)
    {
        var parts = new List<string>
        {
            l["Submissions {0} to {1}; judging closes {2}; notice {3} to {4}", m.Groups["opens"].Value, m.Groups["closes"].Value, m.Groups["judging"].Value, m.Groups["noticeStarts"].Value, m.Groups["noticeEnds"].Value].Value,
            l["Issuing office: {0}", m.Groups["office"].Value].Value,
        };
        if (m.Groups["number"].Success)
        {
            parts.Add(l["Document number: {0}", m.Groups["number"].Value.Length == 0 ? l["None"].Value : m.Groups["number"].Value].Value);
        }

        parts.Add(l["Rules: {0} + {1} characters, digest {2}", m.Groups["zh"].Value, m.Groups["en"].Value, m.Groups["digest"].Value].Value);
        return string.Join(Separator, parts);
    }

    private string AddedUnit(Match m) =>
        Enum.TryParse<UnitKind>(m.Groups["kind"].Value, out var kind)
            ? m.Groups["name"].Value + Separator + l[Labels.Of(kind)].Value
            : m.Value;

    private string RenamedUnit(Match m) =>
        l["{0}; the name it had is kept as a former name; texts for judges made again: {1}", m.Groups["name"].Value, m.Groups["count"].Value].Value;

    private string ImportedScore(Match m) => l["Total: {0}; imported from {1}", m.Groups["total"].Value, m.Groups["file"].Value].Value;

    private string Limit(string raw) => raw == "-" ? l["No limit"].Value : raw;

    private static string Space => Cultures.CurrentIsChinese ? string.Empty : " ";

    [GeneratedRegex(@"^(?<name>.+?); (?:(?<judging>blind|open)(?<panel>, panel scores shown after submitting)?; )?(?<min>\d+)–(?<max>\d+) characters, per unit (?<unit>\d+|-), per account (?<account>\d+|-); (?<criteria>.*?)(?:; levels (?<levels>.*?))?(?:; rounds (?<rounds>.*?))?; descriptions (?<digest>[0-9A-Fa-f]{8})$", RegexOptions.Singleline)]
    private static partial Regex TrackSummary();

    [GeneratedRegex(@" \(new, quota (?<quota>\d+)\)")]
    private static partial Regex NewLevel();

    [GeneratedRegex(@" (?<judges>\d+) judges(?:, top (?<top>[\d.]+)(?<percent>%)?)?(?: \(new, closes (?<closes>[^)]*)\))?")]
    private static partial Regex RoundPart();

    [GeneratedRegex(@"^(?<opens>\S+ \S+) / (?<closes>\S+ \S+) / (?<judging>\S+ \S+) / (?<noticeStarts>\S+ \S+) / (?<noticeEnds>\S+ \S+); (?<office>.*?)(?:; (?<number>[^;]*))?; rules (?<zh>\d+) \+ (?<en>\d+) characters, (?<digest>[0-9A-Fa-f]{8})$", RegexOptions.Singleline)]
    private static partial Regex ContestSummary();

    [GeneratedRegex(@"^(?<name>.+); (?<kind>[A-Za-z]+)$", RegexOptions.Singleline)]
    private static partial Regex AddUnitSummary();

    [GeneratedRegex(@"^(?<name>.+); former names kept; (?<count>\d+) renditions made again$", RegexOptions.Singleline)]
    private static partial Regex RenameUnitSummary();

    [GeneratedRegex(@"^total=(?<total>[^;]+); from (?<file>.*)$", RegexOptions.Singleline)]
    private static partial Regex ScoreImportSummary();
}
