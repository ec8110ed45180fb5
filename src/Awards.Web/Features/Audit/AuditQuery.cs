using System.Globalization;
using Awards.Web.Data;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Audit;

/// <summary>Reads the audit log for the organizer: filtered, newest first, a page at a time or all for export.</summary>
public sealed class AuditQuery(AwardsDbContext db)
{
    public const int PageSize = 50;

    /// <summary>The longest filter text kept; the stored columns are at most 60 characters, names a little more.</summary>
    public const int MaxFilterLength = 100;

    /// <summary>Checks the filter; each mistake is a localization key with the field's text as {0}.</summary>
    public static Criteria Parse(AuditFilter filter, out List<(string Message, string Value)> errors)
    {
        errors = [];
        var from = Time(filter.From, end: false, errors);
        var until = Time(filter.Until, end: true, errors);
        if (from is not null && until is not null && from > until)
        {
            errors.Add(("The start of the time range is after its end.", string.Empty));
        }

        foreach (var text in new[] { filter.User, filter.Entity, filter.Key, filter.Action })
        {
            if (text?.Trim().Length > MaxFilterLength)
            {
                errors.Add(("A filter is longer than {0} characters.", MaxFilterLength.ToString(CultureInfo.InvariantCulture)));
                break;
            }
        }

        return new Criteria(Clean(filter.User), Clean(filter.Entity), Clean(filter.Key), Clean(filter.Action), from, until);
    }

    /// <summary>The names a page's rows refer to, to show them as people read them.</summary>
    public Task<AuditDisplay> DisplayAsync(IReadOnlyList<AuditRow> rows, Microsoft.Extensions.Localization.IStringLocalizer l, CancellationToken cancellationToken) =>
        AuditDisplay.LoadAsync(db, rows, l, cancellationToken);

    public async Task<(IReadOnlyList<AuditRow> Rows, int Total, int Page)> PageAsync(Criteria criteria, int page, CancellationToken cancellationToken)
    {
        var query = Filtered(criteria);
        var total = await query.CountAsync(cancellationToken);
        page = Math.Clamp(page, 1, Pager.PageCount(total, PageSize));
        var rows = await Rows(query.OrderByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize)).ToListAsync(cancellationToken);
        return (rows, total, page);
    }

    /// <summary>Every matching row, newest first, read as it is written out rather than held in memory.</summary>
    public IAsyncEnumerable<AuditRow> AllAsync(Criteria criteria) =>
        Rows(Filtered(criteria).OrderByDescending(a => a.Id)).AsAsyncEnumerable();

    /// <summary>The entity types and actions that occur, for the filter's lists.</summary>
    public async Task<(IReadOnlyList<string> EntityTypes, IReadOnlyList<string> Actions)> ChoicesAsync(CancellationToken cancellationToken) =>
        (await ValuesAsync(DistinctEntityTypes, cancellationToken), await ValuesAsync(DistinctActions, cancellationToken));

    // Each value found from the one before by an index seek (a loose index scan), so the lists cost a
    // few dozen seeks however long the log grows; SELECT DISTINCT read every row: 131 ms, and 2.6 s
    // from a cold cache, at 578,000 rows (docs/PERFORMANCE.md). Ordinal order, as ORDER BY gives.
    // Both columns have an index that starts with them.
    private static readonly string DistinctEntityTypes = LooseDistinct("EntityType");

    private static readonly string DistinctActions = LooseDistinct("Action");

    private static string LooseDistinct(string column) => $"""
        WITH RECURSIVE v(x) AS (
            SELECT MIN("{column}") FROM "AuditLog"
            UNION ALL SELECT (SELECT MIN("{column}") FROM "AuditLog" WHERE "{column}" > v.x) FROM v WHERE v.x IS NOT NULL)
        SELECT x FROM v WHERE x IS NOT NULL
        """;

    private async Task<IReadOnlyList<string>> ValuesAsync(string sql, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var values = new List<string>();
            while (await reader.ReadAsync(cancellationToken))
            {
                values.Add(reader.GetString(0));
            }

            return values;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private IQueryable<AuditEntry> Filtered(Criteria c)
    {
        var query = db.AuditLog.AsNoTracking();
        if (c.User is { } user)
        {
            // By e-mail (in any case) or name, either in part: organizers remember one or the other.
            var upper = user.ToUpperInvariant();
            query = query.Where(a => db.Users.Any(u => u.Id == a.UserId && (u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(user))));
        }

        if (c.Entity is { } entity)
        {
            query = query.Where(a => a.EntityType == entity);
        }

        if (c.Key is { } key)
        {
            query = query.Where(a => a.EntityKey == key || a.EntityKey.StartsWith(key + "/"));
        }

        if (c.Action is { } action)
        {
            query = query.Where(a => a.Action == action);
        }

        if (c.FromUtc is { } from)
        {
            query = query.Where(a => a.At >= from);
        }

        if (c.UntilUtc is { } until)
        {
            query = query.Where(a => a.At < until);
        }

        return query;
    }

    private IQueryable<AuditRow> Rows(IQueryable<AuditEntry> query) =>
        query.Select(a => new AuditRow(
            a.Id,
            a.At,
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.Email).FirstOrDefault(),
            db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName).FirstOrDefault(),
            a.Action,
            a.EntityType,
            a.EntityKey,
            a.Before,
            a.After));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A time typed in China Standard Time, as UTC. The end of a range includes what it names
    /// whole: "until 18:00" keeps 18:00:59, "until 2026-10-17" keeps that whole day.
    /// </summary>
    private static DateTime? Time(string? text, bool end, List<(string Message, string Value)> errors)
    {
        if (Clean(text) is not { } value)
        {
            return null;
        }

        if (!SiteTime.TryParseInput(value, out var utc, dateAlone: true))
        {
            errors.Add(("\"{0}\" is not a date and time; use the form 2026-10-17 18:00.", value));
            return null;
        }

        if (!end)
        {
            return utc;
        }

        return value.Length switch
        {
            10 => utc.AddDays(1),
            16 => utc.AddMinutes(1),
            _ => utc.AddSeconds(1),
        };
    }

    /// <summary>A checked filter; times in UTC.</summary>
    public sealed record Criteria(string? User, string? Entity, string? Key, string? Action, DateTime? FromUtc, DateTime? UntilUtc);
}
