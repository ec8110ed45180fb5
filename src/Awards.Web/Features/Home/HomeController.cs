using Awards.Core.Contests;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Announcements;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Home;

public sealed record ContestPageModel(ContestEdition Contest, ContestPhase Phase, (string Label, DateTime At)? NextDeadline, IReadOnlyList<Track> Tracks, IReadOnlyList<Announcement> Announcements);

/// <summary>The public contest page: the latest announcements, rules, deadlines with a countdown, the awards and their quotas.</summary>
public sealed class HomeController(SiteContext site, AwardsDbContext db) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return View("NoContest");
        }

        var tracks = contest.Tracks.OrderBy(t => t.SortOrder).ToList();
        var announcements = await PublishedAnnouncements.Query(db, contest.Id).Take(PublishedAnnouncements.OnContestPage).ToListAsync(cancellationToken);
        return View(new ContestPageModel(contest, contest.Schedule.PhaseAt(site.UtcNow), contest.Schedule.NextDeadline(site.UtcNow), tracks, announcements));
    }

    // The error pages answer whatever request failed, a post included: a post refused for its
    // antiforgery token is shown the page that says so, not checked (and refused) again.
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error", StatusCodes.Status500InternalServerError);
    }

    [Route("/status/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status(int code)
    {
        Response.StatusCode = code;
        return View("Error", code);
    }
}
