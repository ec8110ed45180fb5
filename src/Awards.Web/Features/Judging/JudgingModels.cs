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

    public int Behind => Progress.Count(p => p.Submitted < p.Assigned);
}

/// <summary>An entry whose judges disagree: its code and the totals given.</summary>
public sealed record DisputedEntry(string Code, IReadOnlyList<decimal> Totals, decimal Range);

public sealed record ImportPage(Track Track, JudgingRound Round, IReadOnlyList<string>? Errors);

public sealed record AssignedJudge(int Id, string Name, bool Scored);

/// <summary>An entry's judges in a round: who, and whether they have scored.</summary>
public sealed record EntryJudges(string Code, IReadOnlyList<AssignedJudge> Judges);
