using System.Security.Cryptography;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Judging;

/// <summary>The organizer's judging pages: rounds, panels, assignment with a preview, progress, closing.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/judging")]
public sealed class JudgingController(JudgingSetup setup, ShortlistSetup shortlists, ScoreImport import, JudgeReminders reminders, SiteContext site, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>
    /// The most a score-sheet upload request may carry, well above the sheet's own limit
    /// (<c>SheetLimits</c>), so that a sheet that is too large gets the reader's message rather
    /// than a bare 400 from a request cut off while the form is read.
    /// </summary>
    private const long UploadLimit = 64L * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await setup.RoundsAsync(cancellationToken));

    [HttpGet("{roundId:int}")]
    public async Task<IActionResult> Round(int roundId, int? preview, string? entry, CancellationToken cancellationToken) =>
        await setup.PageAsync(roundId, preview, entry, cancellationToken) is { } page
            ? View(page with { LastReminder = await reminders.LastAsync(roundId, cancellationToken), Automatic = await reminders.AutomaticAsync(page.Round, cancellationToken) })
            : NotFound();

    /// <summary>Mails the judges of the round who have entries left to submit (<see cref="JudgeReminders"/>).</summary>
    [HttpPost("{roundId:int}/remind")]
    public async Task<IActionResult> Remind(int roundId, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is null)
        {
            return NotFound();
        }

        return await RunAsync(roundId, async () =>
        {
            var queued = await reminders.RemindAsync(roundId, cancellationToken);
            TempData["Message"] = l["A reminder is on its way to {0} judges; the outgoing mail page shows its delivery.", queued].Value;
        });
    }

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

    [HttpPost("{roundId:int}/entries/{code}/assign")]
    public async Task<IActionResult> AssignByHand(int roundId, string code, [FromForm] int judge, CancellationToken cancellationToken)
    {
        await RunAsync(roundId, () => setup.AssignAsync(roundId, code, judge, cancellationToken));
        return Redirect($"/organizer/judging/{roundId}?entry={code}");
    }

    [HttpPost("{roundId:int}/entries/{code}/unassign")]
    public async Task<IActionResult> UnassignByHand(int roundId, string code, [FromForm] int judge, CancellationToken cancellationToken)
    {
        await RunAsync(roundId, () => setup.UnassignAsync(roundId, code, judge, cancellationToken));
        return Redirect($"/organizer/judging/{roundId}?entry={code}");
    }

    /// <summary>Who would go on from the round before and who is cut, and the assignment that would follow; nothing changes until it is confirmed.</summary>
    [HttpGet("{roundId:int}/shortlist")]
    public async Task<IActionResult> Shortlist(int roundId, int? seed, CancellationToken cancellationToken)
    {
        if (seed is not int chosen)
        {
            // A seed of its own, so that the page shows the same plan however often it is read.
            return await site.RoundAsync(roundId, cancellationToken) is null
                ? NotFound()
                : Redirect($"/organizer/judging/{roundId}/shortlist?seed={RandomNumberGenerator.GetInt32(int.MaxValue)}");
        }

        return await shortlists.PreviewAsync(roundId, chosen, cancellationToken) is { } preview ? View(preview) : NotFound();
    }

    /// <summary>Confirms the preview the organizer saw (its seed and stamp); a preview that no longer holds is refused and shown anew.</summary>
    [HttpPost("{roundId:int}/shortlist")]
    public async Task<IActionResult> ShortlistRound(int roundId, [FromForm] int seed, [FromForm] string? stamp, [FromForm] bool incomplete, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var count = await shortlists.ConfirmAsync(roundId, seed, stamp, incomplete, cancellationToken);
            TempData["Message"] = l["{0} entries are shortlisted and assigned to the panel.", count].Value;
            return Redirect($"/organizer/judging/{roundId}");
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
            return Redirect($"/organizer/judging/{roundId}/shortlist?seed={seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    [HttpGet("{roundId:int}/import")]
    public async Task<IActionResult> Import(int roundId, CancellationToken cancellationToken) =>
        await RoundAsync(roundId, cancellationToken) is { } found ? View(new ImportPage(found.Track, found.Round, null)) : NotFound();

    /// <summary>A sheet to fill in: the header row the import expects, with the criteria in the reader's language.</summary>
    [HttpGet("{roundId:int}/import/template.csv")]
    public async Task<IActionResult> Template(int roundId, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var header = string.Join(",", new[] { l["Entry code"].Value, l["Judge e-mail"].Value }
            .Concat(found.Track.Criteria.OrderBy(c => c.Order).Select(c => c.Name.ForCurrentCulture()))
            .Append(l["Comment"].Value)
            .Select(Awards.Core.Common.CsvField.Text));
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(header + "\r\n")).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"scores-{found.Track.Code}-round{found.Round.Sequence}.csv");
    }

    [HttpPost("{roundId:int}/import")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> ImportSheet(int roundId, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await RoundAsync(roundId, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        if (file is null)
        {
            TempData["Error"] = l["Choose a file to upload."].Value;
            return Redirect($"/organizer/judging/{roundId}/import");
        }

        try
        {
            // The reader stops at its own size limit and says so; the request limit is only the outer wall.
            await using var stream = file.OpenReadStream();
            var result = await import.ImportAsync(found.Track, found.Round, stream, file.FileName, cancellationToken);
            if (result.Errors.Count == 0)
            {
                TempData["Message"] = l["{0} scores are imported.", result.Imported].Value;
                return Redirect($"/organizer/judging/{roundId}");
            }

            return View("Import", new ImportPage(found.Track, found.Round, result.Errors));
        }
        catch (DomainException ex)
        {
            return View("Import", new ImportPage(found.Track, found.Round, [l.Rule(ex)]));
        }
    }

    /// <summary>Gives the judges more time (or less): the round's new closing time, typed in China Standard Time.</summary>
    [HttpPost("{roundId:int}/closes-at")]
    public async Task<IActionResult> ClosesAt(int roundId, [FromForm] string? closesAt, CancellationToken cancellationToken) =>
        await RunAsync(roundId, async () =>
        {
            if (!SiteTime.TryParseInput(closesAt, out var utc))
            {
                TempData["Error"] = l["\"{0}\" is not a date and time; use the form 2026-10-17 18:00.", closesAt ?? string.Empty].Value;
                return;
            }

            await setup.RescheduleAsync(roundId, utc, cancellationToken);
            TempData["Message"] = l["Judges can now score until {0}.", SiteTime.Format(utc)].Value;
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

    private Task<(Track Track, JudgingRound Round)?> RoundAsync(int roundId, CancellationToken cancellationToken) =>
        site.RoundAsync(roundId, cancellationToken);
}
