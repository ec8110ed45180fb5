using Awards.Core.Identity;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Entries;

/// <summary>Who hears of a unit's nominations by mail: its coordinators whose address is confirmed and whose account is on.</summary>
public static class UnitCoordinators
{
    public static async Task<List<MailReader>> ReadersAsync(AwardsDbContext db, int unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var role = await db.Roles.Where(r => r.Name == Roles.UnitCoordinator).Select(r => r.Id).FirstAsync(cancellationToken);
        return await db.Users.AsNoTracking()
            .Where(u => u.UnitId == unitId && u.EmailConfirmed && u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.Id)
            .Select(u => new MailReader(u.Email!, u.DisplayName, u.Language))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Someone a mail goes to: the address, the name it greets, and the language it is written in.</summary>
public sealed record MailReader(string Email, string Name, string? Language);
