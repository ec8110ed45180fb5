using Awards.Core.Common;
using Awards.Web.Infrastructure.Markdown;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Awards.Web.Features.Preview;

/// <summary>
/// The live preview of a Markdown editor: the same sanitizing renderer the site uses to show the
/// text, so what the author sees is what judges and readers will see. A POST with the
/// antiforgery token in the RequestVerificationToken header.
/// </summary>
[Authorize]
public sealed class PreviewController : Controller
{
    private const int MaxLength = 60_000;

    [HttpPost("/markdown/preview")]
    [RequestSizeLimit(512 * 1024)]
    public IActionResult Render([FromForm] string? text)
    {
        text ??= string.Empty;
        if (text.Length > MaxLength)
        {
            text = text[..MaxLength];
        }

        Response.Headers["X-Text-Length"] = TextLength.Count(text).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Content(MarkdownRenderer.ToSafeHtml(text), "text/html; charset=utf-8");
    }
}
