using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Tracks;
using Awards.Core.Uploads;

namespace Awards.Core.Entries;

/// <summary>
/// A nomination or an essay in a track. State changes go through the methods below, which guard
/// the deadline and the allowed transitions; anything else throws a <see cref="DomainException"/>.
/// </summary>
public class Entry
{
    private readonly List<Attachment> _attachments = [];

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

    /// <summary>
    /// For an entry returned after submissions closed: until when its entrant may still correct it
    /// and submit it again, while every other entry stays closed. Null: the contest's deadline holds.
    /// </summary>
    public DateTime? ResubmitBy { get; private set; }

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

    /// <summary>
    /// The random key of the form that created this entry: a second click on "save" finds the
    /// entry the first click made instead of creating another.
    /// </summary>
    public string? CreationKey { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    /// <summary>
    /// The place this entry holds in its unit's quota for the track (1 to the per-unit limit),
    /// from submission until withdrawal. A unique index on track, unit and slot makes the limit
    /// hold even when two coordinators submit at the same moment.
    /// </summary>
    public int? UnitSlot { get; private set; }

    /// <summary>The same for the owner's quota (one essay per author per theme).</summary>
    public int? OwnerSlot { get; private set; }

    /// <summary>
    /// What judges read (SECURITY.md §1): the title and text with the entrant's identity redacted,
    /// set whenever a submitted entry's text changes. Null until the entry is first submitted.
    /// </summary>
    public string? JudgeTitle { get; private set; }

    /// <inheritdoc cref="JudgeTitle"/>
    public string? JudgeBody { get; private set; }

    /// <summary>How many identity marks the judge rendition carries; above 0 the organizer sees a flag.</summary>
    public int RedactionCount { get; private set; }

    /// <summary>When the author confirmed the originality declaration (essays).</summary>
    public DateTime? DeclaredOriginalAt { get; private set; }

    /// <summary>Supporting files (nominations) or the uploaded original (essays); the organizer and the entrant see them, judges never.</summary>
    public IReadOnlyList<Attachment> Attachments => _attachments;

    public int Length => TextLength.Count(Body);

    public bool IsEditable => Status is EntryStatus.Draft or EntryStatus.Submitted or EntryStatus.Returned;

    public void SetCreationKey(string key)
    {
        if (CreationKey is not null || string.IsNullOrWhiteSpace(key) || key.Length > 40)
        {
            throw new DomainException("The operation is not allowed.");
        }

        CreationKey = key;
    }

    /// <summary>An author who changes unit takes their drafts along; a submitted entry stays with the unit it counted for.</summary>
    public void MoveToUnit(int unitId)
    {
        if (Status != EntryStatus.Draft)
        {
            throw new DomainException("An entry that is {0} can no longer be edited.", Status);
        }

        UnitId = unitId;
    }

    /// <summary>
    /// The organizer corrects the unit an essay counts for, whatever its status: its author's unit
    /// was wrong. (An author who changes unit themselves takes only drafts along: <see cref="MoveToUnit"/>.)
    /// </summary>
    public void CorrectUnit(int unitId) => UnitId = unitId;

    /// <summary>The author declares the essay their own original, unpublished work.</summary>
    public void DeclareOriginal(bool declared, DateTime utcNow)
    {
        if (Track.Kind != TrackKind.Essay)
        {
            throw new DomainException("The operation is not allowed.");
        }

        DeclaredOriginalAt = declared ? DeclaredOriginalAt ?? utcNow : null;
    }

    /// <summary>Stores the judge rendition that the anonymizer built from the current title and text.</summary>
    public void SetJudgeRendition(string title, string body, int redactions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(redactions);
        JudgeTitle = title;
        JudgeBody = body;
        RedactionCount = redactions;
    }

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
        EnsureChangeable(schedule, utcNow);
        Title = title;
        Body = body;
        UpdatedAt = utcNow;
    }

    /// <summary>
    /// Submits a draft or resubmits a returned entry. <paramref name="taken"/> are the quota slots
    /// the other entries of this track already hold for the same unit and owner; an entry that
    /// already holds a slot (a returned one) keeps it.
    /// </summary>
    public void Submit(ContestSchedule schedule, DateTime utcNow, TakenSlots taken)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(taken);
        EnsureOpen(schedule, utcNow);
        if (Status is not (EntryStatus.Draft or EntryStatus.Returned))
        {
            throw new DomainException("Only a draft or a returned entry can be submitted.");
        }

        EnsureComplete();
        var unitSlot = UnitSlot ?? TakeSlot(Track.Limits.PerUnit, taken.ByUnit, EntryMessages.UnitLimitReached);
        var ownerSlot = OwnerSlot ?? TakeSlot(Track.Limits.PerAuthor, taken.ByOwner, EntryMessages.OwnerLimitReached);
        UnitSlot = unitSlot;
        OwnerSlot = ownerSlot;
        Status = EntryStatus.Submitted;
        StatusReason = null;
        ResubmitBy = null;
        SubmittedAt = utcNow;
        UpdatedAt = utcNow;
    }

    /// <summary>
    /// What a submission needs: a title, a text within the track's length limits, the originality
    /// declaration (essays) and the nominee (nominations). Checked when submitting, and again when a
    /// submitted entry is edited, so an entry never stays submitted without them.
    /// </summary>
    public void EnsureComplete()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new DomainException("The title is required.");
        }

        var length = Length;
        if (!Track.Limits.LengthFits(length))
        {
            throw new DomainException("The text is {0} long; it must be {1} to {2} (a Chinese character or an English word counts as one).", length, Track.Limits.MinLength, Track.Limits.MaxLength);
        }

        if (Track.Kind == TrackKind.Essay && DeclaredOriginalAt is null)
        {
            throw new DomainException("Confirm the originality declaration before submitting.");
        }

        if (Track.Kind == TrackKind.Nomination && Nominee is null && NomineeUnitId is null)
        {
            throw new DomainException("Describe the nominee before submitting.");
        }
    }

    public void Withdraw(ContestSchedule schedule, DateTime utcNow)
    {
        EnsureOpen(schedule, utcNow);
        if (Status is EntryStatus.Withdrawn or EntryStatus.Disqualified)
        {
            throw new DomainException("This entry is already {0}.", Status);
        }

        Status = EntryStatus.Withdrawn;
        UnitSlot = null;
        OwnerSlot = null;
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

    /// <summary>
    /// Sends the entry back with a reason. <paramref name="resubmitBy"/>, when given, lets its
    /// entrant correct and submit this one entry again until then, also after the contest's
    /// deadline; it must lie in the future.
    /// </summary>
    public void Return(string reason, DateTime utcNow, DateTime? resubmitBy = null)
    {
        if (Status is not (EntryStatus.Submitted or EntryStatus.Accepted))
        {
            throw new DomainException("Only a submitted or accepted entry can be returned.");
        }

        var why = RequireReason(reason);
        if (resubmitBy is DateTime by && by <= utcNow)
        {
            throw new DomainException("The date to submit it again by must be in the future.");
        }

        StatusReason = why;
        ResubmitBy = resubmitBy;
        Status = EntryStatus.Returned;
        UpdatedAt = utcNow;
    }

    /// <summary>
    /// Takes back a return or a disqualification made in error: the entry is judged again. A
    /// nomination goes to Accepted, since the organizer who reinstates it has screened it (back to
    /// Submitted it would sit outside judging until accepted in a second step); an essay, which
    /// needs no screening, goes to Submitted. It must still be complete: a returned entry may have
    /// been edited since. Returns the trimmed reason, which the history keeps.
    /// </summary>
    public string Reinstate(string reason, DateTime utcNow)
    {
        if (Status is not (EntryStatus.Returned or EntryStatus.Disqualified))
        {
            throw new DomainException("Only a returned or disqualified entry can be reinstated; {0} is {1}.", Code, Status);
        }

        var why = RequireReason(reason);
        EnsureComplete();
        Status = Track.Kind == TrackKind.Nomination ? EntryStatus.Accepted : EntryStatus.Submitted;
        StatusReason = null;
        ResubmitBy = null;
        UpdatedAt = utcNow;
        return why;
    }

    /// <summary>
    /// Whether the entrant can change the entry at <paramref name="utcNow"/> as far as time goes:
    /// inside the contest's submission window, or a returned entry before its own date to submit again.
    /// </summary>
    public bool AcceptsChangesAt(ContestSchedule schedule, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.AcceptsSubmissions(utcNow) || (Status == EntryStatus.Returned && ResubmitBy > utcNow);
    }

    /// <summary>When the entrant's changes close: the contest's deadline, or a returned entry's later date to submit again.</summary>
    public DateTime ChangesCloseAt(ContestSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return Status == EntryStatus.Returned && ResubmitBy is DateTime by && by > schedule.SubmissionClosesAt ? by : schedule.SubmissionClosesAt;
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

    /// <summary>Attaches a file that <see cref="FileInspector"/> has already checked.</summary>
    public Attachment Attach(string fileName, FileKind kind, long length, string sha256, AttachmentLimits limits, ContestSchedule schedule, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(limits);
        EnsureChangeable(schedule, utcNow);
        if (_attachments.Count >= limits.MaxFiles)
        {
            throw new DomainException("An entry can have at most {0} attachments.", limits.MaxFiles);
        }

        if (_attachments.Sum(a => a.Length) + length > limits.MaxTotalBytes)
        {
            throw new DomainException("The attachments of an entry can total at most {0} MB.", limits.MaxTotalBytes / (1024 * 1024));
        }

        if (_attachments.Any(a => a.Sha256 == sha256))
        {
            throw new DomainException("This file is already attached.");
        }

        var attachment = new Attachment(this, fileName, kind, length, sha256, utcNow);
        _attachments.Add(attachment);
        UpdatedAt = utcNow;
        return attachment;
    }

    public void Detach(Attachment attachment, ContestSchedule schedule, DateTime utcNow)
    {
        EnsureChangeable(schedule, utcNow);
        if (!_attachments.Remove(attachment))
        {
            throw new DomainException("The attachment was not found.");
        }

        UpdatedAt = utcNow;
    }

    /// <summary>Refuses a change once submissions are closed, or to an entry whose status no longer allows one.</summary>
    public void EnsureChangeable(ContestSchedule schedule, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        EnsureOpen(schedule, utcNow);
        if (!IsEditable)
        {
            throw new DomainException("An entry that is {0} can no longer be edited.", Status);
        }
    }

    private static int? TakeSlot(int? limit, IReadOnlyCollection<int> taken, string fullMessage)
    {
        if (limit is not int max)
        {
            return null;
        }

        for (var slot = 1; slot <= max; slot++)
        {
            if (!taken.Contains(slot))
            {
                return slot;
            }
        }

        throw new DomainException(fullMessage, max);
    }

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new DomainException("A reason is required.") : reason.Trim();

    private void EnsureOpen(ContestSchedule schedule, DateTime utcNow)
    {
        if (AcceptsChangesAt(schedule, utcNow))
        {
            return;
        }

        if (Status == EntryStatus.Returned && ResubmitBy is DateTime ended && utcNow >= schedule.SubmissionOpensAt)
        {
            throw new DomainException("The time to correct this entry and submit it again ended on {0}.", ended);
        }

        schedule.EnsureAcceptsSubmissions(utcNow);
    }
}
