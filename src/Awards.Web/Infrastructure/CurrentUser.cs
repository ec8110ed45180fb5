using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Infrastructure;

/// <summary>
/// The signed-in account, read from the database once per request. The unit comes from here
/// and not from a cookie claim, so that moving a coordinator to another unit takes effect at once.
/// </summary>
public sealed class CurrentUser(AwardsDbContext db, IHttpContextAccessor http)
{
    private AppUser? _user;
    private bool _loaded;

    public async Task<AppUser?> GetAsync(CancellationToken cancellationToken = default)
    {
        if (!_loaded && http.HttpContext?.User.UserId() is int id)
        {
            _user = await db.Users.AsNoTracking().Include(u => u.Unit).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
            _loaded = true;
        }

        return _user;
    }

    public async Task<int?> UnitIdAsync(CancellationToken cancellationToken = default) =>
        (await GetAsync(cancellationToken))?.UnitId;
}
