using System.Text;
using Awards.Core.Identity;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Features.Exports;
using Awards.Web.Features.Judging;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Leader;

/// <summary>
/// The leading group's pages (ADR 0018): judging progress, each award's results, the objections and
/// the documents the office would show the group. Reads only: there is no POST here, and
/// <see cref="LeadersChangeNothing"/> refuses a leader's post anywhere else.
/// </summary>
[Authorize(Roles = Roles.Leader)]
[Route("leader")]
public sealed class LeaderController(SiteContext site, JudgingSetup judging, TrackResults results, UnitAwardResults unitAward, Objections objections, WinnerNotices notices, LeaderDocuments documents, IStringLocalizer<SharedResource> l) : Controller
{
    private const string ResultsViews = "~/Features/Results/Views/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        return View(new LeaderDashboard(contest, contest.Schedule.PhaseAt(site.UtcNow), await judging.RoundsAsync(cancellationToken), await results.TracksAsync(cancellationToken)));
    }

    /// <summary>An award's or a theme's results, as the organizer's page shows them, without its forms.</summary>
    [HttpGet("results/{code}")]
    public async Task<IActionResult> Track(string code, int page = 1, string? find = null, CancellationToken cancellationToken = default)
    {
        if (await unitAward.PageAsync(code, cancellationToken) is { } unitPage)
        {
            return View(ResultsViews + "UnitAward.cshtml", unitPage.Result.Stage == ResultStage.Final ? unitPage with { WinnersTold = await notices.SentAsync(code, cancellationToken) } : unitPage);
        }

        return await results.PageAsync(code, page, find, cancellationToken) is not { } result
            ? NotFound()
            : View(ResultsViews + "Track.cshtml", result.Result.Stage == ResultStage.Final ? result with { WinnersTold = await notices.SentAsync(code, cancellationToken) } : result);
    }

    [HttpGet("results/{code}/ranking.csv")]
    public async Task<IActionResult> RankingCsv(string code, CancellationToken cancellationToken) =>
        await results.TrackAsync(code, cancellationToken) is { Kind: not TrackKind.UnitAward } track
            ? File(Encoding.UTF8.GetBytes(await results.RankingCsvAsync(track, cancellationToken)), "text/csv; charset=utf-8", $"ranking-{track.Code}.csv")
            : NotFound();

    /// <summary>The objections, without the objectors' names and contacts (ADR 0018).</summary>
    [HttpGet("objections")]
    public async Task<IActionResult> Objections(CancellationToken cancellationToken) =>
        View(ResultsViews + "Objections.cshtml", await objections.ListAsync(cancellationToken));

    /// <summary>One of <see cref="LeaderDocuments.Kinds"/>, made at once from the results as they are now.</summary>
    [HttpGet("documents/{kind}")]
    public async Task<IActionResult> Document(string kind, CancellationToken cancellationToken)
    {
        if (!LeaderDocuments.Kinds.Contains(kind))
        {
            return NotFound();
        }

        if (await documents.WriteAsync(kind, cancellationToken) is not { } document)
        {
            TempData["Error"] = l[ExportRunner.NothingToExport(kind, LeaderDocuments.Proposed)].Value;
            return Redirect("/leader");
        }

        return File(document.Content, ExportKinds.ContentType(kind), document.Name);
    }
}
