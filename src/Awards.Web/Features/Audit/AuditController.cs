using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Audit;

/// <summary>The organizer reads the audit log (who, when, what, before and after) and exports what they filtered.</summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/audit")]
public sealed class AuditController(AuditQuery audit, IClock clock, IStringLocalizer<SharedResource> l) : Controller
{
    // The action filter is bound from the query by name: "action" is also MVC's route value for the method.
    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, string? entity, string? key, [FromQuery(Name = "action")] string? done, string? from, string? until, int page = 1, CancellationToken cancellationToken = default)
    {
        var filter = new AuditFilter(user, entity, key, done, from, until);
        var criteria = AuditQuery.Parse(filter, out var errors);
        if (errors.Count > 0)
        {
            return await InvalidAsync(filter, errors, cancellationToken);
        }

        var (types, actions) = await audit.ChoicesAsync(cancellationToken);
        var (rows, total, shown) = await audit.PageAsync(criteria, page, cancellationToken);
        return View(new AuditPage(filter, rows, total, shown, AuditQuery.PageSize, types, actions, [], await audit.DisplayAsync(rows, l, cancellationToken)));
    }

    [HttpGet("export.csv")]
    public async Task<IActionResult> Export(string? user, string? entity, string? key, [FromQuery(Name = "action")] string? done, string? from, string? until, CancellationToken cancellationToken)
    {
        var filter = new AuditFilter(user, entity, key, done, from, until);
        var criteria = AuditQuery.Parse(filter, out var errors);
        if (errors.Count > 0)
        {
            return await InvalidAsync(filter, errors, cancellationToken);
        }

        // Streamed: the whole log may be far larger than a page.
        var name = $"audit-{SiteTime.ToLocal(clock.UtcNow):yyyyMMdd-HHmm}.csv";
        Response.ContentType = AuditCsv.ContentType;
        Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = name }.ToString();
        await AuditCsv.WriteAsync(Response.Body, audit.AllAsync(criteria), l, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The filter form again with what is wrong with it, and no rows (from the page or the export).</summary>
    private async Task<IActionResult> InvalidAsync(AuditFilter filter, List<(string Message, string Value)> errors, CancellationToken cancellationToken)
    {
        var (types, actions) = await audit.ChoicesAsync(cancellationToken);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(nameof(Index), new AuditPage(filter, [], 0, 1, AuditQuery.PageSize, types, actions, [.. errors.Select(e => l[e.Message, e.Value].Value)]));
    }
}
