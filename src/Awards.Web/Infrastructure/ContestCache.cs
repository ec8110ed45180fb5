using Awards.Core.Contests;
using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Awards.Web.Infrastructure;

/// <summary>
/// The current contest with its tracks, levels, rubrics and rounds, shared by every request until
/// one of them changes. Every page needs it (the layout shows the contest and its phases), and
/// reading it took five queries and most of a small page's time (docs/PERFORMANCE.md). The site is
/// the only writer of these rows while it runs (seed and generate need an empty database, restore
/// refuses a running site), so a save through the site's DbContext is the only thing that can
/// make the copy stale: <see cref="ContestChanges"/> sees it and moves the version on. The copy is
/// read without tracking and never changed: whoever changes the contest loads its own tracked rows.
/// </summary>
public sealed class ContestCache
{
    private long _version;
    private Snapshot? _snapshot;

    public long Version => Interlocked.Read(ref _version);

    public ContestEdition? Get(long version) =>
        Volatile.Read(ref _snapshot) is { } snapshot && snapshot.Version == version ? snapshot.Contest : null;

    /// <summary>Keeps a contest read at <paramref name="version"/>; a change since then makes it a miss, never stale.</summary>
    public void Keep(long version, ContestEdition contest) => Volatile.Write(ref _snapshot, new Snapshot(version, contest));

    public void Invalidate() => Interlocked.Increment(ref _version);

    private sealed record Snapshot(long Version, ContestEdition Contest);
}

/// <summary>Moves the contest cache's version on around every save that touches the contest's own rows.</summary>
public sealed class ContestChanges(ContestCache cache) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> ContestTypes = [typeof(ContestEdition), typeof(Track), typeof(AwardLevel), typeof(RubricCriterion), typeof(JudgingRound)];

    // The contexts whose save changed contest rows and whose second move of the version is still due.
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
        foreach (var changes in interceptors?.OfType<ContestChanges>() ?? [])
        {
            changes.Ended(context);
        }
    }

    // Before the write, so that a request reading the contest while it is saved cannot keep the
    // old rows under the new version; after it, so that nobody keeps what was read in between.
    // Inside an explicit transaction the rows are visible to others only when it commits, so the
    // second move waits for TransactionEnded.
    private void Before(DbContext? context)
    {
        if (context is not null && TracksContestRows(context.ChangeTracker)
            && context.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && ContestTypes.Contains(e.Metadata.ClrType)))
        {
            _pending.AddOrUpdate(context, this);
            cache.Invalidate();
        }
    }

    // Whether the context tracks any of the contest's rows at all, read without scanning every
    // tracked entity for changes: SaveChanges scans them itself right after the interceptors, and
    // the saves that track none (every judge's score among them) need no second scan. A new row of
    // the contest is added to the context, or hangs from a tracked one (a round added to a track).
    private static bool TracksContestRows(ChangeTracker tracker)
    {
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries().Any(e => ContestTypes.Contains(e.Metadata.ClrType));
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private void Ended(DbContext context)
    {
        if (_pending.Remove(context))
        {
            cache.Invalidate();
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
