using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Authorization;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.EssayScreening;

/// <summary>
/// The organizer's view of every submitted essay: filters, full-text search, the original beside
/// the judge rendition with its redaction flag, and disqualification with a reason.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/essays")]
public sealed class EssayScreeningController(
    AwardsDbContext db,
    EntryWorkflow workflow,
    EntryQueries queries,
    EssaySearch search,
    SiteContext site,
    IAuthorizationService authorization,
    MailOutbox outbox,
    Microsoft.Extensions.Options.IOptions<AwardsOptions> options,
    IStringLocalizer<SharedResource> l) : Controller
{
    private const int PageSize = 50;

    private const int MaxReasonLength = 1000;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? theme, string? unit, EntryStatus? status, bool flagged = false, string? q = null, int page = 1, CancellationToken cancellationToken = default)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return View("NoContest");
        }

        var themes = contest.Tracks.Where(t => t.Kind == TrackKind.Essay).OrderBy(t => t.SortOrder).ToList();
        var trackIds = themes.Where(t => theme is null || t.Code == theme).Select(t => t.Id).ToList();
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Kind).ThenBy(u => u.Id).ToListAsync(cancellationToken);
        var unitId = units.FirstOrDefault(u => u.Code == unit)?.Id;
        q = string.IsNullOrWhiteSpace(q) ? null : q.Trim();

        var query = (q is null ? db.Entries : search.Matching(q)).AsNoTracking()
            .Where(e => trackIds.Contains(e.TrackId) && e.Status != EntryStatus.Draft)
            .Where(e => unitId == null || e.UnitId == unitId)
            .Where(e => status == null || e.Status == status)
            .Where(e => !flagged || e.RedactionCount > 0);
        // A short query reads every essay's text: one pass for the matches with their dates, counted
        // and paged here, instead of one pass for the count and another for the page.
        var hits = q is not null && EssaySearch.ScansTexts(q)
            ? await query.Select(e => new { e.Id, e.SubmittedAt }).ToListAsync(cancellationToken)
            : null;
        var total = hits?.Count ?? await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Pager.PageCount(total, PageSize));
        // Newest first; the id breaks ties, so that no essay shows on two pages or on none. Without
        // the hits, the page's ids first, then their columns: sorting the rows with their texts made
        // SQLite carry every skipped essay through the sort, 0.8-1.4 s for a deep page at province scale.
        List<int> ids = hits is not null
            ? [.. hits.OrderByDescending(h => h.SubmittedAt).ThenByDescending(h => h.Id).Skip((page - 1) * PageSize).Take(PageSize).Select(h => h.Id)]
            : await query
                .OrderByDescending(e => e.SubmittedAt)
                .ThenByDescending(e => e.Id)
                .Skip((page - 1) * PageSize)
                .Take(PageSize)
                .Select(e => e.Id)
                .ToListAsync(cancellationToken);
        var found = await db.Entries.AsNoTracking()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Code, e.TrackId, e.Title, Author = db.Users.Where(u => u.Id == e.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(), e.UnitId, e.Status, e.SubmittedAt, e.Body, e.RedactionCount })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var rows = ids.Where(found.ContainsKey).Select(id => found[id]).ToList();
        var names = units.ToDictionary(u => u.Id, u => u.Name.ForCurrentCulture());
        var themeNames = themes.ToDictionary(t => t.Id, t => t.Name.ForCurrentCulture());
        var list = rows.Select(r => new EssayRow(r.Code, themeNames[r.TrackId], r.Title, r.Author ?? string.Empty, names[r.UnitId], r.Status, r.SubmittedAt, TextLength.Count(r.Body), r.RedactionCount)).ToList();

        return View(new EssayList(
            new EssayFilter(theme, unit, status, flagged, q, page),
            list,
            total,
            PageSize,
            themes,
            [.. units.Where(u => u.Kind != Core.Units.UnitKind.City).Select(u => (u.Code, names[u.Id]))]));
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var author = await db.Users.AsNoTracking().Include(u => u.Unit).FirstAsync(u => u.Id == entry.OwnerUserId, cancellationToken);
        var unit = await db.Units.AsNoTracking().FirstAsync(u => u.Id == entry.UnitId, cancellationToken);
        return View(new EssayDetail(entry, author.DisplayName, author.Email!, author.PhoneNumber, unit.Name.ForCurrentCulture(), await queries.HistoryAsync(entry, cancellationToken)));
    }

    [HttpPost("{code}/disqualify")]
    public Task<IActionResult> Disqualify(string code, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(code, reason, async (entry, why) =>
        {
            var onNotice = await workflow.DisqualifyAsync(entry, why, ct => QueueDisqualifiedAsync(entry, ct), cancellationToken);
            return onNotice
                ? l["The essay {0} is disqualified. It is among the proposed winners on notice: take those results back to draft, rank again and publish again.", entry.Code].Value
                : l["The essay {0} is disqualified.", entry.Code].Value;
        }, cancellationToken);

    /// <summary>Takes back a disqualification made in error, with a reason the author is mailed: the essay is in judging again (ADR 0015).</summary>
    [HttpPost("{code}/reinstate")]
    public Task<IActionResult> Reinstate(string code, string? reason, CancellationToken cancellationToken) =>
        WithReasonAsync(code, reason, async (entry, why) =>
        {
            var done = await workflow.ReinstateAsync(entry, why, ct => QueueReinstatedAsync(entry, why.Trim(), ct), cancellationToken);
            return Screening.ScreeningController.ReinstatedMessage(l, l["The essay {0} is reinstated and in judging again; its author is told why.", entry.Code], done);
        }, cancellationToken);

    /// <summary>
    /// A decision on an essay that needs the reason its author will see: refused, with nothing
    /// changed, without one; the page then says what <paramref name="decide"/> answers, or why the
    /// rules refused it.
    /// </summary>
    private async Task<IActionResult> WithReasonAsync(string code, string? reason, Func<Entry, string, Task<string>> decide, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        if (string.IsNullOrWhiteSpace(reason) || reason.Length > MaxReasonLength)
        {
            TempData["Error"] = l["Write the reason the author will see, in at most {0} characters.", MaxReasonLength].Value;
            return Redirect($"/organizer/essays/{entry.Code}");
        }

        try
        {
            TempData["Message"] = await decide(entry, reason);
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect($"/organizer/essays/{entry.Code}");
    }

    [HttpGet("{code}/attachments/{token}")]
    public async Task<IActionResult> Download(string code, string token, CancellationToken cancellationToken) =>
        await LoadAsync(code, cancellationToken) is { } entry && await queries.DownloadAsync(entry, token, cancellationToken) is { } file
            ? file
            : NotFound();

    /// <summary>The author hears of it by mail with the reason, saved with the decision, as a unit does of a returned nomination; the page says it too.</summary>
    private Task QueueDisqualifiedAsync(Entry entry, CancellationToken cancellationToken) =>
        TellAuthorAsync(
            entry,
            () => l["Essay {0} was disqualified", entry.Code],
            () => l["The organizer disqualified your essay “{0}” ({1}) with this reason:", entry.Title, entry.Code],
            entry.StatusReason,
            $"the disqualification of {entry.Code}",
            cancellationToken);

    /// <summary>The author hears of the reinstatement with its reason, as of the disqualification.</summary>
    private Task QueueReinstatedAsync(Entry entry, string reason, CancellationToken cancellationToken) =>
        TellAuthorAsync(
            entry,
            () => l["Essay {0} was reinstated", entry.Code],
            () => l["The organizer reinstated your essay “{0}” ({1}) with this reason:", entry.Title, entry.Code],
            reason,
            $"the reinstatement of {entry.Code}",
            cancellationToken);

    private async Task TellAuthorAsync(Entry entry, Func<LocalizedString> subject, Func<LocalizedString> opening, string? reason, string what, CancellationToken cancellationToken)
    {
        var author = await db.Users.AsNoTracking().Where(u => u.Id == entry.OwnerUserId).Select(u => new { u.Email, u.DisplayName, u.Language }).FirstAsync(cancellationToken);
        outbox.Add([Cultures.In(author.Language, () => new OutgoingMail(
            author.Email!,
            subject(),
            string.Join(
                "\n\n",
                l["Hello {0},", author.DisplayName],
                opening(),
                reason,
                l["Your essay's page: {0}", $"{options.Value.PublicUrl.TrimEnd('/')}/essays/{entry.Code}"])))], what);
    }

    private async Task<Entry?> LoadAsync(string code, CancellationToken cancellationToken) =>
        await workflow.FindAsync(code, TrackKind.Essay, cancellationToken) is { } entry
        && (await authorization.AuthorizeAsync(User, entry, EntryOperations.Screen)).Succeeded
            ? entry
            : null;
}
