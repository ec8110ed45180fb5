using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Scoring;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Scoring;

/// <summary>
/// The judge's scoring workspace: the queue of a round, and one entry at a time beside the
/// rubric. Only the judge's own assignments exist here; anything else is 404.
/// </summary>
[Authorize(Roles = Roles.Judge)]
[Route("judge/rounds/{roundId:int}")]
public sealed class ScoringController(JudgeWork work, Judging.JudgingSetup setup, Exports.ExportRunner exports, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>The judge's own entries of the round in their judge renditions, as a Word file to read offline.</summary>
    [HttpGet("packet.docx")]
    public async Task<IActionResult> Packet(int roundId, CancellationToken cancellationToken)
    {
        var judgeId = User.RequiredUserId();
        if (await work.QueueAsync(judgeId, roundId, cancellationToken) is null)
        {
            return NotFound();
        }

        var buffer = new MemoryStream();
        if (await exports.WriteJudgePacketAsync(judgeId, roundId, buffer, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        buffer.Position = 0;
        return File(buffer, Exports.ExportKinds.ContentType(Exports.ExportKinds.JudgePacket), name);
    }

    [HttpGet("")]
    public async Task<IActionResult> Queue(int roundId, CancellationToken cancellationToken) =>
        await work.QueueAsync(User.RequiredUserId(), roundId, cancellationToken) is { } queue ? View(queue) : NotFound();

    [HttpGet("{code}")]
    public async Task<IActionResult> Entry(int roundId, string code, CancellationToken cancellationToken) =>
        await work.EntryAsync(User.RequiredUserId(), roundId, code, cancellationToken) is { } view ? View(view) : NotFound();

    [HttpPost("{code}")]
    [EnableRateLimiting(SiteSetup.EntryRateLimit)]
    public async Task<IActionResult> Save(int roundId, string code, [FromForm] int version, [FromForm] string? comment, [FromForm] string? action, CancellationToken cancellationToken)
    {
        if (await work.TargetAsync(User.RequiredUserId(), roundId, code, cancellationToken) is not { } target)
        {
            return NotFound();
        }

        // What the judge typed, kept for the page again if the save is refused: a blank criterion
        // on submit or a mistyped number must not cost them the rest of their scores and comment.
        var typed = target.Criteria.ToDictionary(c => c.Id, c => Request.Form[$"c{c.Id}"].ToString().Trim());
        var values = new Dictionary<int, decimal?>();
        foreach (var criterion in target.Criteria)
        {
            var raw = typed[criterion.Id];
            if (raw.Length == 0)
            {
                values[criterion.Id] = null;
            }
            else if (decimal.TryParse(raw, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                values[criterion.Id] = value;
            }
            else
            {
                return await KeptAsync(roundId, code, typed, comment, l["The score for {0} must be between {1} and {2}.", criterion.Name.ForCurrentCulture(), criterion.MinScore, criterion.MaxScore].Value, cancellationToken);
            }
        }

        var submit = action is "submit" or "submit-next";
        try
        {
            await work.SaveAsync(target, values, comment, submit, version, cancellationToken);
        }
        catch (DomainException ex) when (ex.MessageKey == ScoringMessages.ChangedElsewhere)
        {
            // Another window saved first: the page shows what was saved there, not this one's values over it.
            TempData["Error"] = l.Rule(ex);
            return Redirect($"/judge/rounds/{roundId}/{code}");
        }
        catch (DomainException ex)
        {
            return await KeptAsync(roundId, code, typed, comment, l.Rule(ex), cancellationToken);
        }

        TempData["Message"] = submit ? l["Your scores for {0} are submitted.", code].Value : l["Your draft scores for {0} are saved.", code].Value;
        var next = action == "submit-next" ? await work.NextCodeAsync(target, cancellationToken) : null;
        return Redirect(next is not null ? $"/judge/rounds/{roundId}/{next}" : $"/judge/rounds/{roundId}/{code}");
    }

    /// <summary>
    /// The entry page again with the refused values and comment in the form and the reason above
    /// it; nothing was saved. The rubric is the award's present one (a criterion that is gone takes
    /// its typed value with it). Once the round has closed, the page as saved, with the reason.
    /// </summary>
    private async Task<IActionResult> KeptAsync(int roundId, string code, IReadOnlyDictionary<int, string> typed, string? comment, string message, CancellationToken cancellationToken)
    {
        if (await work.EntryAsync(User.RequiredUserId(), roundId, code, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        TempData["Error"] = message;
        // A closed round's form cannot be sent again: it shows what was saved, not what was refused.
        return view.Closed ? Redirect($"/judge/rounds/{roundId}/{code}") : View(nameof(Entry), view with { Typed = typed, Comment = comment });
    }

    /// <summary>The judge cannot judge this entry impartially: it leaves their queue and goes to another judge.</summary>
    [HttpPost("{code}/conflict")]
    public async Task<IActionResult> Conflict(int roundId, string code, CancellationToken cancellationToken)
    {
        // Someone else's entry, or no such round, is not found, as on every other judge route.
        if (await work.TargetAsync(User.RequiredUserId(), roundId, code, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            await setup.DeclareConflictAsync(User.RequiredUserId(), roundId, code, cancellationToken);
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
            return Redirect($"/judge/rounds/{roundId}/{code}");
        }

        TempData["Message"] = l["Your conflict of interest on {0} is recorded; the entry goes to another judge.", code].Value;
        return Redirect($"/judge/rounds/{roundId}");
    }
}
