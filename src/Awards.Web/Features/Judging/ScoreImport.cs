using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Core.Scoring.Sheets;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Judging;

/// <summary>The outcome of an import: how many scores were saved, or every row's error and nothing saved.</summary>
public sealed record ImportResult(int Imported, IReadOnlyList<string> Errors);

/// <summary>
/// Scores that judges gave on paper, imported from an .xlsx or .csv sheet (entry code, judge,
/// one column per criterion, optional comment). Every row is checked against the round (the
/// entry is in it, the judge is assigned to it, each score within its criterion's range) before
/// anything is written; one bad row and nothing is imported. The good case is one transaction.
/// </summary>
public sealed class ScoreImport(AwardsDbContext db, SiteContext site, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    private const int WriteChunk = 1_000;

    public static IReadOnlyList<SheetCriterion> Columns(Track track) =>
        [.. track.Criteria.OrderBy(c => c.Order).Select(c => new SheetCriterion(c.Id, [c.Name.Zh, c.Name.En]))];

    public async Task<ImportResult> ImportAsync(Track track, JudgingRound round, Stream content, string fileName, CancellationToken cancellationToken)
    {
        if (round.IsClosedAt(site.UtcNow))
        {
            throw new DomainException("This round is already closed.");
        }

        var sheet = ScoreSheetReader.Read(content, fileName, Columns(track), SheetLimits.Default);
        if (!sheet.IsValid)
        {
            return new ImportResult(0, [.. sheet.Errors.Select(e => l[e.MessageKey, [.. e.Arguments]].Value)]);
        }

        var criteria = track.Criteria.OrderBy(c => c.Order).ToList();
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            // The round was read before the sheet, which can take seconds: an organizer may have
            // closed it meanwhile, and a closed round's scores are final.
            await OpenRound.EnsureAsync(db, round.Id, site.UtcNow, ct);
            var codes = sheet.Rows.Select(r => r.EntryCode).Distinct().ToList();
            var emails = sheet.Rows.Select(r => r.Judge.ToUpperInvariant()).Distinct().ToList();
            var entries = await db.Entries.Where(e => e.TrackId == track.Id && codes.Contains(e.Code)).Select(e => new { e.Id, e.Code, e.Status }).ToDictionaryAsync(e => e.Code, ct);
            var judges = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => new { u.Id, u.NormalizedEmail }).ToDictionaryAsync(u => u.NormalizedEmail!, u => u.Id, ct);
            var entryIds = entries.Values.Select(e => e.Id).ToList();
            // Read without tracking: the rows are tracked a chunk at a time when they are written.
            var assignments = (await db.Assignments.AsNoTracking().Include(a => a.Score).Where(a => a.RoundId == round.Id && entryIds.Contains(a.EntryId)).ToListAsync(ct))
                .ToDictionary(a => (a.EntryId, a.JudgeUserId));

            var errors = new List<string>();
            var plan = new List<(JudgeAssignment Assignment, SheetRow Row)>();
            foreach (var row in sheet.Rows)
            {
                if (!entries.TryGetValue(row.EntryCode, out var entry))
                {
                    errors.Add(l[JudgingMessages.RowUnknownEntry, row.Line, row.EntryCode].Value);
                    continue;
                }

                // A judge's page no longer opens a withdrawn or disqualified entry; a sheet does not score it either.
                if (entry.Status is not (EntryStatus.Submitted or EntryStatus.Accepted))
                {
                    errors.Add(l[JudgingMessages.RowNotInJudging, row.Line, row.EntryCode].Value);
                    continue;
                }

                var entryId = entry.Id;

                var assignment = judges.TryGetValue(row.Judge.ToUpperInvariant(), out var judgeId) ? assignments.GetValueOrDefault((entryId, judgeId)) : null;
                if (assignment is null)
                {
                    errors.Add(l[JudgingMessages.RowNotAssigned, row.Line, row.EntryCode, row.Judge].Value);
                    continue;
                }

                // What Score.Record refuses, found here with the row's number, so that every bad row is named at once.
                foreach (var c in criteria.Where(c => row.Values.ContainsKey(c.Id)))
                {
                    var value = row.Values[c.Id];
                    if (!c.Accepts(value))
                    {
                        errors.Add(l[JudgingMessages.RowOutOfRange, row.Line, c.Name.ForCurrentCulture(), c.MinScore, c.MaxScore].Value);
                    }
                    else if (value != decimal.Round(value, 2))
                    {
                        errors.Add(l[JudgingMessages.RowTooPrecise, row.Line, c.Name.ForCurrentCulture()].Value);
                    }
                }

                if (row.Comment is { Length: > Score.MaxCommentLength })
                {
                    errors.Add(l[JudgingMessages.RowCommentTooLong, row.Line, Score.MaxCommentLength].Value);
                }

                plan.Add((assignment, row));
            }

            if (errors.Count > 0)
            {
                // Nothing is written: the transaction ends without a change.
                return new ImportResult(0, errors);
            }

            // Saved a chunk at a time inside the one transaction, so that it is still all or nothing:
            // with all 30,000 scores of a province's round and their audit rows tracked at once, EF's
            // change tracker and commands took the site from 156 MB to 473 MB (docs/PERFORMANCE.md).
            foreach (var chunk in plan.Chunk(WriteChunk))
            {
                foreach (var (assignment, row) in chunk)
                {
                    db.Attach(assignment);
                    var score = assignment.ScoreOrNew();
                    score.Record(criteria, row.Values.ToDictionary(v => v.Key, v => (decimal?)v.Value), row.Comment, submit: true, score.Version, round, site.UtcNow);
                    audit.Record("Score imported", "Score", $"{row.EntryCode}/{round.Id}/{assignment.JudgeUserId}", null, $"total={score.Total}; from {fileName}");
                }

                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }

            return new ImportResult(plan.Count, []);
        }, cancellationToken);
    }
}
