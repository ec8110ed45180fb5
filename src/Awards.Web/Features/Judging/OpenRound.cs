using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Judging;

/// <summary>
/// A round's closing as the database has it now. The round a request checks first comes from the
/// contest's cache, read before the write lock; a score written under the lock asks again, so a
/// round an organizer closed meanwhile (or whose time ran out while the save waited for the lock)
/// takes no score after its close.
/// </summary>
internal static class OpenRound
{
    /// <summary>Throws "This round is already closed." unless the round is open at <paramref name="utcNow"/>; call it inside the write transaction.</summary>
    public static async Task EnsureAsync(AwardsDbContext db, int roundId, DateTime utcNow, CancellationToken cancellationToken)
    {
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.Id == roundId)
            .Select(r => new { r.ClosedAt, r.ClosesAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null || round.ClosedAt is not null || utcNow >= round.ClosesAt)
        {
            throw new DomainException("This round is already closed.");
        }
    }
}
