using Awards.Web.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Awards.Web.Infrastructure;

/// <summary>
/// <c>/health</c> for a monitor or a load balancer: "Healthy" (200) when the database answers a
/// query on the migration history, else "Unhealthy" (503). It says nothing else, so it can stay
/// anonymous; the health middleware sends it with Cache-Control: no-store.
/// </summary>
internal sealed class DatabaseHealthCheck(AwardsDbContext db) : IHealthCheck
{
    public const string Path = "/health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM __EFMigrationsHistory;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database has no migrations applied.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The status alone: the reason and any exception go to the log, never to the caller.</summary>
    public static HealthCheckOptions Options() => new()
    {
        ResponseWriter = (context, report) =>
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString());
        },
    };
}
