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

    /// <summary>The supported culture of that name, or null (a tampered form, an old cookie).</summary>
    public static CultureInfo? Find(string? name) => Supported.FirstOrDefault(c => c.Name == name);

    /// <summary>
    /// Runs <paramref name="write"/> in a person's language, their account's
    /// (<see cref="Data.AppUser.Language"/>; Chinese, the site's own, when they never chose one), and
    /// returns what it wrote: a mail is written in its reader's language, not in the language of
    /// whoever's click sends it. The request's own language is back when it returns.
    /// </summary>
    public static T In<T>(string? language, Func<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var reader = Find(language) ?? Supported[0];
        CultureInfo.CurrentCulture = reader;
        CultureInfo.CurrentUICulture = reader;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>The language this device chose with the language switch (its cookie), if it chose one.</summary>
    public static CultureInfo? Chosen(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(CookieRequestCultureProvider.DefaultCookieName, out var cookie)
            ? Find(CookieRequestCultureProvider.ParseCookieValue(cookie)?.UICultures.FirstOrDefault().Value)
            : null;
    }

    /// <summary>Remembers a language on this device for a year (the language switch's cookie).</summary>
    public static void Choose(HttpResponse response, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(culture);
        response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
    }

    /// <summary>
    /// At a new sign-in, brings the account's language (<see cref="Data.AppUser.Language"/>) and the
    /// device's together: a device that chose a language with the switch tells the account (the last
    /// choice counts); a device that never chose shows the site in the account's language from the
    /// next page on. Changes the tracked account; the caller saves.
    /// </summary>
    public static void AtSignIn(HttpContext http, Data.AppUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        if (Chosen(http.Request) is { } chosen)
        {
            if (user.Language != chosen.Name)
            {
                user.Language = chosen.Name;
            }
        }
        else if (Find(user.Language) is { } own && own.Name != CultureInfo.CurrentUICulture.Name)
        {
            Choose(http.Response, own);
        }
    }

    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Chinese),
            SupportedCultures = Supported.ToList(),
            SupportedUICultures = Supported.ToList(),
        };
        // Chinese unless the visitor chose otherwise: ?culture=en on a link shows that page in
        // English whatever the device chose (the cookie had beaten it), and the cookie, set only by
        // the language switch (a POST with its token), is what lasts: a link or an image elsewhere
        // cannot change a device's language, nor through it the account's (AtSignIn). The
        // browser's Accept-Language is deliberately not consulted.
        options.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        return options;
    }
}
