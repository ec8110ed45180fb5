using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Judging;

/// <summary>
/// Conflicts of interest in one place (ADR 0016): each judge with the units they may not judge (their
/// own, its pairs in designated help, units the organizer recorded), the pairs of designated help,
/// and every conflict on a single entry. The organizer records units against a judge and conflicts
/// on single entries, with a reason; each takes effect at once in open rounds.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/judging/conflicts")]
public sealed class ConflictsController(ConflictRecords records, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("/Features/Judging/Views/Conflicts.cshtml", await records.PageAsync(cancellationToken));

    [HttpGet("judges/{judgeId:int}")]
    public async Task<IActionResult> Judge(int judgeId, CancellationToken cancellationToken) =>
        await records.JudgePageAsync(judgeId, cancellationToken) is { } page ? View("/Features/Judging/Views/ConflictJudge.cshtml", page) : NotFound();

    [HttpPost("judges/{judgeId:int}")]
    public async Task<IActionResult> SaveJudge(int judgeId, [FromForm] List<int>? units, [FromForm] string? was, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        if (await records.JudgePageAsync(judgeId, cancellationToken) is not { } page)
        {
            return NotFound();
        }

        try
        {
            var result = await records.SetJudgeUnitsAsync(judgeId, units ?? [], was, reason, cancellationToken);
            TempData["Message"] = Said(result, l["The units {0} may not judge are saved.", page.Name]);
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
            return Redirect($"/organizer/judging/conflicts/judges/{judgeId}");
        }

        return Redirect("/organizer/judging/conflicts");
    }

    [HttpPost("entries")]
    public async Task<IActionResult> RecordEntry([FromForm] int judge, [FromForm] string? code, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        try
        {
            var result = await records.RecordEntryAsync(judge, code, reason, User.UserId() ?? 0, cancellationToken);
            TempData["Message"] = Said(result, l["The conflict is recorded: that judge will not judge entry {0}.", (code ?? string.Empty).Trim().ToUpperInvariant()]);
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect("/organizer/judging/conflicts");
    }

    [HttpPost("entries/{conflictId:int}/remove")]
    public async Task<IActionResult> RemoveEntry(int conflictId, CancellationToken cancellationToken)
    {
        try
        {
            var code = await records.RemoveEntryAsync(conflictId, cancellationToken);
            TempData["Message"] = l["The recorded conflict on {0} is removed; assigning again may give the judge that entry.", code].Value;
        }
        catch (DomainException ex)
        {
            TempData["Error"] = l.Rule(ex);
        }

        return Redirect("/organizer/judging/conflicts");
    }

    /// <summary>The saved message, with what the judging lost when the record took entries from the judge; "nothing changed" when it was so already.</summary>
    private string Said(SteppedAside? result, LocalizedString saved) =>
        result is null ? l["Nothing was changed."].Value
        : result.HandedOn == 0 ? saved.Value
        : $"{saved.Value} {l["{0} entries the judge held in open rounds went to other judges; {1} submitted scores on them no longer count (the audit log keeps them).", result.HandedOn, result.ScoresDropped].Value}";
}
