using Awards.Core.Contests;
using Awards.Core.Tracks;

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
public sealed class ContestChanges(ContestCache cache) : RowChanges
{
    // Owned types (the schedule, a track's limits) count as their owner's rows (RowChanges).
    private static readonly HashSet<Type> ContestTypes = [typeof(ContestEdition), typeof(Track), typeof(AwardLevel), typeof(RubricCriterion), typeof(JudgingRound)];

    protected override bool Copies(Type type) => ContestTypes.Contains(type);

    protected override void Invalidate() => cache.Invalidate();
}
