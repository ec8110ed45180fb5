using System.Diagnostics.CodeAnalysis;

namespace Awards.Core.Ranking;

/// <summary>What the organizer should know about a ranked entry.</summary>
[Flags]
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "The agreed name of the ranking's flags.")]
public enum RankFlags
{
    None = 0,

    /// <summary>
    /// Equal with a neighbour on score, median and top scores, and not ordered by the organizer's
    /// tie order: the two share a place.
    /// </summary>
    Tie = 1,

    /// <summary>
    /// In a tie whose members get different levels by their positions (one of them possibly none):
    /// the organizer has to decide, by the tie order.
    /// </summary>
    BoundaryTie = 2,

    /// <summary>The judges' raw totals differ by more than the dispute threshold.</summary>
    Disputed = 4,

    /// <summary>Disputed, qualified and right next to a cut between levels (or after the last prize).</summary>
    DisputedAtBoundary = 8,

    /// <summary>The organizer set the level by hand.</summary>
    Overridden = 16,

    /// <summary>The score is below the minimum score: no prize by rank.</summary>
    BelowMinimum = 32,

    /// <summary>Equal with a neighbour on score, median and top scores, and ordered by the organizer's tie order.</summary>
    ResolvedByOrganizer = 64,

    /// <summary>Fewer judges submitted a score than were given the entry: its score rests on fewer opinions than its neighbours'.</summary>
    ShortOfScores = 128,

    /// <summary>
    /// Ranked on the scores of a round before the ranked one (it did not go on to that round): it
    /// is placed below every entry of the later rounds and fills only the prizes they left.
    /// </summary>
    EarlierRound = 256,
}
