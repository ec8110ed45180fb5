using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

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

    /// <summary>When <paramref name="action"/> was last recorded for <paramref name="entityKey"/>, if ever: for the actions that wait a while before they may be done again.</summary>
    public Task<DateTime?> LastAsync(string action, string entityKey, CancellationToken cancellationToken) =>
        LastAsync([action], entityKey, cancellationToken);

    /// <summary>When any of <paramref name="actions"/> was last recorded for <paramref name="entityKey"/>: a reminder sent by hand or by the site itself.</summary>
    public Task<DateTime?> LastAsync(IReadOnlyCollection<string> actions, string entityKey, CancellationToken cancellationToken) =>
        db.AuditLog.Where(a => actions.Contains(a.Action) && a.EntityKey == entityKey).OrderByDescending(a => a.Id).Select(a => (DateTime?)a.At).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// When <paramref name="action"/> was last recorded for <paramref name="entityKey"/>, if that was
    /// less than <paramref name="interval"/> ago: the one rule of the actions that wait a while
    /// before they may be done again (reminders, a new confirmation link).
    /// </summary>
    public Task<DateTime?> WithinAsync(string action, string entityKey, TimeSpan interval, CancellationToken cancellationToken) =>
        WithinAsync([action], entityKey, interval, cancellationToken);

    /// <summary>As <see cref="WithinAsync(string, string, TimeSpan, CancellationToken)"/>, for any of <paramref name="actions"/>.</summary>
    public async Task<DateTime?> WithinAsync(IReadOnlyCollection<string> actions, string entityKey, TimeSpan interval, CancellationToken cancellationToken) =>
        await LastAsync(actions, entityKey, cancellationToken) is DateTime last && clock.UtcNow - last < interval ? last : null;

    private int? CurrentUserId() =>
        http.HttpContext?.User.UserId();
}
