using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Announcements;

/// <summary>What the public reads: an edition's published announcements, pinned first, then newest first.</summary>
public static class PublishedAnnouncements
{
    /// <summary>How many the contest page shows.</summary>
    public const int OnContestPage = 5;

    public static IQueryable<Announcement> Query(AwardsDbContext db, int contestId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Announcements.AsNoTracking()
            .Where(a => a.ContestEditionId == contestId && a.PublishedAt != null)
            .OrderByDescending(a => a.Pinned)
            .ThenByDescending(a => a.PublishedAt)
            .ThenByDescending(a => a.Id);
    }
}
