using Awards.Core.Identity;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Entries;

/// <summary>Who hears of a unit's nominations and prizes by mail: its coordinators whose address is confirmed and whose account is on.</summary>
public static class UnitCoordinators
{
    public static async Task<List<MailReader>> ReadersAsync(AwardsDbContext db, int unitId, CancellationToken cancellationToken) =>
        [.. (await ByUnitAsync(db, [unitId], cancellationToken))[unitId]];

    /// <summary>The coordinators of several units at once (the winners of a unit award), by unit.</summary>
    public static async Task<ILookup<int, MailReader>> ByUnitAsync(AwardsDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        var readers = await (await OfUnitsAsync(db, unitIds, cancellationToken))
            .Select(u => new { UnitId = u.UnitId!.Value, Reader = new MailReader(u.Email!, u.DisplayName, u.Language) })
            .ToListAsync(cancellationToken);
        return readers.ToLookup(r => r.UnitId, r => r.Reader);
    }

    /// <summary>The coordinators of the units who can be reached (address confirmed, account turned on), in the order they joined.</summary>
    public static async Task<IQueryable<AppUser>> OfUnitsAsync(AwardsDbContext db, IReadOnlyCollection<int> unitIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var role = await db.Roles.Where(r => r.Name == Roles.UnitCoordinator).Select(r => r.Id).FirstAsync(cancellationToken);
        return db.Users.AsNoTracking()
            .Where(u => u.UnitId != null && unitIds.Contains(u.UnitId.Value) && u.EmailConfirmed && u.DeactivatedAt == null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role))
            .OrderBy(u => u.Id);
    }
}

/// <summary>Someone a mail goes to: the address, the name it greets, and the language it is written in.</summary>
public sealed record MailReader(string Email, string Name, string? Language);
