using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Long forms (an essay, a nomination's deeds) keep a copy of what is typed in the browser's
/// storage until the server has saved it, so that a session that ended, a refused token or a
/// crash loses nothing (site.js, "kept forms"). A form is marked <c>data-keep="KEY"</c>; after a
/// successful save the next page names the key in a meta tag and the copy is dropped. The key holds
/// the account, so that another person signing in on the same computer is not offered the copy.
/// </summary>
public static class KeptForms
{
    public const string TempDataKey = "KeptSaved";

    /// <summary>The key of the form posting to <paramref name="action"/> for the signed-in person.</summary>
    public static string Key(ClaimsPrincipal user, string action) =>
        string.Create(CultureInfo.InvariantCulture, $"{user.UserId()}:{action}");

    /// <summary>Tells the next page that the form posted to <paramref name="action"/> (the request's own path) is saved.</summary>
    public static void Saved(ITempDataDictionary tempData, ClaimsPrincipal user, PathString action)
    {
        ArgumentNullException.ThrowIfNull(tempData);
        tempData[TempDataKey] = Key(user, action.Value ?? string.Empty);
    }
}
