using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Features.Users;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Account;

/// <summary>Sign-in and out, author self-registration with e-mail confirmation, invitations.</summary>
[Route("account")]
public sealed class AccountController(
    SignInManager<AppUser> signInManager,
    UserManager<AppUser> userManager,
    Invitations invitations,
    AwardsDbContext db,
    MailOutbox outbox,
    AuditLog audit,
    IClock clock,
    IOptions<AwardsOptions> options,
    IStringLocalizer<SharedResource> l) : Controller
{
    public const string ResendAction = "ResendConfirmation";

    /// <summary>The audit action of a registration with an address that has an account (its owner was told).</summary>
    public const string TakenAddressAction = "RegisterTakenAddress";

    public static readonly TimeSpan ResendInterval = TimeSpan.FromMinutes(2);

    [HttpGet("login")]
    public IActionResult Login(string? returnUrl, bool ended = false)
    {
        ViewData["SessionEnded"] = ended;
        return View(new LoginForm { ReturnUrl = returnUrl });
    }

    [HttpPost("login")]
    [Leader.OwnAccount]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await signInManager.PasswordSignInAsync(form.Email.Trim(), form.Password, form.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/dashboard");
        }

        if (result.RequiresTwoFactor)
        {
            // The password was right; Identity keeps who in its own short cookie until the code comes.
            return View("LoginTwoFactor", new TwoFactorLoginForm { RememberMe = form.RememberMe, ReturnUrl = form.ReturnUrl });
        }

        var unconfirmed = result.IsNotAllowed && await userManager.FindByEmailAsync(form.Email.Trim()) is { DeactivatedAt: null, EmailConfirmed: false };
        ViewData["ResendTo"] = unconfirmed ? form.Email.Trim() : null;
        ModelState.AddModelError(string.Empty, result switch
        {
            { IsLockedOut: true } => l["Too many failed sign-ins: this account is locked for 15 minutes."],
            { IsNotAllowed: true } when await userManager.FindByEmailAsync(form.Email.Trim()) is { DeactivatedAt: not null } => l["This account is turned off. Ask the organizer if you need it again."],
            { IsNotAllowed: true } => l["Please confirm your e-mail address first: open the link in the message we sent you."],
            _ => l["The e-mail address or the password is wrong."],
        });
        return View(form);
    }

    /// <summary>The second step of signing in with two-step verification: a code from the app, or a recovery code.</summary>
    [HttpPost("login/two-factor")]
    [Leader.OwnAccount]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> LoginTwoFactor(TwoFactorLoginForm form)
    {
        if (await signInManager.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            // The password step was too long ago (or never happened here).
            TempData["Error"] = l["Please sign in again: the sign-in was not finished in time."].Value;
            return Redirect("/account/login");
        }

        if (!ModelState.IsValid)
        {
            return View("LoginTwoFactor", form);
        }

        // Six digits (spaces and hyphens aside) are the app's code; anything else is a recovery code.
        var code = form.Code.Trim();
        var compact = new string([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-')]);
        var recovery = compact.Length != 6 || !compact.All(char.IsAsciiDigit);
        var result = recovery
            ? await signInManager.TwoFactorRecoveryCodeSignInAsync(code.Replace(" ", string.Empty, StringComparison.Ordinal))
            : await signInManager.TwoFactorAuthenticatorSignInAsync(compact, form.RememberMe, rememberClient: false);
        if (result.Succeeded)
        {
            if (recovery)
            {
                audit.Record("UseRecoveryCode", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: $"{await userManager.CountRecoveryCodesAsync(user)} left", userId: user.Id);
                await db.SaveChangesAsync();
            }

            return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : "/dashboard");
        }

        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? l["Too many failed sign-ins: this account is locked for 15 minutes."]
            : l["The code is wrong or has expired. Enter the code the app shows now, or one of your recovery codes."]);
        return View("LoginTwoFactor", form with { Code = string.Empty });
    }

    [HttpPost("logout")]
    [Leader.OwnAccount]
    public async Task<IActionResult> Logout([FromServices] SessionEnds ends)
    {
        // This session ends, and every copy of its cookie with it (ADR 0013); the account's other
        // sessions go on. A cookie from before sessions had names ends with a new stamp, as then.
        if (User.UserId() is int userId && UserSessions.IdOf(User) is { } session)
        {
            await UserSessions.EndAsync(db, ends, clock.UtcNow, userId, s => s.Id == session);
        }
        else if (await userManager.GetUserAsync(User) is { } user)
        {
            await userManager.UpdateSecurityStampAsync(user);
        }

        await signInManager.SignOutAsync();
        return LocalRedirect("/");
    }

    [HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Error", StatusCodes.Status403Forbidden);
    }

    [HttpGet("register")]
    public async Task<IActionResult> Register() => View(await RegisterPageAsync(new RegisterForm()));

    [HttpPost("register")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> Register([Bind(Prefix = "Form")] RegisterForm form)
    {
        if (form.UnitId is int unitId && !await db.Units.AnyAsync(u => u.Id == unitId))
        {
            ModelState.AddModelError("Form." + nameof(form.UnitId), l["Choose a unit from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return View(await RegisterPageAsync(form));
        }

        // The answer must not tell whether the address has an account (the reset and resend forms
        // do not either): the password's rules are checked first, then an address that has one gets
        // the same answer as a new one, and its owner a mail saying so.
        var email = form.Email.Trim();
        var passwordErrors = new List<IdentityError>();
        foreach (var validator in userManager.PasswordValidators)
        {
            passwordErrors.AddRange((await validator.ValidateAsync(userManager, new AppUser { UserName = email, Email = email }, form.Password)).Errors);
        }

        foreach (var error in passwordErrors)
        {
            ModelState.AddModelError("Form." + nameof(form.Password), error.Description);
        }

        if (!ModelState.IsValid)
        {
            return View(await RegisterPageAsync(form));
        }

        if (await userManager.FindByEmailAsync(email) is { } owner)
        {
            // The hash a new account's password costs, so that the answer's time does not tell either.
            _ = userManager.PasswordHasher.HashPassword(owner, form.Password);
            await TellOwnerOfTakenAddressAsync(owner);
            return RedirectToAction(nameof(RegisterConfirmation), new { email });
        }

        var user = new AppUser
        {
            UserName = email,
            Email = email,
            DisplayName = form.Name.Trim(),
            PhoneNumber = form.Phone.Trim(),
            UnitId = form.UnitId,
            CreatedAt = clock.UtcNow,
            Language = System.Globalization.CultureInfo.CurrentUICulture.Name,
        };
        var created = await userManager.CreateAsync(user, form.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError("Form." + (error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : nameof(form.Email)), error.Description);
            }

            return View(await RegisterPageAsync(form));
        }

        await userManager.AddToRoleAsync(user, Roles.Author);
        audit.Record("Register", "User", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), after: user.Email, userId: user.Id);
        await QueueConfirmationAsync(user);
        await db.SaveChangesAsync();
        return RedirectToAction(nameof(RegisterConfirmation), new { email = user.Email });
    }

    [HttpGet("register/confirmation")]
    public IActionResult RegisterConfirmation(string email) => View(model: email);

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmail(string? email, string? token)
    {
        var user = email is null ? null : await userManager.FindByEmailAsync(email);
        var confirmed = user is not null && token is not null && (await userManager.ConfirmEmailAsync(user, token)).Succeeded;
        if (confirmed)
        {
            audit.Record("ConfirmEmail", "User", user!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), userId: user.Id);
            await db.SaveChangesAsync();
        }

        return View(confirmed);
    }

    /// <summary>
    /// A new confirmation link for a self-registered account that is still unconfirmed (the first
    /// mail lost, or its link expired). The answer never says whether the address has an account,
    /// and one address gets at most one link per <see cref="ResendInterval"/>, read from the audit log.
    /// </summary>
    [HttpPost("confirm-email/resend")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> ResendConfirmation(string? email)
    {
        var address = email?.Trim() ?? string.Empty;
        if (address.Length is > 0 and <= 256 && await userManager.FindByEmailAsync(address) is { EmailConfirmed: false, DeactivatedAt: null } user && !user.IsPendingInvitation)
        {
            var id = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await audit.WithinAsync(ResendAction, id, ResendInterval, HttpContext.RequestAborted) is null)
            {
                await QueueConfirmationAsync(user);
                audit.Record(ResendAction, "User", id, userId: user.Id);
                await db.SaveChangesAsync();
            }
        }

        TempData["Message"] = l["If {0} has an account that still waits for its confirmation, a new link is on its way. Open the newest message.", address].Value;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("accept-invitation")]
    public async Task<IActionResult> AcceptInvitation(string? email, string? token)
    {
        var user = email is null ? null : await userManager.FindByEmailAsync(email);
        if (user is null || token is null || !user.IsPendingInvitation || user.DeactivatedAt is not null)
        {
            return View("InvitationInvalid");
        }

        return View(new SetPasswordForm { Email = email!, Token = token });
    }

    [HttpPost("accept-invitation")]
    [EnableRateLimiting(SiteSetup.AccountRateLimit)]
    public async Task<IActionResult> AcceptInvitation(SetPasswordForm form)
    {
        var user = await userManager.FindByEmailAsync(form.Email);
        if (user is null || !user.IsPendingInvitation || user.DeactivatedAt is not null)
        {
            return View("InvitationInvalid");
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await invitations.AcceptAsync(user, form.Token, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(form.Password) : string.Empty, error.Description);
            }

            return View(form);
        }

        TempData["Message"] = l["Your password is set. Please sign in."].Value;
        return RedirectToAction(nameof(Login));
    }

    /// <summary>
    /// Someone registered with an address that has an account: its owner hears of it (at most once
    /// per <see cref="ResendInterval"/>), with the way in if it was them.
    /// </summary>
    private async Task TellOwnerOfTakenAddressAsync(AppUser owner)
    {
        var id = owner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (await audit.WithinAsync(TakenAddressAction, id, ResendInterval, HttpContext.RequestAborted) is not null)
        {
            return;
        }

        var site = options.Value.PublicUrl.TrimEnd('/');
        outbox.Add(
            [Cultures.In(owner.Language, () => new OutgoingMail(
                owner.Email!,
                l["Someone tried to register with your address"],
                string.Join(
                    "\n\n",
                    l["Hello {0},", owner.DisplayName],
                    l["Someone just tried to register a new account with this e-mail address on the Poverty Alleviation Day awards site. This address already has an account, so no new one was made."],
                    l["If it was you, sign in: {0}. If you forgot your password, ask for a new one on the sign-in page.", site + "/account/login"],
                    l["If it was not you, you can ignore this message: nothing changed in your account."])))],
            "a registration with a taken address");
        audit.Record(TakenAddressAction, "User", id);
        await db.SaveChangesAsync();
    }

    /// <summary>Puts the confirmation link in the outbox, to be saved with the registration.</summary>
    private async Task QueueConfirmationAsync(AppUser user)
    {
        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        var link = AccountLinks.Build(options.Value.PublicUrl, AccountLinks.ConfirmEmail, user.Email!, token);
        var body = string.Join(
            "\n\n",
            l["Hello {0},", user.DisplayName],
            l["Thank you for registering for the Poverty Alleviation Day essay contest. Open this link to confirm your e-mail address:"],
            link,
            l["If you did not register, ignore this message."]);
        outbox.Add([new OutgoingMail(user.Email!, l["Confirm your e-mail address"], body)], "an address confirmation");
    }

    private async Task<RegisterPage> RegisterPageAsync(RegisterForm form)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Kind != Core.Units.UnitKind.City).ToListAsync();
        var options = units
            .OrderBy(u => u.Kind).ThenBy(u => u.Id)
            .Select(u => new UnitOption(u.Id, u.Name.ForCurrentCulture(), l[Labels.Of(u.Kind)]))
            .ToList();
        return new RegisterPage(form, options);
    }
}

public sealed record RegisterPage(RegisterForm Form, IReadOnlyList<UnitOption> Units);
