using System.Globalization;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Announcements;

/// <summary>
/// The organizer's announcements (通知公告) for the running edition: write one as a draft, publish
/// it on the public site (the contest page shows the latest, /announcements all of them), edit it
/// while it is up, pin it, take it down. One that was never published can be deleted; one that was
/// stays, taken down, so what the public was told is never lost. Every change is audited with the
/// texts in full.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/announcements")]
public sealed class AnnouncementsController(AwardsDbContext db, SiteContext site, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    private const string ListPath = "/organizer/announcements";

    private enum Outcome
    {
        Missing,
        Unchanged,
        Stale,
        Refused,
        Saved,
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        var all = await db.Announcements.AsNoTracking()
            .Where(a => a.ContestEditionId == contest.Id)
            .OrderByDescending(a => a.UpdatedAt)
            .ToListAsync(cancellationToken);
        return View(new AnnouncementListPage(all));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken cancellationToken) =>
        await site.CurrentContestAsync(cancellationToken) is null
            ? View("NoContest")
            : View("Edit", new AnnouncementEditPage(null, new AnnouncementForm { FormKey = Guid.NewGuid().ToString("N") }, null, Stale: false));

    [HttpPost("new")]
    public async Task<IActionResult> Create([Bind(Prefix = "Form")] AnnouncementForm form, bool publish, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        // A form without its key (not one of ours) still works, without the guard against a second click.
        var key = form.FormKey is { Length: 32 } k && k.All(char.IsAsciiHexDigitLower) ? k : Guid.NewGuid().ToString("N");
        if (!Valid(form))
        {
            return View("Edit", new AnnouncementEditPage(null, form with { FormKey = key }, null, Stale: false));
        }

        var now = site.UtcNow;
        Announcement? made = null;
        var outcome = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await db.Announcements.FirstOrDefaultAsync(a => a.CreationKey == key, ct) is { } earlier)
            {
                // The same form twice (a second click): it was made the first time.
                made = earlier;
                return Outcome.Unchanged;
            }

            made = new Announcement
            {
                ContestEditionId = contest.Id,
                Title = form.Title(),
                Body = form.Body(),
                Pinned = form.Pinned,
                CreatedAt = now,
                UpdatedAt = now,
                PublishedAt = publish ? now : null,
                FirstPublishedAt = publish ? now : null,
                CreationKey = key,
            };
            db.Announcements.Add(made);
            await db.SaveChangesAsync(ct);
            var id = made.Id.ToString(CultureInfo.InvariantCulture);
            audit.Record("AddAnnouncement", "Announcement", id, null, AnnouncementForm.AuditSummary(made.Title, made.Body, made.Pinned));
            if (publish)
            {
                audit.Record("PublishAnnouncement", "Announcement", id, null, SiteTime.AuditValue(now));
            }

            return Outcome.Saved;
        }, cancellationToken);

        TempData["Message"] = outcome == Outcome.Unchanged
            ? l["Nothing was changed."].Value
            : made!.IsPublished
                ? l["The announcement \"{0}\" is published on the contest page.", made.Title.ForCurrentCulture()].Value
                : l["The announcement \"{0}\" is saved as a draft. Nobody else sees it until you publish it.", made.Title.ForCurrentCulture()].Value;
        return Redirect(ListPath);
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken) =>
        await FindAsync(id, cancellationToken) is { } announcement
            ? View(new AnnouncementEditPage(id, AnnouncementForm.From(announcement), announcement, Stale: false))
            : NotFound();

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Save(int id, [Bind(Prefix = "Form")] AnnouncementForm form, bool publish, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } shown)
        {
            return NotFound();
        }

        if (!Valid(form))
        {
            return View("Edit", new AnnouncementEditPage(id, form, shown, Stale: false));
        }

        var title = form.Title();
        var body = form.Body();
        var now = site.UtcNow;
        var (outcome, saved) = await ChangeAsync(
            id,
            form.Revision,
            a => a.Title == title && a.Body == body && a.Pinned == form.Pinned && (a.IsPublished || !publish),
            a =>
            {
                if (a.Title != title || a.Body != body || a.Pinned != form.Pinned)
                {
                    var before = AnnouncementForm.AuditSummary(a.Title, a.Body, a.Pinned);
                    a.Title = title;
                    a.Body = body;
                    a.Pinned = form.Pinned;
                    audit.Record("EditAnnouncement", "Announcement", Key(id), before, AnnouncementForm.AuditSummary(title, body, form.Pinned));
                }

                if (publish && !a.IsPublished)
                {
                    a.PublishedAt = now;
                    a.FirstPublishedAt ??= now;
                    audit.Record("PublishAnnouncement", "Announcement", Key(id), null, SiteTime.AuditValue(now));
                }
            },
            cancellationToken);

        switch (outcome)
        {
            case Outcome.Missing:
                return NotFound();
            case Outcome.Stale:
                ModelState.AddModelError(string.Empty, l["This announcement was changed by someone else since you opened this page, so nothing was saved. Below the form is what is saved now; save again to replace it with what you typed."]);
                ModelState.Remove("Form." + nameof(form.Revision));
                return View("Edit", new AnnouncementEditPage(id, form with { Revision = saved!.Revision }, saved, Stale: true));
            case Outcome.Unchanged:
                TempData["Message"] = l["Nothing was changed."].Value;
                break;
            default:
                TempData["Message"] = saved!.IsPublished
                    ? shown.IsPublished
                        ? l["The announcement \"{0}\" is saved; the public site shows the new text.", title.ForCurrentCulture()].Value
                        : l["The announcement \"{0}\" is published on the contest page.", title.ForCurrentCulture()].Value
                    : l["The announcement \"{0}\" is saved as a draft. Nobody else sees it until you publish it.", title.ForCurrentCulture()].Value;
                break;
        }

        return Redirect(ListPath);
    }

    [HttpPost("{id:int}/withdraw")]
    public async Task<IActionResult> Withdraw(int id, CancellationToken cancellationToken)
    {
        // Taking one down needs no check against the page: whatever it says now comes off the site.
        var (outcome, shown) = await ChangeAsync(
            id,
            null,
            a => !a.IsPublished,
            a =>
            {
                audit.Record("WithdrawAnnouncement", "Announcement", Key(id), SiteTime.AuditValue(a.PublishedAt!.Value), null);
                a.PublishedAt = null;
            },
            cancellationToken);

        return outcome switch
        {
            Outcome.Missing => NotFound(),
            Outcome.Unchanged => Told(l["Nothing was changed."].Value),
            _ => Told(l["The announcement \"{0}\" is taken down. It stays in this list and in the audit log; you can publish it again.", shown!.Title.ForCurrentCulture()].Value),
        };
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, int revision, CancellationToken cancellationToken)
    {
        var (outcome, shown) = await ChangeAsync(
            id,
            revision,
            _ => false,
            a =>
            {
                audit.Record("DeleteAnnouncement", "Announcement", Key(id), AnnouncementForm.AuditSummary(a.Title, a.Body, a.Pinned), null);
                db.Announcements.Remove(a);
            },
            cancellationToken,
            refuse: a => a.FirstPublishedAt is not null);

        return outcome switch
        {
            // Deleted already (a second click), or never there.
            Outcome.Missing => Told(l["Nothing was changed."].Value),
            Outcome.Stale => Told(l["This announcement was changed by someone else since you opened the page, so it was not deleted. Read it again first."].Value, id),
            Outcome.Refused => Told(l["An announcement that was once published cannot be deleted, so that what the public was told stays on record. Take it down instead."].Value, id),
            _ => Told(l["The draft \"{0}\" is deleted.", shown!.Title.ForCurrentCulture()].Value),
        };
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);

    // The field checks, and an English title and text written together or not at all.
    private bool Valid(AnnouncementForm form)
    {
        if (form.HalfEnglish() is { } field)
        {
            ModelState.AddModelError("Form." + field, l["Write both the English title and the English text, or neither; English readers then see the Chinese."]);
        }

        return ModelState.IsValid;
    }

    private RedirectResult Told(string message, int? id = null)
    {
        TempData["Message"] = message;
        return Redirect(id is { } i ? $"{ListPath}/{Key(i)}" : ListPath);
    }

    // The current edition's announcement, or null (another edition's id, or none).
    private async Task<Announcement?> FindAsync(int id, CancellationToken cancellationToken) =>
        await site.CurrentContestAsync(cancellationToken) is { } contest
            ? await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.ContestEditionId == contest.Id, cancellationToken)
            : null;

    // Loads the announcement under the write lock. Nothing to do (a second click) comes first; then
    // a change from a page opened on an older revision (revision null: no check) is refused, and
    // so is one that `refuse` forbids; else the change is made and the revision moves on.
    private async Task<(Outcome Outcome, Announcement? Announcement)> ChangeAsync(
        int id,
        int? revision,
        Func<Announcement, bool> unchanged,
        Action<Announcement> change,
        CancellationToken cancellationToken,
        Func<Announcement, bool>? refuse = null)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return (Outcome.Missing, null);
        }

        var now = site.UtcNow;
        return await ImmediateTransaction.RunAsync(db, async ct =>
        {
            if (await db.Announcements.FirstOrDefaultAsync(a => a.Id == id && a.ContestEditionId == contest.Id, ct) is not { } announcement)
            {
                return (Outcome.Missing, (Announcement?)null);
            }

            if (unchanged(announcement))
            {
                return (Outcome.Unchanged, announcement);
            }

            if (revision is { } r && r != announcement.Revision)
            {
                return (Outcome.Stale, announcement);
            }

            if (refuse?.Invoke(announcement) == true)
            {
                return (Outcome.Refused, announcement);
            }

            change(announcement);
            announcement.Revision++;
            announcement.UpdatedAt = now;
            return (Outcome.Saved, announcement);
        }, cancellationToken);
    }
}
