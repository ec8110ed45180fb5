using System.Text;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Results;

/// <summary>The organizer's results: ranking settings, overrides, ties, the notice, objections, finalizing.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/results")]
public sealed class ResultsController(TrackResults results, UnitAwardResults unitAward, Objections objections, ObjectionResponses responses, WinnerNotices notices, PrizeRevocations revocations, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await results.TracksAsync(cancellationToken));

    /// <summary>A theme's results; <paramref name="page"/> is the ranking table's page, <paramref name="find"/> an entry code to show.</summary>
    [HttpGet("{code}")]
    public async Task<IActionResult> Track(string code, int page = 1, string? find = null, CancellationToken cancellationToken = default)
    {
        if (await unitAward.PageAsync(code, cancellationToken) is { } unitPage)
        {
            return View("UnitAward", unitPage.Result.Stage == ResultStage.Final
                ? unitPage with { WinnersTold = await notices.SentAsync(code, cancellationToken), Prizes = await revocations.PrizesAsync(unitPage.Track, unitPage.Result, cancellationToken) }
                : unitPage);
        }

        return await results.PageAsync(code, page, find, cancellationToken) is not { } result
            ? NotFound()
            : View(result.Result.Stage == ResultStage.Final
                ? result with { WinnersTold = await notices.SentAsync(code, cancellationToken), Prizes = await revocations.PrizesAsync(result.Track, result.Result, cancellationToken) }
                : result);
    }

    /// <summary>The confirmation step of revoking a final prize, named by its certificate's code (<see cref="PrizeRevocations"/>).</summary>
    [HttpGet("{code}/revoke/{certificate}")]
    public async Task<IActionResult> Revoke(string code, string certificate, CancellationToken cancellationToken)
    {
        if (await results.TrackAsync(code, cancellationToken) is not { } track || await revocations.PageAsync(track, certificate, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        if (await revocations.RefusalAsync(track, certificate, cancellationToken) is { } refusal)
        {
            TempData["Error"] = l.Rule(refusal);
            return Redirect($"/organizer/results/{track.Code}");
        }

        return View(page);
    }

    [HttpPost("{code}/revoke/{certificate}")]
    public async Task<IActionResult> Revoke(string code, string certificate, string? reason, string? document, CancellationToken cancellationToken)
    {
        if (await results.TrackAsync(code, cancellationToken) is not { } track || await revocations.PageAsync(track, certificate, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        try
        {
            var mails = await revocations.RevokeAsync(track, certificate, reason ?? string.Empty, document, cancellationToken);
            TempData["Message"] = l["The {0} of {1} is revoked; {2} mails tell the winner.", page.Prize.Level, page.Prize.Winner, mails ?? 0].Value;
        }
        catch (DomainException ex) when (ex.MessageKey is ResultMessages.RevokeReasonRequired || ex.Arguments.Contains("Reason") || ex.Arguments.Contains("Document number"))
        {
            // What was typed stays on the form, with what to correct.
            return View(page with { Reason = reason, Document = document, Error = l.Rule(ex) });
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect($"/organizer/results/{track.Code}");
    }

    [HttpPost("{code}/settings")]
    public Task<IActionResult> Settings(string code, AggregationMethod method, string? minimum, int? round, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            if (!Enum.IsDefined(method) || ModelState[nameof(method)] is { Errors.Count: > 0 })
            {
                throw new DomainException("Please choose how the judges' scores are combined.");
            }

            decimal? min = null;
            if (!string.IsNullOrWhiteSpace(minimum))
            {
                if (!decimal.TryParse(minimum, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
                {
                    throw new DomainException("{0} must be a number.", "Minimum score");
                }

                min = parsed;
            }

            var quotas = new Dictionary<int, int>();
            foreach (var level in track.AwardLevels)
            {
                if (Request.Form.TryGetValue($"quota{level.Rank}", out var value) && !string.IsNullOrWhiteSpace(value))
                {
                    quotas[level.Rank] = int.TryParse(value, out var quota) && quota is >= 0 and <= 1000
                        ? quota
                        : throw new DomainException("A quota must be a whole number from 0 to 1000.");
                }
            }

            await results.ConfigureAsync(track, method, min, round, quotas, cancellationToken);
            TempData["Message"] = l["The ranking settings are saved."].Value;
        },
        track => Request.HasFormContentType && track.AwardLevels.Any(level => Request.Form.ContainsKey($"quota{level.Rank}")));

    [HttpPost("{code}/override")]
    public Task<IActionResult> Override(string code, string entry, int? level, string? reason, CancellationToken cancellationToken) =>
        RunAsync(
            code,
            async track =>
            {
                await results.OverrideAsync(track, (entry ?? string.Empty).Trim().ToUpperInvariant(), level, reason ?? string.Empty, cancellationToken);
                TempData["Message"] = l["{0} is moved; the reason is recorded.", entry ?? string.Empty].Value;
            },
            _ => level is not null,
            find: entry);

    [HttpPost("{code}/tie")]
    public Task<IActionResult> Tie(string code, int place, [FromForm] string[] order, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            await results.OrderTieAsync(track, place, TieForm.Codes(order), cancellationToken);
            TempData["Message"] = l["The order of the tied entries is saved."].Value;
        });

    [HttpPost("{code}/picks")]
    public Task<IActionResult> Picks(string code, [FromForm] int[] units, string? reason, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            await unitAward.PickAsync(track, units, reason, cancellationToken);
            TempData["Message"] = l["{0} units are picked.", units.Distinct().Count()].Value;
        });

    [HttpPost("{code}/publish")]
    public Task<IActionResult> Publish(string code, int days, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            if (track.Kind == TrackKind.UnitAward)
            {
                await unitAward.PublishAsync(track, days, cancellationToken);
            }
            else
            {
                await results.PublishAsync(track, days, cancellationToken);
            }

            TempData["Message"] = l["The proposed winners are on public notice for {0} days.", days].Value;
        });

    [HttpPost("{code}/withdraw")]
    public Task<IActionResult> Withdraw(string code, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            await results.WithdrawAsync(track, cancellationToken);
            TempData["Message"] = l["The results are back to draft and off the public notice."].Value;
        });

    [HttpPost("{code}/finalize")]
    public Task<IActionResult> FinalizeResults(string code, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            await results.FinalizeAsync(track, cancellationToken);
            TempData["Message"] = l["The results are final."].Value;
        });

    /// <summary>Tells the winners of a final track by mail, once (<see cref="WinnerNotices"/>).</summary>
    [HttpPost("{code}/tell-winners")]
    public Task<IActionResult> TellWinners(string code, CancellationToken cancellationToken) =>
        RunAsync(code, async track =>
        {
            var queued = await notices.SendAsync(track, cancellationToken);
            TempData["Message"] = l["{0} prize notices are on their way; the outgoing mail page shows their delivery.", queued].Value;
        });

    [HttpGet("{code}/scores.csv")]
    public async Task<IActionResult> Scores(string code, CancellationToken cancellationToken) =>
        await results.TrackAsync(code, cancellationToken) is { Kind: not TrackKind.UnitAward } track
            ? Csv(await results.ScoresCsvAsync(track, cancellationToken), $"scores-{track.Code}.csv")
            : NotFound();

    [HttpGet("{code}/ranking.csv")]
    public async Task<IActionResult> RankingCsv(string code, CancellationToken cancellationToken) =>
        await results.TrackAsync(code, cancellationToken) is { Kind: not TrackKind.UnitAward } track
            ? Csv(await results.RankingCsvAsync(track, cancellationToken), $"ranking-{track.Code}.csv")
            : NotFound();

    [HttpGet("objections")]
    public async Task<IActionResult> Objections(CancellationToken cancellationToken) =>
        View(await objections.ListAsync(cancellationToken));

    [HttpPost("objections/{id:int}/resolve")]
    public async Task<IActionResult> Resolve(int id, string? outcome, string? resolution, CancellationToken cancellationToken)
    {
        try
        {
            // An outcome the form does not offer ("7", "upheld ") counts as none chosen.
            ObjectionOutcome? chosen = Enum.TryParse<ObjectionOutcome>(outcome, out var parsed) && Enum.IsDefined(parsed) && outcome == parsed.ToString() ? parsed : null;
            await objections.ResolveAsync(id, chosen, resolution ?? string.Empty, cancellationToken);
            TempData["Message"] = l["The objection is resolved."].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect("/organizer/results/objections");
    }

    /// <summary>Asks whoever answers for the entry an objection names for a response (<see cref="ObjectionResponses"/>).</summary>
    [HttpPost("objections/{id:int}/ask")]
    public async Task<IActionResult> Ask(int id, string? respondBy, CancellationToken cancellationToken)
    {
        try
        {
            var mailed = await responses.AskAsync(id, respondBy, cancellationToken);
            TempData["Message"] = mailed > 0
                ? l["A response is asked for; {0} people are mailed and see it on their dashboard.", mailed].Value
                : l["A response is asked for and shows on the entrant's dashboard; nobody could be mailed (no confirmed address)."].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect("/organizer/results/objections");
    }

    private FileContentResult Csv(string text, string name) =>
        File(Encoding.UTF8.GetBytes(text), "text/csv; charset=utf-8", name);

    /// <summary>Runs a change and goes back to the results, at the page showing <paramref name="find"/> when given.</summary>
    private Task<IActionResult> RunAsync(string code, Func<Track, Task> action, string? find = null) =>
        RunAsync(code, action, _ => false, find);

    /// <summary>
    /// <see cref="RunAsync(string, Func{Track, Task}, string?)"/> for a form that names prize levels
    /// by rank when <paramref name="namesLevels"/> says so: its "levels" field must match the track's.
    /// </summary>
    private async Task<IActionResult> RunAsync(string code, Func<Track, Task> action, Func<Track, bool> namesLevels, string? find = null)
    {
        if (await results.TrackAsync(code, HttpContext.RequestAborted) is not { } track)
        {
            return NotFound();
        }

        try
        {
            // A page opened before a prize level was added or removed names levels by their old
            // ranks: its quotas or its override would land on other levels. A form that names
            // levels must say which levels it was made for.
            if (namesLevels(track))
            {
                if (!Request.HasFormContentType || !Request.Form.TryGetValue("levels", out var levels))
                {
                    throw new DomainException("This form did not say which prize levels it was made for, so nothing was saved. Use the form on the results page.");
                }

                if (levels != ResultPage.StampOf(track))
                {
                    throw new DomainException("The prize levels of {0} were changed since you opened this page, so nothing was saved. Check the levels below and try again.", track.Name);
                }
            }

            await action(track);
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException || Data.ImmediateTransaction.IsUniqueViolation(ex))
        {
            TempData["Error"] = l["Someone else changed these results at the same time; here they are as they are now."].Value;
        }

        return Redirect(string.IsNullOrWhiteSpace(find)
            ? $"/organizer/results/{track.Code}"
            : $"/organizer/results/{track.Code}?find={Uri.EscapeDataString(find.Trim())}");
    }
}
