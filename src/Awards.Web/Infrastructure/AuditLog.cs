using Awards.Core.Common;
using Awards.Web.Data;

namespace Awards.Web.Infrastructure;

/// <summary>Adds an audit entry to the unit of work; it is saved with the change it records.</summary>
public sealed class AuditLog(AwardsDbContext db, IClock clock, IHttpContextAccessor http)
{
    public void Record(string action, string entityType, string entityKey, string? before = null, string? after = null, int? userId = null)
    {
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.UtcNow,
            UserId = userId ?? CurrentUserId(),
            Action = action,
            EntityType = entityType,
            EntityKey = entityKey,
            Before = before,
            After = after,
        });
    }

    private int? CurrentUserId() =>
        http.HttpContext?.User.UserId();
}
