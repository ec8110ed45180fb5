using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Awards.Web.Features.Verify;

/// <summary>What the certificate check shows: the code asked about (none yet: the empty form) and the certificate found.</summary>
public sealed record VerifyPage(string? Code, VerifiedCertificate? Found);

/// <summary>
/// The page a certificate's QR code opens: it confirms the certificate once the results are final.
/// /verify alone is a box for the code printed under the QR code, for someone reading it off paper.
/// </summary>
public sealed class VerifyController(Certificates certificates) : Controller
{
    [HttpGet("verify")]
    public IActionResult Ask(string? code) =>
        string.IsNullOrWhiteSpace(code)
            ? View("~/Features/Verify/Views/Index.cshtml", new VerifyPage(null, null))
            : Redirect($"/verify/{Uri.EscapeDataString(code.Trim())}");

    [HttpGet("verify/{code}")]
    [EnableRateLimiting(SiteSetup.LookupRateLimit)]
    public async Task<IActionResult> Index(string code, CancellationToken cancellationToken)
    {
        var found = await certificates.FindAsync(code, cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("~/Features/Verify/Views/Index.cshtml", new VerifyPage(code, found));
    }
}
