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
public sealed class LeaderController(SiteContext site, JudgingSetup judging, TrackResults results, UnitAwardResults unitAward, Objections objections, WinnerNotices notices, LeaderDocuments documents, LeaderScope scope, IStringLocalizer<SharedResource> l) : Controller
{
    private const string ResultsViews = "~/Features/Results/Views/";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        var tracks = await scope.TrackIdsAsync(cancellationToken);
        return View(new LeaderDashboard(
            contest,
            contest.Schedule.PhaseAt(site.UtcNow),
            [.. (await judging.RoundsAsync(cancellationToken)).Where(r => tracks.Holds(r.Track.Id))],
            [.. (await results.TracksAsync(cancellationToken)).Where(t => tracks.Holds(t.Track.Id))],
            await scope.DocumentsAsync(cancellationToken),
            Limited: tracks is not null));
    }

    /// <summary>An award's or a theme's results, as the organizer's page shows them, without its forms.</summary>
    [HttpGet("results/{code}")]
    public async Task<IActionResult> Track(string code, int page = 1, string? find = null, CancellationToken cancellationToken = default)
    {
        // Another award than a leader's own is not found, as an unknown one (ADR 0018).
        if (await results.TrackAsync(code, cancellationToken) is not { } track || !await scope.ReadsAsync(track.Id, cancellationToken))
        {
            return NotFound();
        }

        if (await unitAward.PageAsync(code, cancellationToken) is { } unitPage)
        {
            return View(ResultsViews + "UnitAward.cshtml", unitPage.Result.Stage == ResultStage.Final ? unitPage with { WinnersTold = await notices.SentAsync(code, cancellationToken) } : unitPage);
        }

        return await results.PageAsync(code, page, find, cancellationToken) is not { } result
            ? NotFound()
            : View(ResultsViews + "Track.cshtml", result.Result.Stage == ResultStage.Final ? result with { WinnersTold = await notices.SentAsync(code, cancellationToken) } : result);
    }

    /// <summary>An award's ranking as a file, recorded in the audit log before it is sent.</summary>
    [HttpGet("results/{code}/ranking.csv")]
    public async Task<IActionResult> RankingCsv(string code, CancellationToken cancellationToken)
    {
        if (await results.TrackAsync(code, cancellationToken) is not { Kind: not TrackKind.UnitAward } track || !await scope.ReadsAsync(track.Id, cancellationToken))
        {
            return NotFound();
        }

        var csv = Encoding.UTF8.GetBytes(await results.RankingCsvAsync(track, cancellationToken));
        var name = $"ranking-{track.Code}.csv";
        return await documents.RecordAsync("Track", track.Code, name, cancellationToken)
            ? File(csv, "text/csv; charset=utf-8", name)
            : NotRecorded(ResultsUrl(track.Code));
    }

    /// <summary>The objections to a leader's awards, without the objectors' names and contacts (ADR 0018).</summary>
    [HttpGet("objections")]
    public async Task<IActionResult> Objections(CancellationToken cancellationToken)
    {
        var tracks = await scope.TrackIdsAsync(cancellationToken);
        return View(ResultsViews + "Objections.cshtml", (await objections.ListAsync(cancellationToken)).Where(o => tracks.Holds(o.Objection.TrackId)).ToList());
    }

    /// <summary>One of <see cref="LeaderDocuments.Kinds"/>, made at once from the results as they are now.</summary>
    [HttpGet("documents/{kind}")]
    public async Task<IActionResult> Document(string kind, CancellationToken cancellationToken)
    {
        if (!(await scope.DocumentsAsync(cancellationToken)).Contains(kind))
        {
            return NotFound();
        }

        var tracks = await scope.TrackIdsAsync(cancellationToken);
        if (await documents.WriteAsync(kind, tracks, cancellationToken) is not { } document)
        {
            TempData["Error"] = l[ExportRunner.NothingToExport(kind, LeaderDocuments.Proposed)].Value;
            return Redirect("/leader");
        }

        // Which awards the document holds, when the leader reads only some.
        var detail = tracks is null ? document.Name
            : $"{document.Name} ({string.Join(", ", (await site.CurrentContestAsync(cancellationToken))!.Tracks.Where(t => tracks.Contains(t.Id)).OrderBy(t => t.SortOrder).Select(t => t.Code))})";
        return await documents.RecordAsync(LeaderDocuments.Document, kind, detail, cancellationToken)
            ? File(document.Content, ExportKinds.ContentType(kind), document.Name)
            : NotRecorded("/leader");
    }

    /// <summary>The download refused because it could not be recorded: back to the page, with the reason.</summary>
    private RedirectResult NotRecorded(string back)
    {
        TempData["Error"] = l["The download could not be recorded in the audit log, so it was not sent. Please try again in a moment."].Value;
        return Redirect(back);
    }

    private static string ResultsUrl(string code) => "/leader/results/" + code;
}
