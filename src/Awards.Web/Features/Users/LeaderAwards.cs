using System.Globalization;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Users;

/// <summary>The awards and themes a member of the leading group reads; none chosen for all of them.</summary>
public sealed record LeaderAwardsForm
{
    public List<int> TrackIds { get; set; } = [];
}

/// <summary>The page that chooses a leader's awards: who, the contest's awards and themes, the ones chosen.</summary>
public sealed record LeaderAwardsPage(int Id, string Email, string Name, IReadOnlyList<(int Id, string Name)> Tracks, IReadOnlyList<int> Chosen);

/// <summary>
/// Which awards and themes a member of the leading group reads (ADR 0018): chosen by an organizer
/// when inviting them and later on their account's page. None chosen means all of them, as every
/// leader read before the choice existed.
/// </summary>
public sealed class LeaderAwards(AwardsDbContext db, SiteContext site, AuditLog audit)
{
    /// <summary>The current contest's awards and themes, in their order.</summary>
    public async Task<IReadOnlyList<(int Id, string Code, string Name)>> TracksAsync(CancellationToken cancellationToken) =>
        (await site.CurrentContestAsync(cancellationToken))?.Tracks.OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => (t.Id, t.Code, t.Name.ForCurrentCulture())).ToList() ?? [];

    /// <summary>The chosen ids, distinct and in order; null when one is not an award or theme of the contest (a stale or tampered form).</summary>
    public async Task<List<int>?> CheckAsync(IEnumerable<int>? trackIds, CancellationToken cancellationToken)
    {
        var chosen = (trackIds ?? []).Distinct().Order().ToList();
        if (chosen.Count == 0)
        {
            return chosen;
        }

        var known = (await TracksAsync(cancellationToken)).Select(t => t.Id).ToHashSet();
        return chosen.All(known.Contains) ? chosen : null;
    }

    /// <summary>The page of a member of the leading group; null for anyone else's id, or an unknown one.</summary>
    public async Task<LeaderAwardsPage?> PageAsync(int userId, IReadOnlyList<int>? chosen, CancellationToken cancellationToken)
    {
        if (await LeaderAsync(userId, cancellationToken) is not { } user)
        {
            return null;
        }

        var tracks = await TracksAsync(cancellationToken);
        return new LeaderAwardsPage(user.Id, user.Email!, user.DisplayName, [.. tracks.Select(t => (t.Id, t.Name))], chosen ?? user.LeaderTrackIds);
    }

    /// <summary>The account, tracked for changes, when it is a member of the leading group.</summary>
    public async Task<AppUser?> LeaderAsync(int userId, CancellationToken cancellationToken)
    {
        var leader = await db.Roles.Where(r => r.Name == Roles.Leader).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.Users.FirstOrDefaultAsync(u => u.Id == userId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == leader), cancellationToken);
    }

    /// <summary>Gives the leader <paramref name="chosen"/> (checked by <see cref="CheckAsync"/>) and records it; false when they already had exactly those.</summary>
    public async Task<bool> ChangeAsync(AppUser user, List<int> chosen, CancellationToken cancellationToken)
    {
        if (user.LeaderTrackIds.SequenceEqual(chosen))
        {
            return false;
        }

        var before = await CodesAsync(user.LeaderTrackIds, cancellationToken);
        user.LeaderTrackIds = chosen;
        audit.Record("LeaderAwards", "User", user.Id.ToString(CultureInfo.InvariantCulture), before, await CodesAsync(chosen, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The awards' codes for the audit log; "all" for none chosen.</summary>
    public async Task<string> CodesAsync(IReadOnlyCollection<int> trackIds, CancellationToken cancellationToken) =>
        trackIds.Count == 0 ? "all"
            : string.Join(" ", await db.Tracks.AsNoTracking().Where(t => trackIds.Contains(t.Id)).OrderBy(t => t.SortOrder).ThenBy(t => t.Id).Select(t => t.Code).ToListAsync(cancellationToken));
}
