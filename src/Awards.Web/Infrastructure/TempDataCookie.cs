using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// MVC's cookie TempData, without a needless header on every page: the layout reads TempData for a
/// message, and the cookie provider then answered each such page, with a message or without, with
/// a header deleting a cookie the browser did not have. A save with nothing to keep now changes
/// nothing unless the request brought the cookie, which is then deleted as before, once its
/// message has been shown.
/// </summary>
internal sealed class TempDataCookie(CookieTempDataProvider cookies, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        // A chunked cookie keeps its own name for the first chunk, so the name alone tells.
        if (values.Count > 0 || context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            cookies.SaveTempData(context, values);
        }
    }
}
