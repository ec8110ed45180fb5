using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Authorization;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Screening;

/// <summary>The organizer screens submitted nominations: a filtered list, each one's page, accept or return with a reason.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/nominations")]
public sealed class ScreeningController(
    AwardsDbContext db,
    Nominations.Nominations nominations,
    EntryWorkflow workflow,
    EntryQueries queries,
    SiteContext site,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const int PageSize = 50;

    private const int MaxReasonLength = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? track, string? unit, EntryStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return View("NoContest");
        }

        var tracks = contest.Tracks.Where(t => t.Kind == TrackKind.Nomination).OrderBy(t => t.SortOrder).ToList();
        var trackIds = tracks.Where(t => track is null || t.Code == track).Select(t => t.Id).ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Code).ToListAsync(cancellationToken);
        var unitId = units.FirstOrDefault(u => u.Code == unit)?.Id;

        // Drafts are the unit's own business until submitted.
        var query = db.Entries.AsNoTracking()
            .Where(e => trackIds.Contains(e.TrackId) && e.Status != EntryStatus.Draft)
            .Where(e => unitId == null || e.UnitId == unitId)
            .Where(e => status == null || e.Status == status);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Pager.PageCount(total, PageSize));
        var rows = await query
            .OrderByDescending(e => e.SubmittedAt)
            .ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(e => new { e.Code, e.TrackId, e.Title, NomineeName = e.Nominee!.Name, BirthYear = (int?)e.Nominee.BirthYear, e.NomineeUnitId, e.UnitId, e.Status, e.SubmittedAt, Attachments = e.Attachments.Count })
            .ToListAsync(cancellationToken);

        // The nominees named twice (the same name however typed, and birth year) among every award's
        // nominations, not only this page's: every nominee's name and year, a few thousand short rows
        // at most, since spaces and dots (NomineeNames) cannot be compared in SQL.
        List<int> everyAward = [.. tracks.Select(t => t.Id)];
        List<int> years = [.. rows.Where(r => r.BirthYear is not null).Select(r => r.BirthYear!.Value).Distinct()];
        var named = await db.Entries.AsNoTracking()
            .Where(e => everyAward.Contains(e.TrackId) && e.Status != EntryStatus.Draft && years.Contains(e.Nominee!.BirthYear))
            .Select(e => new { e.Nominee!.Name, e.Nominee.BirthYear })
            .ToListAsync(cancellationToken);
        var twice = named.GroupBy(n => (NomineeNames.Key(n.Name), n.BirthYear)).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
        var names = units.ToDictionary(u => u.Id, u => u.Name.ForCurrentCulture());
        var trackNames = tracks.ToDictionary(t => t.Id, t => t.Name.ForCurrentCulture());
        var list = rows.Select(r => new ScreeningRow(
            r.Code,
            trackNames[r.TrackId],
            r.Title,
            r.NomineeName ?? (r.NomineeUnitId is int n ? names[n] : string.Empty),
            names[r.UnitId],
            r.Status,
            r.SubmittedAt,
            r.Attachments)
        {
            PossibleDuplicate = r.NomineeName is not null && r.BirthYear is int year && twice.Contains((NomineeNames.Key(r.NomineeName), year)),
        }).ToList();

        return View(new ScreeningList(
            new ScreeningFilter(track, unit, status, page),
            list,
            total,
            PageSize,
            tracks,
            [.. units.Where(u => u.CanNominate).Select(u => (u.Code, names[u.Id]))]));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is { } entry
            ? View(await queries.ViewAsync(entry, false, $"/organizer/nominations/{entry.Code}/attachments", cancellationToken) with
            {
                SameNominee = await SameNomineeAsync(entry, cancellationToken),
                EarlierPrizes = await EarlierPrizesAsync(entry, cancellationToken),
            })
            : NotFound();

    /// <summary>The other nominations (not drafts) of a nominee with this one's name (however typed, <see cref="NomineeNames"/>) and birth year, in any award.</summary>
    private async Task<IReadOnlyList<SameNominee>> SameNomineeAsync(Entry entry, CancellationToken cancellationToken)
    {
        if (entry.Nominee is not { } nominee || await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return [];
        }

        var tracks = contest.Tracks.Where(t => t.Kind == TrackKind.Nomination).ToDictionary(t => t.Id, t => t.Name.ForCurrentCulture());
        List<int> trackIds = [.. tracks.Keys];
        var others = await db.Entries.AsNoTracking()
            .Where(e => e.Id != entry.Id && trackIds.Contains(e.TrackId) && e.Status != EntryStatus.Draft && e.Nominee!.BirthYear == nominee.BirthYear)
            .OrderBy(e => e.Code)
            .Select(e => new { e.Code, e.TrackId, e.UnitId, e.Status, e.Nominee!.Name })
            .ToListAsync(cancellationToken);
        var key = NomineeNames.Key(nominee.Name);
        others.RemoveAll(o => NomineeNames.Key(o.Name) != key);
        List<int> unitIds = [.. others.Select(o => o.UnitId).Distinct()];
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name.ForCurrentCulture(), cancellationToken);
        return [.. others.Select(o => new SameNominee(o.Code, tracks[o.TrackId], units[o.UnitId], o.Status))];
    }

    /// <summary>
    /// The earlier editions' certificates whose winner has this nominee's name however typed: a
    /// person's, or the nominated unit's for an award given to units. A few hundred a year at most.
    /// </summary>
    private async Task<IReadOnlyList<EarlierPrize>> EarlierPrizesAsync(Entry entry, CancellationToken cancellationToken)
    {
        var name = entry.Nominee?.Name
            ?? (entry.NomineeUnitId is int unitId ? (await db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId, cancellationToken))?.Name.Zh : null);
        if (name is null)
        {
            return [];
        }

        var key = NomineeNames.Key(name);
        var certificates = await db.ArchivedCertificates.AsNoTracking().OrderByDescending(c => c.FinalizedAt).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        return [.. certificates
            .Where(c => NomineeNames.Key(c.Winner.Zh) == key)
            .Select(c => new EarlierPrize(c.Code, c.Contest.ForCurrentCulture(), c.Award.ForCurrentCulture(), c.Level.ForCurrentCulture(), c.Unit.ForCurrentCulture()))];
    }

    [HttpPost("{code}/accept")]
    public async Task<IActionResult> Accept(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (entry.Status == EntryStatus.Accepted)
        {
            return Redirect($"/organizer/nominations/{entry.Code}");
        }

        return await TryAsync(entry, async () =>
        {
            await workflow.AcceptAsync(entry, cancellationToken);
            TempData["Message"] = l["The nomination {0} is accepted for judging.", entry.Code].Value;
        });
    }

    /// <summary>
    /// Accepts the ticked nominations of a list page for judging, all or none: a code that is not a
    /// submitted nomination (unknown, returned, withdrawn…) refuses the whole batch, naming it. One
    /// already accepted (a second click) is left as it is.
    /// </summary>
    [HttpPost("accept")]
    public async Task<IActionResult> AcceptTicked(string[]? codes, string? track, string? unit, EntryStatus? status, int page = 1, CancellationToken cancellationToken = default)
    {
        var back = $"/organizer/nominations?track={Uri.EscapeDataString(track ?? string.Empty)}&unit={Uri.EscapeDataString(unit ?? string.Empty)}&status={status}&page={page}";
        List<string> wanted = [.. (codes ?? []).Select(c => c.Trim().ToUpperInvariant()).Where(c => c.Length > 0).Distinct()];
        if (wanted.Count == 0)
        {
            TempData["Error"] = l["Tick the nominations to accept first."].Value;
            return Redirect(back);
        }

        if (wanted.Count > PageSize)
        {
            TempData["Error"] = l["At most {0} nominations can be accepted at once.", PageSize].Value;
            return Redirect(back);
        }

        var found = await db.Entries.Include(e => e.Track)
            .Where(e => wanted.Contains(e.Code) && e.Track.Kind == TrackKind.Nomination)
            .ToListAsync(cancellationToken);
        var allowed = new List<Entry>();
        foreach (var entry in found)
        {
            if ((await authorization.AuthorizeAsync(User, entry, EntryOperations.Screen)).Succeeded)
            {
                allowed.Add(entry);
            }
        }

        var refused = wanted.Where(c => allowed.FirstOrDefault(e => e.Code == c) is not { Status: EntryStatus.Submitted or EntryStatus.Accepted }).ToList();
        if (refused.Count > 0)
        {
            TempData["Error"] = l["These cannot be accepted, as they are not submitted nominations: {0}. Nothing was changed.", string.Join("、", refused)].Value;
            return Redirect(back);
        }

        var accepting = allowed.Where(e => e.Status == EntryStatus.Submitted).ToList();
        try
        {
            await workflow.AcceptAllAsync(accepting, cancellationToken);
            TempData["Message"] = l["Nominations accepted for judging: {0}.", accepting.Count].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect(back);
    }

    /// <summary>
    /// Returns a nomination to its unit with a reason; after the deadline, with <paramref name="resubmitBy"/>
    /// (China Standard Time, in the future) the unit may correct and submit this one again until then.
    /// </summary>
    [HttpPost("{code}/return")]
    public Task<IActionResult> Return(string code, string? reason, string? resubmitBy, CancellationToken cancellationToken) =>
        WithReasonAsync(code, reason, async (entry, why) =>
        {
            DateTime? by = null;
            if (!string.IsNullOrWhiteSpace(resubmitBy))
            {
                by = SiteTime.TryParseInput(resubmitBy, out var utc)
                    ? utc
                    : throw new DomainException("Give the date to submit it again by as a date and time, such as 2026-10-20 18:00.");
            }

            await nominations.ReturnAsync(entry, why, by, cancellationToken);
            TempData["Message"] = entry.ResubmitBy is DateTime until
                ? l["The nomination {0} is returned to its unit with your reason; the unit can submit it again until {1}.", entry.Code, SiteTime.Format(until)].Value
                : l["The nomination {0} is returned to its unit with your reason.", entry.Code].Value;
        }, cancellationToken);

    /// <summary>
    /// Takes back a return or a disqualification made in error, with a reason the unit is mailed: the
    /// nomination is accepted for judging again (ADR 0015). Refused, with nothing changed, where the
    /// results or judging could no longer take it in (EntryWorkflow.ReinstateAsync).
    /// </summary>
    [HttpPost("{code}/reinstate")]
    public Task<IActionResult> Reinstate(string code, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(code, reason, async (entry, why) =>
        {
            var done = await nominations.ReinstateAsync(entry, why, cancellationToken);
            TempData["Message"] = ReinstatedMessage(l, l["The nomination {0} is reinstated and accepted for judging; its unit is told why.", entry.Code], done);
        }, cancellationToken);

    /// <summary>The reinstatement's message, with what the organizer still has to do (shared with the essays' page).</summary>
    internal static string ReinstatedMessage(IStringLocalizer l, LocalizedString done, Reinstatement reinstatement)
    {
        List<string> parts = [done.Value];
        if (reinstatement.RoundWithoutJudges is { } round)
        {
            parts.Add(l["It has no judges in {0} yet: assign that round again on the judging page.", round.ForCurrentCulture()].Value);
        }

        if (reinstatement.OnNotice)
        {
            parts.Add(l["It is among the results on notice again, as they were published."].Value);
        }

        if (reinstatement.UnitAwardPublished)
        {
            parts.Add(l["The Outstanding Organization Award, which counts essays, is already published: check its statistics."].Value);
        }

        return string.Join(" ", parts);
    }

    /// <summary>Disqualifies a submitted or accepted nomination with a reason its unit sees and is mailed: an ineligible nominee found in screening or judging.</summary>
    [HttpPost("{code}/disqualify")]
    public Task<IActionResult> Disqualify(string code, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(code, reason, async (entry, why) =>
        {
            var onNotice = await nominations.DisqualifyAsync(entry, why, cancellationToken);
            TempData["Message"] = onNotice
                ? l["The nomination {0} is disqualified. It is among the proposed winners on notice: take those results back to draft, rank again and publish again.", entry.Code].Value
                : l["The nomination {0} is disqualified; its unit is told why.", entry.Code].Value;
        }, cancellationToken);

    /// <summary>A decision the unit is told the reason for (return, disqualify): no reason, or one too long, is refused and changes nothing.</summary>
    private async Task<IActionResult> WithReasonAsync(string code, string? reason, Func<Entry, string, Task> decide, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            TempData["Error"] = l["Write the reason the unit will see, in at most {0} characters.", MaxReasonLength].Value;
            return Redirect($"/organizer/nominations/{entry.Code}");
        }

        return await TryAsync(entry, () => decide(entry, reason));
    }

    [HttpGet("{code}/attachments/{token}")]
    public async Task<IActionResult> Download(string code, string token, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is { } entry && await queries.DownloadAsync(entry, token, cancellationToken) is { } file
            ? file
            : NotFound();

    private async Task<IActionResult> TryAsync(Entry entry, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect($"/organizer/nominations/{entry.Code}");
    }

    private async Task<Entry?> LoadAsync(string code, CancellationToken cancellationToken) =>
        EntryCode.IsWellFormed(code)
        && await nominations.FindAsync(code, cancellationToken) is { } entry
        && (await authorization.AuthorizeAsync(User, entry, EntryOperations.Screen)).Succeeded
            ? entry
            : null;
}
