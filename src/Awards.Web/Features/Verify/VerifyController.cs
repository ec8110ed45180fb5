using Microsoft.AspNetCore.Mvc;

namespace Awards.Web.Features.Verify;

/// <summary>The page a certificate's QR code opens: it confirms the certificate once the results are final.</summary>
public sealed class VerifyController(Certificates certificates) : Controller
{
    [HttpGet("verify/{code}")]
    public async Task<IActionResult> Index(string code, CancellationToken cancellationToken)
    {
        var found = await certificates.FindAsync(code, cancellationToken);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }

        return View("~/Features/Verify/Views/Index.cshtml", found);
    }
}
