using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Leader;

/// <summary>
/// The awards and themes the signed-in member of the leading group reads (ADR 0018): those an
/// organizer chose for them, or every one when none was chosen. Read once a request.
/// </summary>
public sealed class LeaderScope(AwardsDbContext db, SiteContext site, IHttpContextAccessor http)
{
    private IReadOnlySet<int>? _tracks;
    private bool _read;

    /// <summary>The ids of the tracks they read; null for all of them.</summary>
    public async Task<IReadOnlySet<int>?> TrackIdsAsync(CancellationToken cancellationToken)
    {
        if (!_read)
        {
            var userId = http.HttpContext?.User.UserId();
            var ids = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.LeaderTrackIds).FirstOrDefaultAsync(cancellationToken);
            _tracks = ids is null or { Count: 0 } ? null : ids.ToHashSet();
            _read = true;
        }

        return _tracks;
    }

    public async Task<bool> ReadsAsync(int trackId, CancellationToken cancellationToken) =>
        (await TrackIdsAsync(cancellationToken)).Holds(trackId);

    /// <summary>
    /// The documents they may download: the statistics are the Outstanding Organization Award's
    /// evidence (each unit's essays, prizes and points), so only with that award.
    /// </summary>
    public async Task<IReadOnlyList<string>> DocumentsAsync(CancellationToken cancellationToken)
    {
        if (await TrackIdsAsync(cancellationToken) is not { } ids)
        {
            return LeaderDocuments.Kinds;
        }

        var unitAward = (await site.CurrentContestAsync(cancellationToken))?.Tracks.Any(t => t.Kind == TrackKind.UnitAward && ids.Contains(t.Id)) == true;
        return [.. LeaderDocuments.Kinds.Where(k => unitAward || k != Exports.ExportKinds.Statistics)];
    }
}
