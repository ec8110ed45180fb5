using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Moves an in-process cache's version on around every save that adds, changes or deletes one of
/// the rows it copies (<see cref="ContestChanges"/>, <see cref="AccountChanges"/>): before the
/// write and again once other connections can see it. A copy read at an old version is then never
/// served under a new one.
/// </summary>
public abstract class RowChanges : SaveChangesInterceptor
{
    // The contexts whose save changed copied rows and whose second move of the version is still due.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbContext, object> _pending = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Before(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Before(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        After(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => After(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        After(eventData.Context);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Called when an explicit transaction of <paramref name="context"/> has ended (see
    /// <c>ImmediateTransaction</c>): its changes only became visible to other requests now.
    /// </summary>
    public static void TransactionEnded(DbContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var interceptors = context.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        foreach (var changes in interceptors?.OfType<RowChanges>() ?? [])
        {
            changes.Ended(context);
        }
    }

    /// <summary>Whether the cache copies rows of this entity type.</summary>
    protected abstract bool Copies(Type type);

    /// <summary>Moves the cache's version on.</summary>
    protected abstract void Invalidate();

    // Before the write, so that a request reading the rows while they are saved cannot keep the
    // old rows under the new version; after it, so that nobody keeps what was read in between.
    // Inside an explicit transaction the rows are visible to others only when it commits, so the
    // second move waits for TransactionEnded.
    private void Before(DbContext? context)
    {
        if (context is not null && TracksCopiedRows(context.ChangeTracker)
            && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && CopiesRowOf(e.Metadata)))
        {
            _pending.AddOrUpdate(context, this);
            Invalidate();
        }
    }

    // Whether the context tracks any of the copied rows at all, read without scanning every
    // tracked entity for changes: SaveChanges scans them itself right after the interceptors, and
    // the saves that track none (every judge's score among them) need no second scan. A new row
    // is added to the context, or hangs from a tracked one (a round added to a track).
    private bool TracksCopiedRows(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Any(e => CopiesRowOf(e.Metadata));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    // An owned type (a contest's schedule, a track's limits) is kept in its owner's row and copied
    // with it, but EF tracks it as an entry of its own: a change to it is a change to its owner.
    // The contest cache missed such a change twice while its list had to name the owned types.
    private bool CopiesRowOf(IEntityType type)
    {
        while (type.FindOwnership() is { } ownership)
        {
            type = ownership.PrincipalEntityType;
        }

        return Copies(type.ClrType);
    }

    private void Ended(DbContext context)
    {
        if (_pending.Remove(context))
        {
            Invalidate();
        }
    }

    private void After(DbContext? context)
    {
        if (context is not null && context.Database.CurrentTransaction is null)
        {
            Ended(context);
        }
    }
}
