using Awards.Web.Data;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Infrastructure;

/// <summary>
/// A page's queries share one open of the database connection (docs/PERFORMANCE.md). EF opens and
/// closes the connection around every query that finds it closed, and each open took the pool's
/// lock and registered EF's dozen SQL functions on the native connection again: with the session
/// stamp, the page's reads and its save, that was several times a request. The connection is
/// opened once, before authentication (the stamp check is the first query), and closed when the
/// response is done. EF counts opens, so code that opens and closes it itself (an immediate
/// transaction) nests inside. Holding an open connection takes no lock in WAL mode. Only MVC
/// actions: static files need no database, and the health check has a scope of its own.
/// </summary>
internal sealed class RequestConnection(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<ControllerActionDescriptor>() is null)
        {
            await next(context);
            return;
        }

        var db = context.RequestServices.GetRequiredService<AwardsDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await next(context);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
