using System.Globalization;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Core.Scoring.Sheets;
using Awards.Web.Data;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Cli;

/// <summary>
/// <c>rank</c>: the site's ranking, from a scores sheet instead of the database's scores, so that
/// anyone with the sheet can check published results. The track's rubric, quotas, aggregation,
/// minimum score, overrides and tie orders come from the database; <c>--method</c> and
/// <c>--minimum</c> try other settings without changing anything.
/// </summary>
internal static class RankCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var code = arguments.Required("--track");
        var path = arguments.Required("--scores");
        var db = services.GetRequiredService<AwardsDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var contest = await services.GetRequiredService<SiteContext>().CurrentContestAsync();
        var track = contest?.Tracks.FirstOrDefault(t => t.Code == code)
            ?? throw new ArgumentException($"there is no track '{code}'; tracks: {string.Join(", ", contest?.Tracks.Select(t => t.Code) ?? [])}");
        if (!File.Exists(path))
        {
            throw new ArgumentException($"the file '{path}' does not exist");
        }

        var result = await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == track.Id) ?? new TrackResult(track.Id);
        var settings = TrackResults.Settings(track, result, services.GetRequiredService<IOptions<AwardsOptions>>().Value.Judging.DisagreementThreshold);
        settings = settings with
        {
            Method = arguments.Value("--method") is { } method ? ParseMethod(method) : settings.Method,
            MinimumScore = arguments.Value("--minimum") is { } minimum ? ParseMinimum(minimum) : settings.MinimumScore,
        };

        ScoreSheet sheet;
        await using (var stream = File.OpenRead(path))
        {
            sheet = ScoreSheetReader.Read(stream, Path.GetFileName(path), ScoreImport.Columns(track), SheetLimits.Default);
        }

        var criteria = track.Criteria.OrderBy(c => c.Order).ToList();
        var errors = sheet.Errors.Select(e => string.Format(CultureInfo.InvariantCulture, e.MessageKey, [.. e.Arguments])).ToList();
        errors.AddRange(sheet.Rows.Where(r => criteria.Any(c => !r.Values.ContainsKey(c.Id) || !c.Accepts(r.Values[c.Id])))
            .Select(r => $"Row {r.Line}: every criterion needs a score within its range."));
        if (errors.Count > 0)
        {
            foreach (var error in errors)
            {
                await output.WriteLineAsync("error: " + error);
            }

            return 1;
        }

        // Entries known to the database keep their ids (overrides and tie orders refer to them); others get ids of their own.
        var codes = sheet.Rows.Select(r => r.EntryCode).Distinct().ToList();
        var ids = await db.Entries.Where(e => e.TrackId == track.Id && codes.Contains(e.Code)).Select(e => new { e.Code, e.Id }).ToDictionaryAsync(e => e.Code, e => e.Id);
        foreach (var unknown in codes.Where(c => !ids.ContainsKey(c)))
        {
            ids[unknown] = -1 - ids.Count;
        }

        var scores = sheet.Rows.Select(r => new JudgeScore(ids[r.EntryCode], r.Judge, Score.WeightedTotal(criteria, r.Values))).ToList();
        var overrides = result.Id == 0
            ? []
            : await db.ResultOverrides.Where(o => o.TrackResultId == result.Id).OrderBy(o => o.Id).Select(o => new EntryOverride(o.EntryId, o.LevelRank, o.Reason)).ToListAsync();
        var ranking = Ranker.Rank(scores, settings, overrides, result.TieOrder);
        RankingCsv.Write(output, ranking, ids.ToDictionary(kv => kv.Value, kv => kv.Key), TrackResults.LevelNames(track));
        return 0;
    }

    private static AggregationMethod ParseMethod(string value) => value switch
    {
        "raw-mean" => AggregationMethod.RawMean,
        "trimmed-mean" => AggregationMethod.TrimmedMean,
        "z-score" => AggregationMethod.ZScore,
        _ => throw new ArgumentException($"--method must be raw-mean, trimmed-mean or z-score, not '{value}'"),
    };

    private static decimal? ParseMinimum(string value) =>
        value == "none" ? null
        : decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var minimum) ? minimum
        : throw new ArgumentException($"--minimum must be a number or 'none', not '{value}'");
}
