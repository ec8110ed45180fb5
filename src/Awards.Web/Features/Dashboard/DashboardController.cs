using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Dashboard;

/// <summary>One dashboard per role; <c>/dashboard</c> sends each person to theirs.</summary>
[Authorize]
public sealed class DashboardController(AwardsDbContext db, SiteContext site, Scoring.JudgeWork judgeWork, Results.PublicResults results, EntrantReminders reminders, Results.ObjectionResponses responses, IStringLocalizer<SharedResource> l) : Controller
{
    // Every dashboard reads the signed-in person; compiled once, as the judge's dashboard's other
    // queries are (docs/PERFORMANCE.md).
    private static readonly Func<AwardsDbContext, int, Task<AppUser?>> CompiledUser = EF.CompileAsyncQuery(
        (AwardsDbContext db, int id) => db.Users.AsNoTracking().Include(u => u.Unit).FirstOrDefault(u => u.Id == id));

    private static readonly Func<AwardsDbContext, int, IAsyncEnumerable<int>> CompiledPanelRounds = EF.CompileAsyncQuery(
        (AwardsDbContext db, int judgeId) => db.PanelMembers.Where(p => p.JudgeUserId == judgeId).Select(p => p.RoundId));

    [HttpGet("/dashboard")]
    public IActionResult Index() => User switch
    {
        _ when User.IsInRole(Roles.Organizer) => Redirect("/organizer"),
        _ when User.IsInRole(Roles.UnitCoordinator) => Redirect("/coordinator"),
        _ when User.IsInRole(Roles.Judge) => Redirect("/judge"),
        _ when User.IsInRole(Roles.Leader) => Redirect("/leader"),
        _ => Redirect("/author"),
    };

    [HttpGet("/organizer")]
    [Authorize(Roles = Roles.Organizer)]
    public async Task<IActionResult> Organizer(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return View("NoContest");
        }

        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var counts = await db.Entries
            .Where(e => trackIds.Contains(e.TrackId))
            .GroupBy(e => new { e.TrackId, e.Status })
            .Select(g => new { g.Key.TrackId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var tracks = contest.Tracks.OrderBy(t => t.SortOrder)
            .Select(t => new TrackCount(t, counts.Where(c => c.TrackId == t.Id).ToDictionary(c => c.Status, c => c.Count)))
            .ToList();

        var usersByRole = await db.UserRoles
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
            .GroupBy(name => name)
            .Select(g => new { Role = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Role, x => x.Count, cancellationToken);
        var pending = await db.Users.CountAsync(u => u.InvitedAt != null && u.PasswordHash == null, cancellationToken);
        var units = await db.Units.CountAsync(cancellationToken);
        var recent = await db.AuditLog
            .OrderByDescending(a => a.Id)
            .Take(10)
            .Select(a => new AuditRow(a.At, db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(), a.Action, a.EntityType, a.EntityKey))
            .ToListAsync(cancellationToken);

        var mail = await Outbox.OutboxCounts.ReadAsync(db, cancellationToken);
        var phase = contest.Schedule.PhaseAt(site.UtcNow);
        var reminder = phase == ContestPhase.Submission
            ? new ReminderState((await reminders.WaitingAsync(contest, cancellationToken)).Count, await reminders.LastAsync(contest, cancellationToken), await reminders.AutomaticAsync(contest, cancellationToken))
            : null;

        return View(new OrganizerDashboard(contest, phase, tracks, usersByRole, pending, units, recent, mail) { Reminder = reminder });
    }

    /// <summary>Mails the authors and units whose entries are not submitted yet (<see cref="EntrantReminders"/>).</summary>
    [HttpPost("/organizer/remind-entrants")]
    [Authorize(Roles = Roles.Organizer)]
    public async Task<IActionResult> RemindEntrants(CancellationToken cancellationToken)
    {
        try
        {
            var queued = await reminders.RemindAsync(cancellationToken);
            TempData["Message"] = l["Reminder mails queued: {0}. The outgoing mail page shows their delivery.", queued].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect("/organizer");
    }

    [HttpGet("/coordinator")]
    [Authorize(Roles = Roles.UnitCoordinator)]
    public async Task<IActionResult> Coordinator(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var me = await CurrentUserAsync(cancellationToken);
        if (contest is null || me?.Unit is null)
        {
            return View("NoContest");
        }

        var tracks = contest.Tracks.Where(t => t.Kind == TrackKind.Nomination).OrderBy(t => t.SortOrder).ToList();
        var trackIds = tracks.Select(t => t.Id).ToList();
        // Isolation: only this coordinator's unit's nominations are ever read.
        var entries = await db.Entries.AsNoTracking()
            .Where(e => e.UnitId == me.UnitId && trackIds.Contains(e.TrackId))
            .OrderBy(e => e.CreatedAt)
            .Select(e => new { e.TrackId, Row = new EntryRow(e.Code, e.Title, e.Status, e.UpdatedAt, e.SubmittedAt, e.StatusReason, "/nominations/" + e.Code) })
            .ToListAsync(cancellationToken);
        var nominationResults = await results.FinalLevelsAsync([.. entries.Select(e => e.Row.Code)], cancellationToken);
        var model = tracks.Select(t =>
        {
            var rows = entries.Where(e => e.TrackId == t.Id).Select(e => e.Row with { Result = nominationResults.GetValueOrDefault(e.Row.Code) }).ToList();
            // The same entries that hold a quota slot (Entry.UnitSlot).
            var used = rows.Count(r => r.Status is not (EntryStatus.Withdrawn or EntryStatus.Draft));
            return new CoordinatorTrack(t, rows, used, t.Limits.PerUnit);
        }).ToList();

        // The unit's essay authors: who takes part, per theme (PRODUCT.md; the Outstanding Organization Award counts it).
        var essayTracks = contest.Tracks.Where(t => t.Kind == TrackKind.Essay).OrderBy(t => t.SortOrder).ToList();
        var essayTrackIds = essayTracks.Select(t => t.Id).ToList();
        var essays = await db.Entries.AsNoTracking()
            .Where(e => e.UnitId == me.UnitId && essayTrackIds.Contains(e.TrackId) && e.Status != EntryStatus.Draft)
            .OrderBy(e => e.SubmittedAt)
            .Select(e => new { e.TrackId, Row = new ParticipationRow(db.Users.Where(u => u.Id == e.OwnerUserId).Select(u => u.DisplayName).First(), e.Title, e.Status, e.SubmittedAt) })
            .ToListAsync(cancellationToken);
        var participation = essayTracks.Select(t => new ThemeParticipation(t, [.. essays.Where(e => e.TrackId == t.Id).Select(e => e.Row)])).ToList();

        return View(new CoordinatorDashboard(contest, me.Unit.Name.ForCurrentCulture(), contest.Schedule.AcceptsSubmissions(site.UtcNow), model, participation)
        {
            Inquiries = await responses.OfUnitAsync(me.Unit.Id, cancellationToken),
        });
    }

    [HttpGet("/author")]
    [Authorize(Roles = Roles.Author)]
    public async Task<IActionResult> Author(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var me = await CurrentUserAsync(cancellationToken);
        if (contest is null || me is null)
        {
            return View("NoContest");
        }

        var tracks = contest.Tracks.Where(t => t.Kind == TrackKind.Essay).OrderBy(t => t.SortOrder).ToList();
        var trackIds = tracks.Select(t => t.Id).ToList();
        var essays = await db.Entries.AsNoTracking()
            .Where(e => e.OwnerUserId == me.Id && trackIds.Contains(e.TrackId))
            .OrderBy(e => e.CreatedAt)
            .Select(e => new { e.TrackId, Row = new EntryRow(e.Code, e.Title, e.Status, e.UpdatedAt, e.SubmittedAt, e.StatusReason, "/essays/" + e.Code) })
            .ToListAsync(cancellationToken);

        var essayResults = await results.FinalLevelsAsync([.. essays.Select(e => e.Row.Code)], cancellationToken);
        var themes = tracks.Select(t => new AuthorTheme(t, [.. essays.Where(e => e.TrackId == t.Id).Select(e => e.Row with { Result = essayResults.GetValueOrDefault(e.Row.Code) })])).ToList();
        return View(new AuthorDashboard(
            contest,
            me.DisplayName,
            contest.Schedule.AcceptsSubmissions(site.UtcNow),
            themes)
        {
            Inquiries = await responses.OfAuthorAsync(me.Id, cancellationToken),
        });
    }

    [HttpGet("/judge")]
    [Authorize(Roles = Roles.Judge)]
    public async Task<IActionResult> Judge(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var me = await CurrentUserAsync(cancellationToken);
        if (contest is null || me is null)
        {
            return View("NoContest");
        }

        var tracks = contest.Tracks.Where(t => t.Rounds.Count > 0).OrderBy(t => t.SortOrder).ToList();
        var assigned = await judgeWork.RoundsAsync(me.Id, cancellationToken);
        var panels = await CompiledPanelRounds(db, me.Id).ToHashSetAsync(cancellationToken: cancellationToken);
        return View(new JudgeDashboard(contest, me.DisplayName, tracks, assigned, panels));
    }

    private async Task<AppUser?> CurrentUserAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return await CompiledUser(db, User.RequiredUserId());
    }
}
