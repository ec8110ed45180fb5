using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Awards.Web.Features.Tracks;

/// <summary>A track's public page: who may enter, limits, prizes and quotas, rubric, rounds.</summary>
public sealed class TracksController(SiteContext site) : Controller
{
    [HttpGet("/tracks/{code}")]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var track = contest?.Tracks.FirstOrDefault(t => t.Code == code);
        return track is null ? NotFound() : View(track);
    }
}
