using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Awards.Web.Infrastructure;

public static class Cultures
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static readonly IReadOnlyList<CultureInfo> Supported = [new(Chinese), new(English)];

    /// <summary>Whether this request is in Chinese (an ordinal test: a culture-sensitive one goes through ICU).</summary>
    public static bool CurrentIsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = Supported.ToList(),
            SupportedUICultures = Supported.ToList(),
        };
        // Chinese unless the visitor chose otherwise: the cookie set by the language switch, or
        // ?culture=en on a link. The browser's Accept-Language is deliberately not consulted.
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        return options;
    }
}
