using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>Per request: the current contest edition, the clock and the site mode.</summary>
public sealed class SiteContext(AwardsDbContext db, IClock clock, IOptions<AwardsOptions> options, ContestCache cache)
{
    private ContestEdition? _contest;

    public DateTime UtcNow => clock.UtcNow;

    public bool IsDemo => options.Value.Mode == SiteMode.Demo;

    /// <summary>
    /// The current edition with its tracks, levels, rubric and rounds: the same for the whole
    /// request, and shared between requests until it changes (<see cref="ContestCache"/>). Read it,
    /// never change it.
    /// </summary>
    public async Task<ContestEdition?> CurrentContestAsync(CancellationToken cancellationToken = default)
    {
        if (_contest is not null)
        {
            return _contest;
        }

        var version = cache.Version;
        _contest = cache.Get(version);
        if (_contest is null)
        {
            _contest = await ReadContestAsync(cancellationToken);
            if (_contest is not null)
            {
                cache.Keep(version, _contest);
            }
        }

        return _contest;
    }

    private Task<ContestEdition?> ReadContestAsync(CancellationToken cancellationToken) =>
        db.Contests
            .AsNoTracking()
            .AsSplitQuery()
            .Include(c => c.Tracks).ThenInclude(t => t.AwardLevels)
            .Include(c => c.Tracks).ThenInclude(t => t.Criteria)
            .Include(c => c.Tracks).ThenInclude(t => t.Rounds)
            .Where(c => c.IsCurrent)
            .OrderByDescending(c => c.Year)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A judging round of the current edition with its track; null when there is no such round.</summary>
    public async Task<(Track Track, JudgingRound Round)?> RoundAsync(int roundId, CancellationToken cancellationToken = default)
    {
        var contest = await CurrentContestAsync(cancellationToken);
        var track = contest?.Tracks.FirstOrDefault(t => t.Rounds.Any(r => r.Id == roundId));
        return track is null ? null : (track, track.Rounds.First(r => r.Id == roundId));
    }
}
