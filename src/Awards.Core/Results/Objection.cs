using Awards.Core.Common;

namespace Awards.Core.Results;

/// <summary>
/// An objection from the public to results on notice (异议), with its reference for the objector
/// and the organizer's decision: an outcome and a written resolution, given once.
/// </summary>
public class Objection
{
    public const int MaxNameLength = 50;

    public const int MaxContactLength = 100;

    public const int MaxTextLength = 2_000;

    public const int MaxResolutionLength = 2_000;

    public const int MaxLanguageLength = 10;

    private const string Hidden = "[…]";

    public Objection(int trackId, string? entryCode, string name, string contact, string text, DateTime utcNow, string? language = null)
    {
        TrackId = trackId;
        Reference = ObjectionReference.New();
        Language = language;
        EntryCode = string.IsNullOrWhiteSpace(entryCode) ? null : entryCode.Trim().ToUpperInvariant();
        Name = name.Trim();
        Contact = contact.Trim();
        Text = text.Trim();
        CreatedAt = utcNow;
    }

    private Objection()
    {
        Reference = string.Empty;
        Name = string.Empty;
        Contact = string.Empty;
        Text = string.Empty;
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    /// <summary>What the objector quotes and looks the objection up by (<see cref="ObjectionReference"/>).</summary>
    public string Reference { get; private set; }

    /// <summary>The language of the page the objection was sent from: the objector's mail is written in it.</summary>
    public string? Language { get; private set; }

    public string? EntryCode { get; private set; }

    public string Name { get; private set; }

    public string Contact { get; private set; }

    public string Text { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>Null while open, and for objections resolved before outcomes were recorded.</summary>
    public ObjectionOutcome? Outcome { get; private set; }

    public string? Resolution { get; private set; }

    public DateTime? ResolvedAt { get; private set; }

    public int? ResolvedByUserId { get; private set; }

    public bool IsResolved => ResolvedAt is not null;

    /// <summary>
    /// The text as an entrant asked for a response reads it: the objector's name and contact are
    /// blotted out wherever they signed it with them, as the fields themselves are never shown.
    /// </summary>
    public string TextWithoutSender()
    {
        var text = Text;
        foreach (var own in new[] { Contact, Name }.Where(s => s.Length >= 2).OrderByDescending(s => s.Length))
        {
            text = text.Replace(own, Hidden, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    /// <summary>Decides the objection, once: the objector may be mailed the decision, and a second one would contradict it.</summary>
    public void Resolve(ObjectionOutcome? outcome, string resolution, int byUserId, DateTime utcNow)
    {
        if (IsResolved)
        {
            throw new DomainException("This objection was already resolved.");
        }

        if (outcome is not { } decided || !Enum.IsDefined(decided))
        {
            throw new DomainException("Please choose the outcome: upheld, partly upheld or dismissed.");
        }

        if (string.IsNullOrWhiteSpace(resolution))
        {
            throw new DomainException("Please enter how the objection was resolved.");
        }

        if (resolution.Trim().Length > MaxResolutionLength)
        {
            throw new DomainException("{0} can have at most {1} characters.", "Resolution", MaxResolutionLength);
        }

        Outcome = decided;
        Resolution = resolution.Trim();
        ResolvedAt = utcNow;
        ResolvedByUserId = byUserId;
    }
}
