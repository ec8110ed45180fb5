using System.Security.Cryptography;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Judging;

/// <summary>The organizer's judging pages: rounds, panels, assignment with a preview, progress, closing.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/judging")]
public sealed class JudgingController(JudgingSetup setup, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await setup.RoundsAsync(cancellationToken));

    [HttpGet("{roundId:int}")]
    public async Task<IActionResult> Round(int roundId, int? preview, CancellationToken cancellationToken) =>
        await setup.PageAsync(roundId, preview, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{roundId:int}/panel")]
    public async Task<IActionResult> Panel(int roundId, [FromForm] int[] judges, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            await setup.SetPanelAsync(roundId, judges, cancellationToken);
            TempData["Message"] = l["The panel has {0} judges.", judges.Distinct().Count()].Value;
        });

    /// <summary>Shows what an assignment would do, with a fresh seed; nothing changes until it is confirmed.</summary>
    [HttpPost("{roundId:int}/preview")]
    public IActionResult Preview(int roundId) =>
        Redirect($"/organizer/judging/{roundId}?preview={RandomNumberGenerator.GetInt32(int.MaxValue)}");

    [HttpPost("{roundId:int}/assign")]
    public async Task<IActionResult> Assign(int roundId, [FromForm] int seed, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            var plan = await setup.ApplyAsync(roundId, seed, cancellationToken);
            TempData["Message"] = l["Assigned: {0} kept, {1} added, {2} removed.", plan.Kept.Count, plan.Added.Count, plan.Removed.Count].Value;
        });

    [HttpPost("{roundId:int}/entries/{code}/add-judge")]
    public async Task<IActionResult> AddJudge(int roundId, string code, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            var judge = await setup.AddJudgeAsync(roundId, code, cancellationToken);
            TempData["Message"] = l["{0} now also judges {1}.", judge, code].Value;
        });

    [HttpPost("{roundId:int}/shortlist")]
    public async Task<IActionResult> ShortlistRound(int roundId, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            var count = await setup.ShortlistAsync(roundId, cancellationToken);
            TempData["Message"] = l["{0} entries are shortlisted and assigned to the panel.", count].Value;
        });

    [HttpPost("{roundId:int}/close")]
    public async Task<IActionResult> Close(int roundId, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            await setup.CloseAsync(roundId, cancellationToken);
            TempData["Message"] = l["The round is closed; its scores are final."].Value;
        });

    private async Task<IActionResult> RunAsync(int roundId, Func<Task> action)
    {
        try
        {
            await action();
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect($"/organizer/judging/{roundId}");
    }
}
