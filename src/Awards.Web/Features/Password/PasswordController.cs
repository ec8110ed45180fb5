using System.ComponentModel.DataAnnotations;
using Awards.Web.Features.Account;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Password;

// Messages and display names are localization keys (Resources/SharedResource.zh-CN.resx).
public sealed record ForgotPasswordForm
{
    [Required(ErrorMessage = "Please enter your e-mail address.")]
    [EmailAddress(ErrorMessage = "Please enter a valid e-mail address.")]
    [StringLength(100, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = string.Empty;
}

/// <summary>"Forgot your password?" and the page its mailed link opens (<see cref="PasswordResets"/>).</summary>
[Route("account")]
public sealed class PasswordController(PasswordResets resets, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("forgot-password")]
    public IActionResult Forgot() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> Forgot(ForgotPasswordForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        await resets.RequestAsync(form.Email, cancellationToken);
        return View("ForgotSent", form.Email.Trim());
    }

    [HttpGet("reset-password")]
    public async Task<IActionResult> Reset(string? email, string? token) =>
        await resets.AccountAsync(email, token) is null
            ? View("ResetInvalid")
            : View(new SetPasswordForm { Email = email!, Token = token! });

    [HttpPost("reset-password")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> Reset(SetPasswordForm form)
    {
        if (await resets.AccountAsync(form.Email, form.Token) is not { } user)
        {
            // Used already, expired, or not a link we sent.
            return View("ResetInvalid");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await resets.ResetAsync(user, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : string.Empty, error.Description);
            }

            return View(form);
        }

        TempData["Message"] = l["Your new password is set, and every session of your account was signed out. Please sign in."].Value;
        return Redirect("/account/login");
    }
}
