using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Awards.Core.Uploads;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Nominations;

/// <summary>
/// What coordinators and the organizer do to nominations. Callers authorize first (the entry is
/// theirs); every method records the change in the journal and saves it with the change. Broken
/// rules surface as <see cref="DomainException"/>s with a localizable message.
/// </summary>
public sealed class Nominations(
    AwardsDbContext db,
    SiteContext site,
    EntryWorkflow workflow,
    IOptions<AwardsOptions> options,
    MailOutbox outbox,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The kinds of supporting file a nomination takes.</summary>
    public static readonly FileKind[] AttachmentKinds = [FileKind.Docx, FileKind.Pdf, FileKind.Jpeg, FileKind.Png];

    /// <summary>A nomination by its code, with its track and attachments, tracked for changes.</summary>
    public Task<Entry?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        workflow.FindAsync(code, TrackKind.Nomination, cancellationToken);

    /// <summary>The units a coordinator may nominate as an organisation: their own and the units under it.</summary>
    public async Task<IReadOnlyList<Unit>> NomineeUnitsAsync(int unitId, CancellationToken cancellationToken = default)
    {
        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var result = new List<Unit>();
        var frontier = new Queue<int>([unitId]);
        while (frontier.TryDequeue(out var id))
        {
            result.AddRange(units.Where(u => u.Id == id));
            foreach (var child in units.Where(u => u.ParentId == id))
            {
                frontier.Enqueue(child.Id);
            }
        }

        return [.. result.Where(u => u.CanBeNominatedAsOrganisation)];
    }

    /// <summary>Adds the errors the attributes cannot express: which nominee fields the track needs.</summary>
    public void Validate(Track track, NominationForm form, ModelStateDictionary modelState)
    {
        const string Prefix = "Form.";
        if (track.Entrant == Entrant.Individual)
        {
            Require(form.NomineeName, "NomineeName", "Please enter the nominee's name.");
            Require(form.NomineeGender?.ToString(), "NomineeGender", "Please choose the nominee's gender.");
            Require(form.NomineeBirthYear?.ToString(System.Globalization.CultureInfo.InvariantCulture), "NomineeBirthYear", "Please enter the nominee's year of birth.");
            Require(form.NomineePosition, "NomineePosition", "Please enter the nominee's unit and position.");
            Require(form.NomineeContact, "NomineeContact", "Please enter how to contact the nominee.");
        }
        else
        {
            Require(form.NomineeUnit, "NomineeUnit", "Please choose the nominated unit.");
        }

        // Each field says what it needs in a sentence of its own: "Please enter {0}." read oddly with the labels.
        void Require(string? value, string field, string message)
        {
            if (string.IsNullOrWhiteSpace(value) && modelState.GetFieldValidationState(Prefix + field) != ModelValidationState.Invalid)
            {
                modelState.AddModelError(Prefix + field, l[message]);
            }
        }
    }

    public async Task<Entry> CreateAsync(Track track, AppUser coordinator, NominationForm form, Unit? nomineeUnit, CancellationToken cancellationToken = default)
    {
        var unitId = coordinator.UnitId ?? throw new DomainException("Your account has no unit. Ask the organizer to set it.");
        return await workflow.CreateOnceAsync(
            track.Id,
            coordinator.Id,
            unitId,
            form.Title.Trim(),
            Normalize(form.Deeds),
            form.FormKey,
            entry => entry.DescribeNominee(NomineeOf(entry.Track, form), entry.Track.Entrant == Entrant.Organisation ? nomineeUnit?.Id : null, NullIfBlank(form.Opinion)),
            cancellationToken);
    }

    /// <summary>Saves the form into the nomination; false when it changed after the form was opened (nothing is saved).</summary>
    public async Task<bool> EditAsync(Entry entry, NominationForm form, Unit? nomineeUnit, CancellationToken cancellationToken = default)
    {
        var contest = await site.CurrentContestAsync(cancellationToken) ?? throw new DomainException("There is no current contest.");
        return await workflow.EditAsync(
            entry,
            form.Version,
            () =>
            {
                entry.Edit(form.Title.Trim(), Normalize(form.Deeds), contest.Schedule, site.UtcNow);
                entry.DescribeNominee(NomineeOf(entry.Track, form), entry.Track.Entrant == Entrant.Organisation ? nomineeUnit?.Id : null, NullIfBlank(form.Opinion));
            },
            cancellationToken);
    }

    /// <summary>Returns the nomination with a reason; <paramref name="resubmitBy"/> (after the deadline) lets its unit submit it again until then.</summary>
    public async Task ReturnAsync(Entry entry, string reason, DateTime? resubmitBy = null, CancellationToken cancellationToken = default)
    {
        await workflow.ReturnAsync(entry, reason, resubmitBy, ct => QueueReturnedAsync(entry, ct), cancellationToken);
    }

    /// <summary>The unit's coordinators hear of the return by mail, saved with it, with the date it can still be submitted again by, if any.</summary>
    private async Task QueueReturnedAsync(Entry entry, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken) ?? throw new DomainException("There is no current contest.");
        var closes = contest.Schedule.SubmissionClosesAt;
        var open = contest.Schedule.AcceptsSubmissions(site.UtcNow);
        await TellUnitAsync(
            entry,
            () => l["Nomination {0} was returned", entry.Code],
            () => l["The organizer returned the nomination “{0}” ({1}) with this reason:", entry.Title, entry.Code],
            entry.StatusReason,
            link => entry.ResubmitBy is DateTime by && (!open || by > closes)
                ? l["You can correct it and submit it again until {0}, a date the organizer set for this nomination alone: {1}", SiteTime.Format(entry.ChangesCloseAt(contest.Schedule)), link]
                : open
                    ? l["You can correct it and submit it again until submissions close on {0}: {1}", SiteTime.Format(closes), link]
                    : l["Submissions closed on {0}, so it cannot be submitted again; ask the organizer if the reason can be met. The nomination: {1}", SiteTime.Format(closes), link],
            $"the return of nomination {entry.Code}",
            cancellationToken);
    }

    /// <summary>
    /// Reinstates a returned or disqualified nomination (accepted for judging again) with a reason
    /// its unit's coordinators are mailed, saved with it; see <see cref="EntryWorkflow.ReinstateAsync"/>.
    /// </summary>
    public Task<Reinstatement> ReinstateAsync(Entry entry, string reason, CancellationToken cancellationToken = default) =>
        workflow.ReinstateAsync(
            entry,
            reason,
            ct => TellUnitAsync(
                entry,
                () => l["Nomination {0} was reinstated", entry.Code],
                () => l["The organizer reinstated the nomination “{0}” ({1}) with this reason:", entry.Title, entry.Code],
                reason.Trim(),
                link => l["It is accepted for judging again. The nomination: {0}", link],
                $"the reinstatement of nomination {entry.Code}",
                ct),
            cancellationToken);

    /// <summary>
    /// Disqualifies the nomination with a reason its unit's coordinators are mailed, saved with it
    /// (as for an essay's author); returns whether it is among the proposed winners on notice.
    /// </summary>
    public Task<bool> DisqualifyAsync(Entry entry, string reason, CancellationToken cancellationToken = default) =>
        workflow.DisqualifyAsync(
            entry,
            reason,
            ct => TellUnitAsync(
                entry,
                () => l["Nomination {0} was disqualified", entry.Code],
                () => l["The organizer disqualified the nomination “{0}” ({1}) with this reason:", entry.Title, entry.Code],
                entry.StatusReason,
                link => l["The nomination: {0}", link],
                $"the disqualification of nomination {entry.Code}",
                ct),
            cancellationToken);

    /// <summary>
    /// A decision on a nomination with its reason, in a mail to each coordinator of its unit in
    /// their own language: the subject, the opening line, the reason, and a closing line with the
    /// nomination's link; put in the outbox to be saved with the decision.
    /// </summary>
    private async Task TellUnitAsync(Entry entry, Func<LocalizedString> subject, Func<LocalizedString> opening, string? reason, Func<string, LocalizedString> closing, string what, CancellationToken cancellationToken)
    {
        var recipients = await UnitCoordinators.ReadersAsync(db, entry.UnitId, cancellationToken);
        var link = $"{options.Value.PublicUrl.TrimEnd('/')}/nominations/{entry.Code}";
        outbox.Add(
            recipients.Select(to => Cultures.In(to.Language, () => new OutgoingMail(
                to.Email,
                subject(),
                string.Join("\n\n", l["Hello {0},", to.Name], opening(), reason, closing(link))))),
            what);
    }

    private static Nominee? NomineeOf(Track track, NominationForm form) =>
        track.Entrant == Entrant.Individual
            ? new Nominee(form.NomineeName!.Trim(), form.NomineeGender!.Value, form.NomineeBirthYear!.Value, form.NomineePosition!.Trim(), form.NomineeContact!.Trim())
            : null;

    private static string? NullIfBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}
