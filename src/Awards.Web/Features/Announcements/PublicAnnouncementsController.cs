using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Announcements;

/// <summary>
/// The public side of the announcements: all that are published for the running edition, pinned
/// ones first, then newest first, and each on its own page. A draft or a taken-down one is not
/// found, whoever asks.
/// </summary>
public sealed class PublicAnnouncementsController(AwardsDbContext db, SiteContext site) : Controller
{
    public const int PageSize = 20;

    [HttpGet("/announcements")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        var published = PublishedAnnouncements.Query(db, contest.Id);
        var count = Pager.PageCount(await published.CountAsync(cancellationToken), PageSize);
        page = Math.Clamp(page, 1, count);
        var rows = await published.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return View("~/Features/Announcements/Views/Public.cshtml", new PublicAnnouncementsPage(rows, new Pager(page, count, n => $"/announcements?page={n}")));
    }

    [HttpGet("/announcements/{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return NotFound();
        }

        return await PublishedAnnouncements.Query(db, contest.Id).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is { } announcement
            ? View("~/Features/Announcements/Views/Show.cshtml", announcement)
            : NotFound();
    }
}
