using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net.Mail;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>
/// The mails an objector gets at an e-mail address they gave: a receipt with the reference, and
/// the decision. The objection form is public and anyone can type anyone's address into it, so
/// neither mail carries a word the sender typed (their name, their text): only the award, an
/// entry code that is on the notice, the reference, and what the organizer wrote. Each is written
/// in the language of the page the objection was sent from.
/// </summary>
public sealed class ObjectionMails(IOptions<AwardsOptions> options, IStringLocalizer<SharedResource> l)
{
    private static readonly EmailAddressAttribute AddressFormat = new();

    /// <summary>Whether the contact an objector gave is an e-mail address (and not a phone number) that a mail can go to.</summary>
    public static bool IsAddress(string contact) =>
        contact.Contains('@', StringComparison.Ordinal)
        && !contact.Any(char.IsWhiteSpace)
        && AddressFormat.IsValid(contact)
        && MailAddress.TryCreate(contact, out var address)
        && address.Address == contact;

    public OutgoingMail Receipt(Objection objection, Track track) => Cultures.In(objection.Language, () => new OutgoingMail(
        objection.Contact,
        l["Your objection {0} is received", objection.Reference],
        string.Join(
            "\n\n",
            l["Hello,"],
            About(objection, track, "The organizer received your objection to the proposed winners of {0} on {1}.", "The organizer received your objection to the proposed winner {2} of {0} on {1}."),
            l["Its reference is {0}. Quote it when you contact the organizer. The organizer's decision will be mailed to this address, and you can look the objection up at {1}.", objection.Reference, Link(objection)],
            l["If you did not raise this objection, you can ignore this mail."])));

    public OutgoingMail Outcome(Objection objection, Track track) => Cultures.In(objection.Language, () => new OutgoingMail(
        objection.Contact,
        l["Your objection {0}: {1}", objection.Reference, l[Labels.Of(objection.Outcome!.Value)]],
        string.Join(
            "\n\n",
            l["Hello,"],
            About(objection, track, "Your objection {3} to the proposed winners of {0}, received on {1}, is decided.", "Your objection {3} to the proposed winner {2} of {0}, received on {1}, is decided."),
            l["Outcome: {0}", l[Labels.Of(objection.Outcome!.Value)]],
            l["The organizer's resolution:"] + "\n" + objection.Resolution,
            l["The objection is also at {0}.", Link(objection)])));

    /// <summary>
    /// The organizer's request to an entrant for a response, in the entrant's language. It quotes
    /// nothing of the objection: the entrant reads its text, without who sent it, on the site.
    /// </summary>
    public OutgoingMail ResponseRequest(MailReader reader, Entry entry, Track track, ObjectionInquiry inquiry) => Cultures.In(reader.Language, () => new OutgoingMail(
        reader.Email,
        l["Please respond to an objection about {0} by {1}", entry.Code, SiteTime.Format(inquiry.RespondBy)],
        string.Join(
            "\n\n",
            l["Hello {0},", reader.Name],
            l["During the public notice of {0}, an objection was raised about “{1}” ({2}). The organizer asks you for a written response by {3}.", track.Name.ForCurrentCulture(), entry.Title, entry.Code, SiteTime.Format(inquiry.RespondBy)],
            l["Read the objection and write your response at {0}. A response can be given once; after that time it is no longer taken.", $"{options.Value.PublicUrl.TrimEnd('/')}/objection-responses/{inquiry.Id.ToString(CultureInfo.InvariantCulture)}"])));

    private string About(Objection objection, Track track, string ofTrack, string ofEntry) =>
        l[objection.EntryCode is null ? ofTrack : ofEntry, track.Name.ForCurrentCulture(), SiteTime.Format(objection.CreatedAt), objection.EntryCode ?? string.Empty, objection.Reference];

    private string Link(Objection objection) => $"{options.Value.PublicUrl.TrimEnd('/')}/notice/objections/{objection.Reference}";
}
