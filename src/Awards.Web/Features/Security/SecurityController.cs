using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Awards.Core.Common;
using Awards.Web.Data;
using Awards.Web.Features.Password;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Security;

/// <summary>
/// A signed-in person's own account security (/account/security): changing the password, and
/// two-step verification with an authenticator app (SECURITY.md §2: optional TOTP; offered to
/// every role, meant for organizers and judges). Each change renews the account's security stamp,
/// which signs out its other sessions; this one is signed in again with the new stamp.
/// </summary>
[Authorize]
[Features.Leader.OwnAccount]
[Route("account/security")]
public sealed class SecurityController(
    UserManager<AppUser> userManager,
    SignInManager<AppUser> signInManager,
    PasswordResets resets,
    AwardsDbContext db,
    AuditLog audit,
    SessionEnds ends,
    SessionActivity activity,
    IClock clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>How many recovery codes a person gets at a time.</summary>
    public const int RecoveryCodes = 10;

    private const string Issuer = "Awards";

    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await PageAsync(await MeAsync(), new ChangePasswordForm(), new ConfirmPasswordForm()));

    /// <summary>
    /// Ends one of the account's other sessions, or (<paramref name="session"/> empty) all of them,
    /// once the password is given again (ASVS 3.3.4; ADR 0013). Ending all of them also renews the
    /// account's stamp, so that a session from before sessions had names ends too.
    /// </summary>
    [HttpPost("sessions/end")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> EndSessions([Bind(Prefix = nameof(SecurityPage.End))] ConfirmPasswordForm form, string? session)
    {
        var me = await MeAsync();
        var current = UserSessions.IdOf(User);
        if (!string.IsNullOrEmpty(session))
        {
            var ended = await db.UserSessions.Where(s => s.Id == session && s.UserId == me.Id).Select(s => (bool?)(s.EndedAt != null)).FirstOrDefaultAsync();
            if (ended is null || session == current)
            {
                // Another account's session, an unknown one, or this one (which signs out instead).
                return NotFound();
            }

            if (ended == true)
            {
                // A second click: nothing more to do.
                TempData["Message"] = l["That session is signed out."].Value;
                return Redirect("/account/security");
            }
        }

        if (await PasswordRefusedAsync(me, form, nameof(SecurityPage.End)) is { } refused)
        {
            return refused;
        }

        var now = clock.UtcNow;
        if (!string.IsNullOrEmpty(session))
        {
            await UserSessions.EndAsync(db, ends, now, me.Id, s => s.Id == session);
            audit.Record("EndSession", "User", me.Id.ToString(CultureInfo.InvariantCulture), userId: me.Id);
            await db.SaveChangesAsync();
            TempData["Message"] = l["That session is signed out."].Value;
        }
        else
        {
            var ended = await UserSessions.EndAsync(db, ends, now, me.Id, s => current == null || s.Id != current);
            await userManager.UpdateSecurityStampAsync(me);
            await ChangedAsync(me, "EndOtherSessions");
            TempData["Message"] = l["Every other session is signed out ({0}).", ended].Value;
        }

        return Redirect("/account/security");
    }

    [HttpPost("password")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = nameof(SecurityPage.Change))] ChangePasswordForm form)
    {
        var me = await MeAsync();
        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(me, form, new ConfirmPasswordForm()));
        }

        var result = await userManager.ChangePasswordAsync(me, form.CurrentPassword, form.Password);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)) && await WrongPasswordAsync(me) is { } lockedOut)
        {
            return lockedOut;
        }

        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? nameof(form.CurrentPassword) : nameof(form.Password);
                ModelState.AddModelError($"{nameof(SecurityPage.Change)}.{field}", error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? l["The current password is wrong."] : error.Description);
            }

            return View(nameof(Index), await PageAsync(me, form, new ConfirmPasswordForm()));
        }

        await ChangedAsync(me, "ChangePassword");
        await resets.NotifyChangedAsync(me);
        TempData["Message"] = l["Your password is changed. Your other sessions were signed out."].Value;
        return Redirect("/account/security");
    }

    /// <summary>Makes a new authenticator key (a state change, so a POST) and opens the page that shows it.</summary>
    [HttpPost("two-factor/start")]
    public async Task<IActionResult> StartTwoFactor()
    {
        var me = await MeAsync();
        if (!me.TwoFactorEnabled)
        {
            await userManager.ResetAuthenticatorKeyAsync(me);
            await signInManager.RefreshSignInAsync(me);
        }

        return Redirect("/account/security/two-factor");
    }

    [HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor()
    {
        var me = await MeAsync();
        return !me.TwoFactorEnabled && await AuthenticatorPageAsync(me, new AuthenticatorCodeForm()) is { } page
            ? View(page)
            : Redirect("/account/security");
    }

    [HttpPost("two-factor")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> EnableTwoFactor([Bind(Prefix = nameof(AuthenticatorPage.Form))] AuthenticatorCodeForm form)
    {
        var me = await MeAsync();
        if (me.TwoFactorEnabled || await AuthenticatorPageAsync(me, form) is not { } page)
        {
            // Already on (a second click), or the key was never made.
            return Redirect("/account/security");
        }

        if (ModelState.IsValid && !await userManager.VerifyTwoFactorTokenAsync(me, userManager.Options.Tokens.AuthenticatorTokenProvider, Digits(form.Code)))
        {
            ModelState.AddModelError($"{nameof(AuthenticatorPage.Form)}.{nameof(form.Code)}", l["The code is wrong or has expired. Enter the code the app shows now."]);
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(TwoFactor), page);
        }

        await userManager.SetTwoFactorEnabledAsync(me, true);
        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(me, RecoveryCodes);
        await ChangedAsync(me, "EnableTwoFactor", multiFactor: true);
        TempData["Message"] = l["Two-step verification is on. From now on, signing in asks for a code from the app."].Value;
        return View("RecoveryCodes", codes!.ToList());
    }

    [HttpPost("two-factor/disable")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> DisableTwoFactor([Bind(Prefix = nameof(SecurityPage.Confirm))] ConfirmPasswordForm form)
    {
        var me = await MeAsync();
        if (await PasswordRefusedAsync(me, form) is { } refused)
        {
            return refused;
        }

        if (me.TwoFactorEnabled)
        {
            await userManager.SetTwoFactorEnabledAsync(me, false);
            await userManager.ResetAuthenticatorKeyAsync(me);
            await ChangedAsync(me, "DisableTwoFactor", multiFactor: false);
        }

        TempData["Message"] = l["Two-step verification is off. Signing in asks for the password only."].Value;
        return Redirect("/account/security");
    }

    [HttpPost("two-factor/recovery-codes")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> NewRecoveryCodes([Bind(Prefix = nameof(SecurityPage.Confirm))] ConfirmPasswordForm form)
    {
        var me = await MeAsync();
        if (await PasswordRefusedAsync(me, form) is { } refused)
        {
            return refused;
        }

        if (!me.TwoFactorEnabled)
        {
            return Redirect("/account/security");
        }

        var codes = await userManager.GenerateNewTwoFactorRecoveryCodesAsync(me, RecoveryCodes);
        await ChangedAsync(me, "NewRecoveryCodes");
        TempData["Message"] = l["New recovery codes are made; the old ones no longer work."].Value;
        return View("RecoveryCodes", codes!.ToList());
    }

    /// <summary>The digits of a code as typed ("123 456", "123-456").</summary>
    public static string Digits(string code) => new([.. code.Where(char.IsAsciiDigit)]);

    /// <summary>The key in groups of four letters, as people type it into an app.</summary>
    public static string Grouped(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return grouped.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth URI that authenticator apps read from the QR code (the de facto "Key Uri Format").</summary>
    public static string AuthenticatorUri(string email, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{UrlEncoder.Default.Encode(Issuer)}:{UrlEncoder.Default.Encode(email)}?secret={key}&issuer={UrlEncoder.Default.Encode(Issuer)}&digits=6");

    private async Task<IActionResult?> PasswordRefusedAsync(AppUser me, ConfirmPasswordForm form, string prefix = nameof(SecurityPage.Confirm))
    {
        if (ModelState.IsValid && !await userManager.CheckPasswordAsync(me, form.CurrentPassword))
        {
            if (await WrongPasswordAsync(me) is { } lockedOut)
            {
                return lockedOut;
            }

            ModelState.AddModelError($"{prefix}.{nameof(form.CurrentPassword)}", l["The current password is wrong."]);
        }

        return ModelState.IsValid ? null
            : prefix == nameof(SecurityPage.End) ? View(nameof(Index), await PageAsync(me, new ChangePasswordForm(), new ConfirmPasswordForm(), form))
            : View(nameof(Index), await PageAsync(me, new ChangePasswordForm(), form));
    }

    /// <summary>
    /// A wrong current password counts as a failed sign-in, so that someone who has a session but
    /// not the password cannot try passwords here: at the lockout (SECURITY.md §2) the session ends.
    /// </summary>
    private async Task<IActionResult?> WrongPasswordAsync(AppUser me)
    {
        await userManager.AccessFailedAsync(me);
        if (!await userManager.IsLockedOutAsync(me))
        {
            return null;
        }

        await signInManager.SignOutAsync();
        TempData["Error"] = l["Too many failed sign-ins: this account is locked for 15 minutes."].Value;
        return Redirect("/account/login");
    }

    /// <summary>
    /// Records the change and signs this session in again with the account's new stamp (as the same
    /// session: <see cref="UserSessions"/>). Turning two-step verification on counts as a sign-in
    /// with it (the app's code was just checked), for the roles that require it
    /// (<see cref="TwoFactorRequirement"/>); turning it off drops that.
    /// </summary>
    private async Task ChangedAsync(AppUser me, string action, bool? multiFactor = null)
    {
        audit.Record(action, "User", me.Id.ToString(CultureInfo.InvariantCulture), userId: me.Id);
        await db.SaveChangesAsync();
        if (multiFactor is not bool mfa)
        {
            await signInManager.RefreshSignInAsync(me);
            return;
        }

        var current = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        Claim[] claims = mfa ? [new Claim(TwoFactorRequirement.MethodClaim, TwoFactorRequirement.MultiFactor)] : [];
        await signInManager.SignInWithClaimsAsync(me, current.Properties, claims);
    }

    private async Task<AuthenticatorPage?> AuthenticatorPageAsync(AppUser me, AuthenticatorCodeForm form)
    {
        if (await userManager.GetAuthenticatorKeyAsync(me) is not { Length: > 0 } key)
        {
            return null;
        }

        var png = QrCodes.Png(AuthenticatorUri(me.Email!, key), pixelsPerModule: 4);
        return new AuthenticatorPage(Grouped(key), "data:image/png;base64," + Convert.ToBase64String(png), form);
    }

    private async Task<SecurityPage> PageAsync(AppUser me, ChangePasswordForm password, ConfirmPasswordForm confirm, ConfirmPasswordForm? end = null)
    {
        // The sessions still going: not ended, not run out, and signed in with the account's stamp.
        var now = clock.UtcNow;
        var sessions = (await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == me.Id && s.EndedAt == null && s.ExpiresAt > now && s.Stamp == me.SecurityStamp)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync())
            .Select(s => new SessionRow(s.Id, UserSessions.Describe(s.Browser), s.Address, s.CreatedAt, LastActive(s), s.Id == UserSessions.IdOf(User)))
            .ToList();
        return new(me.Email!, me.TwoFactorEnabled, me.TwoFactorEnabled ? await userManager.CountRecoveryCodesAsync(me) : 0, password, confirm, sessions, end ?? new ConfirmPasswordForm(), (Cultures.Find(me.Language) ?? Cultures.Supported[0]).Name);
    }

    // Noted in this process a minute ago at most, else saved, else the sign-in.
    private DateTime LastActive(UserSession session) =>
        new[] { activity.LastSeen(session.Id), session.LastSeenAt, session.CreatedAt }.Max() ?? session.CreatedAt;

    private async Task<AppUser> MeAsync() =>
        await userManager.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in request without its account.");
}
