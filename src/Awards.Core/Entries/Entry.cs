using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Tracks;

namespace Awards.Core.Entries;

/// <summary>
/// A nomination or an essay in a track. State changes go through the methods below, which guard
/// the deadline and the allowed transitions; anything else throws a <see cref="DomainException"/>.
/// </summary>
public class Entry
{
    public Entry(Track track, string title, string body, int unitId, int ownerUserId, DateTime utcNow)
    {
        Code = EntryCode.New();
        TrackId = track.Id;
        Track = track;
        Title = title;
        Body = body;
        UnitId = unitId;
        OwnerUserId = ownerUserId;
        CreatedAt = utcNow;
        UpdatedAt = utcNow;
        Status = EntryStatus.Draft;
    }

    private Entry()
    {
        Code = string.Empty;
        Title = string.Empty;
        Body = string.Empty;
        Track = null!;
    }

    public int Id { get; private set; }

    /// <summary>The random public code (<see cref="EntryCode"/>); the only id anyone outside sees.</summary>
    public string Code { get; private set; }

    public int TrackId { get; private set; }

    public Track Track { get; private set; }

    public EntryStatus Status { get; private set; }

    /// <summary>Why the entry was returned or disqualified.</summary>
    public string? StatusReason { get; private set; }

    /// <summary>The essay's title, or the nomination's headline (the nominee's name and award).</summary>
    public string Title { get; private set; }

    /// <summary>The canonical Markdown: the essay text, or the nominee's deeds.</summary>
    public string Body { get; private set; }

    /// <summary>The unit the entry counts for: the nominating unit, or the author's unit.</summary>
    public int UnitId { get; private set; }

    /// <summary>The author of an essay, or the coordinator who submitted a nomination.</summary>
    public int OwnerUserId { get; private set; }

    /// <summary>The person nominated (individual nominations only).</summary>
    public Nominee? Nominee { get; private set; }

    /// <summary>The unit nominated (organisation nominations only).</summary>
    public int? NomineeUnitId { get; private set; }

    /// <summary>The recommending unit's opinion (推荐单位意见), nominations only.</summary>
    public string? RecommendationOpinion { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public int Length => TextLength.Count(Body);

    public bool IsEditable => Status is EntryStatus.Draft or EntryStatus.Submitted or EntryStatus.Returned;

    public void DescribeNominee(Nominee? person, int? unitId, string? opinion)
    {
        if (Track.Kind != TrackKind.Nomination)
        {
            throw new DomainException("Only nominations have a nominee.");
        }

        if (Track.Entrant == Entrant.Individual ? person is null || unitId is not null : person is not null || unitId is null)
        {
            throw new DomainException("This award is for {0}: describe the nominee accordingly.", Track.Entrant);
        }

        Nominee = person;
        NomineeUnitId = unitId;
        RecommendationOpinion = opinion;
    }

    public void Edit(string title, string body, ContestSchedule schedule, DateTime utcNow)
    {
        EnsureOpen(schedule, utcNow);
        if (!IsEditable)
        {
            throw new DomainException("An entry that is {0} can no longer be edited.", Status);
        }

        Title = title;
        Body = body;
        UpdatedAt = utcNow;
    }

    public void Submit(ContestSchedule schedule, DateTime utcNow)
    {
        EnsureOpen(schedule, utcNow);
        if (Status is not (EntryStatus.Draft or EntryStatus.Returned))
        {
            throw new DomainException("Only a draft or a returned entry can be submitted.");
        }

        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException("The title is required.");
        }

        var length = Length;
        if (!Track.Limits.LengthFits(length))
        {
            throw new DomainException("The text has {0} characters; this track asks for {1} to {2}.", length, Track.Limits.MinLength, Track.Limits.MaxLength);
        }

        Status = EntryStatus.Submitted;
        StatusReason = null;
        SubmittedAt = utcNow;
        UpdatedAt = utcNow;
    }

    public void Withdraw(ContestSchedule schedule, DateTime utcNow)
    {
        EnsureOpen(schedule, utcNow);
        if (Status is EntryStatus.Withdrawn or EntryStatus.Disqualified)
        {
            throw new DomainException("This entry is already {0}.", Status);
        }

        Status = EntryStatus.Withdrawn;
        UpdatedAt = utcNow;
    }

    public void Accept(DateTime utcNow)
    {
        if (Status != EntryStatus.Submitted)
        {
            throw new DomainException("Only a submitted entry can be accepted.");
        }

        Status = EntryStatus.Accepted;
        UpdatedAt = utcNow;
    }

    public void Return(string reason, DateTime utcNow)
    {
        if (Status is not (EntryStatus.Submitted or EntryStatus.Accepted))
        {
            throw new DomainException("Only a submitted or accepted entry can be returned.");
        }

        StatusReason = RequireReason(reason);
        Status = EntryStatus.Returned;
        UpdatedAt = utcNow;
    }

    public void Disqualify(string reason, DateTime utcNow)
    {
        if (Status is EntryStatus.Draft or EntryStatus.Withdrawn or EntryStatus.Disqualified)
        {
            throw new DomainException("Only a submitted or accepted entry can be disqualified.");
        }

        StatusReason = RequireReason(reason);
        Status = EntryStatus.Disqualified;
        UpdatedAt = utcNow;
    }

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("A reason is required.") : reason.Trim();

    private static void EnsureOpen(ContestSchedule schedule, DateTime utcNow)
    {
        if (!schedule.AcceptsSubmissions(utcNow))
        {
            throw new DomainException(utcNow < schedule.SubmissionOpensAt
                ? "Submissions are not open yet."
                : "The submission deadline has passed; entries can no longer change.");
        }
    }
}
