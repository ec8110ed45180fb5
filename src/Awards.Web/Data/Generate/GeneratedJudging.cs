using Awards.Core.Contests;
using Awards.Core.Judging;
using Awards.Core.Scoring;
using Awards.Core.Tracks;

namespace Awards.Web.Data.Generate;

/// <summary>
/// The first round of every judged track of a generated contest: the whole judge pool on its
/// panel, assignments from <see cref="Assigner.Plan"/> (k judges per entry, never a judge of the
/// entry's unit), and every assignment scored and submitted through <see cref="Score.Record"/>.
/// An entry has a quality and a judge a severity, so totals spread as real panels' do.
/// </summary>
internal sealed class GeneratedJudging(AwardsDbContext db, Random random, DateTime now)
{
    private const int Batch = 5_000;

    public async Task<(int Assignments, int Scores)> AssignAndScoreAsync(ContestEdition contest, List<GeneratedEntry> entries, List<AppUser> judges, CancellationToken cancellationToken)
    {
        var quality = entries.ToDictionary(e => e.Id, _ => Gaussian(0.72, 0.09));
        var severity = judges.ToDictionary(j => j.Id, _ => Gaussian(0, 0.04));
        var panel = judges.Select(j => new PanelJudge(j.Id, j.UnitId)).ToList();
        var total = 0;
        foreach (var track in contest.Tracks.Where(t => t.Kind != TrackKind.UnitAward).OrderBy(t => t.SortOrder))
        {
            var round = track.Rounds.OrderBy(r => r.Sequence).First();
            var criteria = track.Criteria.OrderBy(c => c.Order).ToList();
            db.PanelMembers.AddRange(judges.Select(j => new PanelMember(round.Id, j.Id)));
            var candidates = entries.Where(e => e.TrackId == track.Id).Select(e => new CandidateEntry(e.Id, e.UnitId, [])).ToList();
            var plan = Assigner.Plan(candidates, panel, [], round.JudgesPerEntry, random.Next());
            foreach (var chunk in plan.Added.Chunk(Batch))
            {
                foreach (var pair in chunk)
                {
                    var assignment = new JudgeAssignment(round.Id, pair.EntryId, pair.JudgeId, now);
                    var values = criteria.ToDictionary(c => c.Id, c => (decimal?)Value(c, quality[pair.EntryId] + severity[pair.JudgeId]));
                    assignment.ScoreOrNew().Record(criteria, values, comment: null, submit: true, expectedVersion: 0, round, now);
                    db.Assignments.Add(assignment);
                    db.Entry(assignment).Property(a => a.QueueKey).CurrentValue = random.Next(int.MaxValue);
                }

                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            total += plan.Added.Count;
        }

        return (total, total);
    }

    /// <summary>A whole-point value on the criterion's scale around <paramref name="mean"/> (a share of the scale).</summary>
    private decimal Value(RubricCriterion criterion, double mean)
    {
        var share = Math.Clamp(mean + Gaussian(0, 0.06), 0, 1);
        return Math.Round(criterion.MinScore + (decimal)share * (criterion.MaxScore - criterion.MinScore));
    }

    private double Gaussian(double mean, double deviation)
    {
        // Box–Muller on the seeded random.
        var u = 1.0 - random.NextDouble();
        var v = random.NextDouble();
        return mean + deviation * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
    }
}
