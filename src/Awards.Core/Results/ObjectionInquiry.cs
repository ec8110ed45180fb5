using Awards.Core.Common;

namespace Awards.Core.Results;

/// <summary>
/// The organizer's request, while an objection about a named entry is open, for a response from
/// whoever answers for that entry (核实说明): its unit's coordinators for a nomination, its author
/// for an essay. They read the objection's text (never who raised it), and write one response
/// before <see cref="RespondBy"/>; a late one is refused (ADR 0019), and the organizer may ask again.
/// </summary>
public class ObjectionInquiry
{
    public const int MaxResponseLength = 2_000;

    /// <summary>The longest time the organizer can give: the results wait on the objection meanwhile.</summary>
    public const int MaxDays = 30;

    private ObjectionInquiry(int objectionId, int entryId, DateTime respondBy, int byUserId, DateTime utcNow)
    {
        ObjectionId = objectionId;
        EntryId = entryId;
        RespondBy = respondBy;
        AskedByUserId = byUserId;
        AskedAt = utcNow;
    }

    private ObjectionInquiry()
    {
    }

    public int Id { get; private set; }

    public int ObjectionId { get; private set; }

    /// <summary>The entry the objection names: who may respond follows from it.</summary>
    public int EntryId { get; private set; }

    public DateTime AskedAt { get; private set; }

    public int AskedByUserId { get; private set; }

    /// <summary>The last moment a response is taken.</summary>
    public DateTime RespondBy { get; private set; }

    public string? Response { get; private set; }

    public DateTime? RespondedAt { get; private set; }

    public int? RespondedByUserId { get; private set; }

    public bool IsAnswered => RespondedAt is not null;

    /// <summary>Waiting for its response: not answered and not past its time.</summary>
    public bool IsPendingAt(DateTime utcNow) => !IsAnswered && utcNow <= RespondBy;

    /// <summary>
    /// Asks for a response to <paramref name="objection"/>, about its entry <paramref name="entryId"/>:
    /// only while it is open, only when it names an entry, and not while an earlier request waits.
    /// </summary>
    public static ObjectionInquiry Ask(Objection objection, int? entryId, IEnumerable<ObjectionInquiry> earlier, DateTime respondBy, int byUserId, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(objection);
        ArgumentNullException.ThrowIfNull(earlier);
        if (objection.IsResolved)
        {
            throw new DomainException("This objection is already resolved: nobody can be asked about it any more.");
        }

        if (objection.EntryCode is null || entryId is not int entry)
        {
            throw new DomainException("This objection names no entry, so there is nobody to ask for a response.");
        }

        if (earlier.FirstOrDefault(i => i.ObjectionId == objection.Id && i.IsPendingAt(utcNow)) is { } pending)
        {
            throw new DomainException("A response to this objection was already asked for and is due by {0}: wait for it, or for that time to pass.", pending.RespondBy);
        }

        if (respondBy <= utcNow || respondBy > utcNow.AddDays(MaxDays))
        {
            throw new DomainException("The time to respond by must be in the future and at most {0} days from now.", MaxDays);
        }

        return new ObjectionInquiry(objection.Id, entry, respondBy, byUserId, utcNow);
    }

    /// <summary>
    /// The entrant's response, once, by its time, while the objection is open. A late response is
    /// refused rather than kept with a mark: the organizer set the time to decide by it, and can ask again.
    /// </summary>
    public void Respond(Objection objection, string text, int byUserId, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(objection);
        if (IsAnswered)
        {
            throw new DomainException("A response to this request was already given; it cannot be changed.");
        }

        if (objection.IsResolved)
        {
            throw new DomainException("The organizer has already decided this objection, so no response is taken any more.");
        }

        if (utcNow > RespondBy)
        {
            throw new DomainException("The time to respond ended on {0}, so the response was not taken. Please contact the organizer.", RespondBy);
        }

        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("Please write your response.");
        }

        if (trimmed.Length > MaxResponseLength)
        {
            throw new DomainException("{0} can have at most {1} characters.", "Response", MaxResponseLength);
        }

        Response = trimmed;
        RespondedAt = utcNow;
        RespondedByUserId = byUserId;
    }
}
