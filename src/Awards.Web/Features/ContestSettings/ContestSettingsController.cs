using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.ContestSettings;

/// <summary>
/// The organizer's settings of the running edition: move a deadline (extend the submissions by a
/// week, say), change who issues the notices and certificates, rewrite the public rules. Every
/// page reads the edition through the contest cache, which a save here moves on (ContestChanges).
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/contest")]
public sealed class ContestSettingsController(AwardsDbContext db, SiteContext site, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await site.CurrentContestAsync(cancellationToken) is { } contest
            ? View(ContestSettingsForm.From(contest))
            : View("NoContest");

    [HttpPost("")]
    public async Task<IActionResult> Save(ContestSettingsForm form, CancellationToken cancellationToken)
    {
        var schedule = form.Schedule((field, value) => ModelState.AddModelError(field, l["\"{0}\" is not a date and time; use the form 2026-10-17 18:00.", value]));
        if (!ModelState.IsValid || schedule is null)
        {
            return View("Index", form);
        }

        try
        {
            schedule = schedule.Validated();
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, l.Rule(ex));
            if (ContestSettingsForm.FirstOutOfOrder(schedule) is { } field)
            {
                // A screen reader on the date itself hears that it is the one out of order.
                ModelState.AddModelError(field, l["This date is before the date above it."]);
            }

            return View("Index", form);
        }

        var office = form.IssuingOffice();
        var rules = form.Rules();
        string number;
        try
        {
            number = Awards.Core.Contests.DocumentNumber.Normalize(form.DocumentNumber);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(form.DocumentNumber), l.Rule(ex));
            return View("Index", form);
        }

        // The check against the page's stamp and the write in one transaction: two organizers
        // saving at the same moment cannot both pass the check.
        ContestSettingsForm? saved = null;
        var outcome = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var contest = await db.Contests.Where(c => c.IsCurrent).OrderByDescending(c => c.Year).FirstOrDefaultAsync(ct);
            if (contest is null)
            {
                return SavedNow.Outcome.Missing;
            }

            if (schedule == contest.Schedule && office == contest.IssuingOffice && number == contest.DocumentNumber && rules == contest.Rules)
            {
                // Nothing to change: a second click on the same form, or a save without edits.
                return SavedNow.Outcome.Unchanged;
            }

            if (form.Stamp != ContestSettingsForm.StampOf(contest))
            {
                // Someone saved since this page was opened: their change is not overwritten unseen.
                saved = ContestSettingsForm.From(contest);
                return SavedNow.Outcome.Stale;
            }

            var before = ContestSettingsForm.AuditSummary(contest.Schedule, contest.IssuingOffice, contest.DocumentNumber, contest.Rules);
            contest.Reschedule(schedule);
            contest.IssuingOffice = office;
            contest.DocumentNumber = number;
            contest.Rules = rules;
            audit.Record("EditContest", "ContestEdition", contest.Year.ToString(CultureInfo.InvariantCulture), before, ContestSettingsForm.AuditSummary(schedule, office, number, rules));
            return SavedNow.Outcome.Saved;
        }, cancellationToken);

        switch (outcome)
        {
            case SavedNow.Outcome.Missing:
                return View("NoContest");
            case SavedNow.Outcome.Stale:
                SavedNow.KeepForResave(this, form, saved!, l["The contest settings were changed by someone else since you opened this page, so nothing was saved. Under the fields is what is saved now; save again to replace it with what you typed."]);
                return View("Index", form);
            case SavedNow.Outcome.Unchanged:
                TempData["Message"] = l["Nothing was changed."].Value;
                return Redirect("/organizer/contest");
            default:
                TempData["Message"] = l["The contest settings are saved. The contest is now in the phase \"{0}\".", l[Labels.Of(schedule.PhaseAt(site.UtcNow))]].Value;
                return Redirect("/organizer/contest");
        }
    }
}
