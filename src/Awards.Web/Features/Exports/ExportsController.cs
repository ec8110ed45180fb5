using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Exports;

public sealed record ExportsPage(IReadOnlyList<ExportJob> Jobs, string Preface, IReadOnlyList<(int Id, string Name)> Judges, IReadOnlyList<(int Id, string Name)> Rounds);

/// <summary>The organizer's exports: start one (it runs in the background), watch it, download it.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/exports")]
public sealed class ExportsController(AwardsDbContext db, SiteContext site, CurrentUser user, ExportBacklog queue, ExportWorker worker, ExportRunner runner, ExportData data, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    public const int MaxPrefaceLength = 20_000;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var jobs = await db.ExportJobs.AsNoTracking().OrderByDescending(j => j.Id).Take(50).ToListAsync(cancellationToken);
        var judges = await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Judge)))
            .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken);
        var rounds = contest?.Tracks.OrderBy(t => t.SortOrder).SelectMany(t => t.Rounds.OrderBy(r => r.Sequence).Select(r => (r.Id, $"{t.Name.ForCurrentCulture()} · {r.Name.ForCurrentCulture()}"))).ToList() ?? [];
        return View(new ExportsPage(jobs, contest?.AnthologyPreface ?? string.Empty, [.. judges.Select(j => (j.Id, j.DisplayName))], rounds));
    }

    [HttpPost("")]
    public async Task<IActionResult> Start(string kind, bool proposed, CancellationToken cancellationToken)
    {
        if (!ExportKinds.ContestWide.Contains(kind))
        {
            TempData["Error"] = l["There is no export called {0}.", kind].Value;
            return Redirect("/organizer/exports");
        }

        // The draft list is of the rankings as they are now, whatever is published.
        proposed &= !ExportKinds.IsDraft(kind);

        // An official notice naming nobody, or an empty book, is worse than none: nothing is made.
        if (!await data.HasResultsAsync(kind, proposed, cancellationToken))
        {
            TempData["Error"] = l[ExportRunner.NothingToExport(kind, proposed)].Value;
            return Redirect("/organizer/exports");
        }

        var job = new ExportJob { Kind = kind, Proposed = proposed, Status = ExportStatus.Queued, RequestedByUserId = (await user.GetAsync(cancellationToken))!.Id, CreatedAt = site.UtcNow };
        db.ExportJobs.Add(job);
        audit.Record("StartExport", nameof(ExportJob), kind, after: ExportKinds.IsDraft(kind) ? "draft" : proposed ? "proposed" : "final");
        await db.SaveChangesAsync(cancellationToken);
        queue.Enqueue(job.Id);
        TempData["Message"] = l["The export has started; it appears below when it is ready."].Value;
        return Redirect("/organizer/exports");
    }

    /// <summary>A judge's packet for a round, made at once (one judge's entries are few).</summary>
    [HttpPost("judge-packet")]
    public async Task<IActionResult> JudgePacket(int judge, int round, CancellationToken cancellationToken)
    {
        var isJudge = await db.UserRoles.AnyAsync(r => r.UserId == judge && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Judge), cancellationToken);
        var buffer = new MemoryStream();
        if (!isJudge || await runner.WriteJudgePacketAsync(judge, round, buffer, cancellationToken) is not { } name)
        {
            return NotFound();
        }

        buffer.Position = 0;
        return File(buffer, ExportKinds.ContentType(ExportKinds.JudgePacket), name);
    }

    [HttpPost("preface")]
    public async Task<IActionResult> Preface(string? preface, CancellationToken cancellationToken)
    {
        if (preface is { Length: > MaxPrefaceLength })
        {
            TempData["Error"] = l["{0} can have at most {1} characters.", l["Preface"], MaxPrefaceLength].Value;
            return Redirect("/organizer/exports");
        }

        var contest = await db.Contests.Where(c => c.IsCurrent).OrderByDescending(c => c.Year).FirstOrDefaultAsync(cancellationToken);
        if (contest is not null)
        {
            contest.AnthologyPreface = preface?.Trim() ?? string.Empty;
            audit.Record("EditPreface", "ContestEdition", contest.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = l["The preface is saved."].Value;
        }

        return Redirect("/organizer/exports");
    }

    [HttpGet("{id:int}/status")]
    public async Task<IActionResult> Status(int id, CancellationToken cancellationToken) =>
        await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id, cancellationToken) is { } job
            ? Json(new { status = job.Status.ToString(), progress = job.Progress })
            : NotFound();

    [HttpGet("{id:int}/download")]
    public async Task<IActionResult> Download(int id, CancellationToken cancellationToken)
    {
        var job = await db.ExportJobs.AsNoTracking().FirstOrDefaultAsync(j => j.Id == id && j.Status == ExportStatus.Done, cancellationToken);
        var path = job?.StoredAs is { } stored ? Path.Combine(worker.Folder, stored) : null;
        return path is not null && System.IO.File.Exists(path)
            ? PhysicalFile(path, ExportKinds.ContentType(job!.Kind), job.FileName)
            : NotFound();
    }
}
