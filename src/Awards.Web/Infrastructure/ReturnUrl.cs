using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Where the language switch brings a visitor back to: the page they are reading. For an error
/// page, the address that failed (not /status/404); for a page shown in answer to a form (its
/// errors), the page the form was on, since its address takes only posts. Without a ?culture= of
/// the page's link, which would otherwise outweigh the language just chosen.
/// </summary>
public static class ReturnUrl
{
    public static string For(HttpContext context) => WithoutCulture(Of(context));

    private static string Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // An error page is shown with the failed request's method.
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        {
            return context.Features.Get<IStatusCodeReExecuteFeature>() is { } failed
                ? failed.OriginalPath + failed.OriginalQueryString
                : request.Path + request.QueryString;
        }

        // The form's own page, when the browser said which it was and it is on this site.
        return Uri.TryCreate(request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
            && string.Equals(referer.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
            && referer.AbsolutePath.StartsWith('/') && !referer.AbsolutePath.StartsWith("//", StringComparison.Ordinal)
            ? referer.PathAndQuery
            : "/";
    }

    private static string WithoutCulture(string url)
    {
        var mark = url.IndexOf('?', StringComparison.Ordinal);
        if (mark < 0)
        {
            return url;
        }

        var query = QueryHelpers.ParseQuery(url[mark..]);
        if (!query.Keys.Any(IsCulture))
        {
            return url;
        }

        var kept = query.Where(p => !IsCulture(p.Key)).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? string.Empty)));
        return url[..mark] + new QueryBuilder(kept).ToQueryString();
    }

    private static bool IsCulture(string key) =>
        key.Equals("culture", StringComparison.OrdinalIgnoreCase) || key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase);
}
