namespace Awards.Core.Ranking;

/// <summary>A track's entries in order, with their levels.</summary>
/// <param name="Entries">Every scored entry, by position.</param>
/// <param name="Levels">Every level of the settings, by rank.</param>
/// <param name="QualifiedCount">How many entries reach the minimum score.</param>
public sealed record Ranking(IReadOnlyList<RankedEntry> Entries, IReadOnlyList<LevelFill> Levels, int QualifiedCount)
{
    /// <summary>Whether a tie still straddles a cut, for the organizer to order.</summary>
    public bool HasUnresolvedBoundaryTies => Entries.Any(e => e.Flags.HasFlag(RankFlags.BoundaryTie));

    /// <summary>The prizes nobody got, over all levels.</summary>
    public int UnfilledPrizes => Levels.Sum(l => l.Unfilled);
}
