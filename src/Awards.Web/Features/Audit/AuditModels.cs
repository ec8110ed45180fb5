using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Audit;

/// <summary>
/// What the organizer filters the audit log by, as the form sends it. <see cref="From"/> and
/// <see cref="Until"/> are China Standard Time, as the site shows times ("2026-10-17T18:00").
/// </summary>
public sealed record AuditFilter(string? User, string? Entity, string? Key, string? Action, string? From, string? Until)
{
    public static readonly AuditFilter None = new(null, null, null, null, null, null);

    /// <summary>The filter as a query string, for paging and export links.</summary>
    public string Query()
    {
        var parts = new (string Name, string? Value)[] { ("user", User), ("entity", Entity), ("key", Key), ("action", Action), ("from", From), ("until", Until) };
        return string.Join('&', parts.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!.Trim())}"));
    }
}

/// <summary>One audit entry as the viewer and the export show it.</summary>
public sealed record AuditRow(long Id, DateTime At, string? UserEmail, string? UserName, string Action, string EntityType, string EntityKey, string? Before, string? After);

/// <summary>A page of the log; <see cref="Errors"/> holds the filter's mistakes, and then no rows are read.</summary>
public sealed record AuditPage(
    AuditFilter Filter,
    IReadOnlyList<AuditRow> Rows,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<string> EntityTypes,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Errors,
    AuditDisplay? Display = null)
{
    public int Pages => Pager.PageCount(Total, PageSize);
}
