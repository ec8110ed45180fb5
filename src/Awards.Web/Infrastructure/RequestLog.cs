using System.Diagnostics;

namespace Awards.Web.Infrastructure;

/// <summary>
/// One log line per request for the operator: method, route template, path, status, milliseconds
/// and the account id (README, Configuration). Static files that were served are left out, and the
/// query string never goes in: invitation and confirmation links carry their tokens there. With
/// <c>Logging:Console:FormatterName=json</c> each field is a property of its own.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            // Runs outside the exception handler, so a failed request is logged with the 500 it got.
            var endpoint = context.GetEndpoint();
            if (endpoint is not null || context.Response.StatusCode >= 400)
            {
                Write(
                    logger,
                    context.Request.Method,
                    (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? "-",
                    context.Request.Path.Value ?? "/",
                    context.Response.StatusCode,
                    (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    context.User.UserId());
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} {Path} -> {Status} in {ElapsedMs} ms, user {UserId}")]
    private static partial void Write(ILogger logger, string method, string route, string path, int status, long elapsedMs, int? userId);
}
