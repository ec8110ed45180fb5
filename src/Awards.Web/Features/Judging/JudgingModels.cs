using Awards.Core.Judging;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Judging;

public sealed record RoundSummary(Track Track, JudgingRound Round, int Panel, int Entries, int Assignments, int Submitted)
{
    /// <summary>Submitted nominations of the award not screened yet: they go to judges only once accepted (first round only).</summary>
    public int AwaitingScreening { get; init; }
}

/// <summary>A judge the panel can have; Pending: invited, and the invitation not accepted yet (they cannot sign in to judge).</summary>
public sealed record JudgeOption(int Id, string Name, string Email, string? Unit, bool OnPanel, bool Pending = false);

/// <summary>A judge's progress in a round, with their mean total beside the panel's (severity or leniency).</summary>
public sealed record JudgeProgress(int JudgeId, string Name, int Assigned, int Submitted, decimal? Mean, decimal? PanelMean, decimal? Spread)
{
    public decimal? Deviation => Mean is decimal m && PanelMean is decimal p ? Math.Round(m - p, 2) : null;
}

public sealed record ShortEntry(string Code, int Submitted, int Assigned);

public sealed record RoundPage(
    Track Track,
    JudgingRound Round,
    bool Closed,
    bool CanAssign,
    int Entries,
    IReadOnlyList<JudgeOption> Judges,
    IReadOnlyList<JudgeProgress> Progress,
    IReadOnlyList<ShortEntry> Lacking,
    AssignmentPlan? Preview,
    int? PreviewSeed,
    IReadOnlyList<DisputedEntry> Disputed,
    decimal Threshold,
    JudgingRound? Previous,
    bool CanShortlist,
    EntryJudges? Lookup)
{
    /// <summary>When the judges who had not finished were last reminded by mail.</summary>
    public DateTime? LastReminder { get; init; }

    /// <summary>The reminders the site sends by itself before the round closes: those that went, and the next.</summary>
    public Reminders.AutomaticReminders? Automatic { get; init; }

    /// <summary>Judges are assigned in the round: a later round's shortlist has gone on to it.</summary>
    public bool HasAssignments { get; init; }

    public int Behind => Progress.Count(p => p.Submitted < p.Assigned);
}

/// <summary>An entry whose judges disagree: its code and the totals given.</summary>
public sealed record DisputedEntry(string Code, IReadOnlyList<decimal> Totals, decimal Range);

public sealed record ImportPage(Track Track, JudgingRound Round, IReadOnlyList<string>? Errors);

public sealed record AssignedJudge(int Id, string Name, bool Scored);

/// <summary>An entry's judges in a round: who, and whether they have scored.</summary>
public sealed record EntryJudges(string Code, IReadOnlyList<AssignedJudge> Judges);

/// <summary>
/// An entry of the round before on the shortlist preview: its code and title as judges see them,
/// its line in the ranking, the judges it was given there (its submitted scores are the ranked
/// line's judges), and whether it goes on, tied with the last place past the cut or not.
/// </summary>
public sealed record ShortlistRow(string Code, string Title, Awards.Core.Ranking.RankedEntry Ranked, int Assigned, bool GoesOn, bool TiedAtCut)
{
    public bool ShortOfScores => Ranked.Flags.HasFlag(Awards.Core.Ranking.RankFlags.ShortOfScores);

    public bool BelowMinimum => Ranked.Flags.HasFlag(Awards.Core.Ranking.RankFlags.BelowMinimum);
}

/// <summary>How many entries a judge would hold after the shortlist's assignment.</summary>
public sealed record JudgeLoad(string Name, int Entries);

/// <summary>
/// What shortlisting would do, before it is done: the round before's ranking cut at its shortlist
/// (every entry that goes on, the first <see cref="ShortlistSetup.CutShown"/> cut, and every entry
/// short of scores), the entries that could not be ranked, and the assignment of this round.
/// </summary>
public sealed record ShortlistPreview(
    Track Track,
    JudgingRound Round,
    JudgingRound Previous,
    Awards.Core.Ranking.AggregationMethod Method,
    decimal? MinimumScore,
    IReadOnlyList<ShortlistRow> Rows,
    int Ranked,
    int GoingOn,
    IReadOnlyList<string> Unscored,
    AssignmentPlan Plan,
    IReadOnlyList<JudgeLoad> Loads,
    IReadOnlyList<string> ShortOfJudges,
    IReadOnlyList<string> Unassignable,
    int Prizes,
    int Seed,
    bool AlreadyAssigned,
    bool CanConfirm)
{
    /// <summary>The fingerprint of what is shown; the confirmation carries it back.</summary>
    public string Stamp { get; init; } = string.Empty;

    public int Cut => Ranked - GoingOn;

    public int CutNotShown => Cut - Rows.Count(r => !r.GoesOn);

    public IReadOnlyList<ShortlistRow> ShortOfScores => [.. Rows.Where(r => r.ShortOfScores)];

    /// <summary>Some entries were ranked on fewer scores than judges given, or not at all: the organizer confirms that they have seen it.</summary>
    public bool Incomplete => Unscored.Count > 0 || Rows.Any(r => r.ShortOfScores);

    /// <summary>The next round alone cannot give every prize.</summary>
    public bool FewerThanPrizes => GoingOn < Prizes;
}
