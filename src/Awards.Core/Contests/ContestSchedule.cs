using Awards.Core.Common;

namespace Awards.Core.Contests;

/// <summary>
/// The phase dates of an edition, all in UTC. The order is enforced: submissions open, then
/// close, judging closes, the public notice runs for a period, then results are final.
/// </summary>
public sealed record ContestSchedule(
    DateTime SubmissionOpensAt,
    DateTime SubmissionClosesAt,
    DateTime JudgingClosesAt,
    DateTime NoticeStartsAt,
    DateTime NoticeEndsAt)
{
    public ContestSchedule Validated() => FirstOutOfOrder() is null
        ? this
        : throw new DomainException("The contest dates must be in order: submission opens, submission closes, judging closes, notice starts, notice ends.");

    /// <summary>Where in <see cref="Dates"/> the first date before the one above it stands; null when they are in order.</summary>
    public int? FirstOutOfOrder()
    {
        var dates = Dates;
        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i].At < dates[i - 1].At)
            {
                return i;
            }
        }

        return null;
    }

    public ContestPhase PhaseAt(DateTime utcNow) => utcNow switch
    {
        _ when utcNow < SubmissionOpensAt => ContestPhase.NotYetOpen,
        _ when utcNow < SubmissionClosesAt => ContestPhase.Submission,
        _ when utcNow < JudgingClosesAt => ContestPhase.Judging,
        _ when utcNow < NoticeStartsAt => ContestPhase.Ranking,
        _ when utcNow < NoticeEndsAt => ContestPhase.Notice,
        _ => ContestPhase.Final,
    };

    /// <summary>
    /// The notice period the schedule announces, in whole days (rounded to the nearest day, so a
    /// notice from 9:00 on the 10th to 18:00 on the 17th is 8 days), which publishing a track's results
    /// proposes; null when it lies outside <paramref name="min"/> to <paramref name="max"/> days.
    /// </summary>
    public int? NoticeDays(int min, int max) =>
        (int)Math.Round((NoticeEndsAt - NoticeStartsAt).TotalDays, MidpointRounding.AwayFromZero) is var days && days >= min && days <= max ? days : null;

    public bool AcceptsSubmissions(DateTime utcNow) => PhaseAt(utcNow) == ContestPhase.Submission;

    /// <summary>Throws the message an entrant sees when they try to change an entry outside the submission window.</summary>
    public void EnsureAcceptsSubmissions(DateTime utcNow)
    {
        if (!AcceptsSubmissions(utcNow))
        {
            throw new DomainException(utcNow < SubmissionOpensAt
                ? "Submissions are not open yet."
                : "The submission deadline has passed; entries can no longer change.");
        }
    }

    /// <summary>The five dates in order, each with its name (a key of the site's localizer).</summary>
    public IReadOnlyList<(string Label, DateTime At)> Dates =>
    [
        ("Submissions open", SubmissionOpensAt),
        ("Submissions close", SubmissionClosesAt),
        ("Judging closes", JudgingClosesAt),
        ("The public notice starts", NoticeStartsAt),
        ("The public notice ends", NoticeEndsAt),
    ];

    /// <summary>The next date a visitor should count down to (the first still ahead), or null when the contest is over.</summary>
    public (string Label, DateTime At)? NextDeadline(DateTime utcNow) =>
        Dates.Where(d => utcNow < d.At).Select(d => ((string, DateTime)?)d).FirstOrDefault();
}
