using System.Globalization;
using System.Text;
using Awards.Core.Common;

namespace Awards.Core.Ranking;

/// <summary>
/// The ranking as CSV for organizers (RFC 4180): a header, then one row per entry by position;
/// scores with 2 decimals and a dot; levels by name; flags joined by '|'; judges as
/// "judge:raw/normalized" joined by ';'. Lines end with "\n", and the same ranking always gives
/// the same text.
/// </summary>
public static class RankingCsv
{
    /// <summary>The header row.</summary>
    private const string Header =
        "position,place,code,score,mean,median,top_scores,spread,judges,level,computed_level,flags,override_reason";

    /// <summary>The index of the judges' field in a row: it and the fields after it are text.</summary>
    private const int JudgesField = 8;

    private static readonly RankFlags[] NamedFlags =
    [
        RankFlags.Tie, RankFlags.BoundaryTie, RankFlags.Disputed, RankFlags.DisputedAtBoundary,
        RankFlags.Overridden, RankFlags.BelowMinimum, RankFlags.ResolvedByOrganizer, RankFlags.ShortOfScores, RankFlags.EarlierRound,
    ];

    /// <summary>Writes the ranking. The writer's encoding decides the bytes (UTF-8 without BOM is usual).</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="ranking">The ranking.</param>
    /// <param name="entryCodes">The entries' anonymous codes; an entry without one shows its id.</param>
    /// <param name="levelNames">The levels' names by rank; a level without one shows its rank.</param>
    public static void Write(
        TextWriter writer,
        Ranking ranking,
        IReadOnlyDictionary<int, string> entryCodes,
        IReadOnlyDictionary<int, string> levelNames)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(ranking);
        ArgumentNullException.ThrowIfNull(entryCodes);
        ArgumentNullException.ThrowIfNull(levelNames);

        writer.Write(Header + "\n");
        var row = new StringBuilder();
        foreach (var entry in ranking.Entries.OrderBy(e => e.Position))
        {
            row.Clear();
            string[] fields =
            [
                Integer(entry.Position),
                Integer(entry.Place),
                entryCodes.TryGetValue(entry.EntryId, out var code) ? code : Integer(entry.EntryId),
                Number(entry.Score),
                Number(entry.Mean),
                Number(entry.Median),
                Integer(entry.TopScores),
                Number(entry.Spread),
                string.Join(';', entry.Judges.Select(j => $"{j.Judge}:{Number(j.Raw)}/{Number(j.Normalized)}")),
                LevelName(entry.Level, levelNames),
                LevelName(entry.ComputedLevel, levelNames),
                string.Join('|', NamedFlags.Where(f => entry.Flags.HasFlag(f)).Select(f => f.ToString())),
                entry.OverrideReason ?? string.Empty,
            ];
            for (var i = 0; i < fields.Length; i++)
            {
                if (i > 0)
                {
                    row.Append(',');
                }

                // From the judges on the fields are typed text (names, level names, the reason); before them numbers and codes.
                row.Append(i >= JudgesField ? CsvField.Text(fields[i]) : CsvField.Quote(fields[i]));
            }

            writer.Write(row.Append('\n').ToString());
        }
    }

    private static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string LevelName(int? rank, IReadOnlyDictionary<int, string> levelNames) =>
        rank is int r ? levelNames.TryGetValue(r, out var name) ? name : Integer(r) : string.Empty;

}
