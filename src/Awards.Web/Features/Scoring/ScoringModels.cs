using Awards.Core.Scoring;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Scoring;

/// <summary>
/// What a judge sees of an entry: the code, the judge rendition and the rubric. There is no field
/// for the author, the unit, the upload time or a file: a judge page cannot show what it does not
/// have (SECURITY.md §1). The nominee is named only on tracks that are not blind.
/// </summary>
public sealed record JudgeEntryView(
    int RoundId,
    string Code,
    string Track,
    string Round,
    string Title,
    string Body,
    string? Nominee,
    IReadOnlyList<RubricCriterion> Criteria,
    IReadOnlyDictionary<int, decimal> Values,
    string? Comment,
    ScoreStatus? Status,
    decimal? Total,
    int Version,
    int Position,
    int Count,
    int Done,
    string? Previous,
    string? Next,
    bool Closed,
    DateTime ClosesAt)
{
    /// <summary>What the judge typed in a save that was refused, by criterion, shown instead of the saved values.</summary>
    public IReadOnlyDictionary<int, string>? Typed { get; init; }

    /// <summary>The other judges' submitted scores, when the track shows them and this judge has submitted; otherwise null.</summary>
    public IReadOnlyList<PanelScore>? Panel { get; init; }
}

/// <summary>Another judge's submitted score for the same entry, known only by a letter.</summary>
public sealed record PanelScore(string Label, IReadOnlyDictionary<int, decimal> Values, decimal? Total, string? Comment);

public sealed record QueueRow(string Code, string Title, ScoreStatus? Status, decimal? Total);

public sealed record JudgeQueuePage(int RoundId, string Track, string Round, bool Closed, DateTime ClosesAt, IReadOnlyList<QueueRow> Rows)
{
    public int Done => Rows.Count(r => r.Status == ScoreStatus.Submitted);
}

public sealed record JudgeRoundRow(int RoundId, string Track, string Round, DateTime ClosesAt, bool Closed, int Count, int Done);
