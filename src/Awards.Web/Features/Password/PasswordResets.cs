using System.Globalization;
using Awards.Core.Common;
using Awards.Web.Data;
using Awards.Web.Features.Account;
using Awards.Web.Features.Users;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Password;

/// <summary>
/// "Forgot your password?": a link by mail that lets the owner of the address set a new password.
/// The answer to a request never says whether the address has an account. The link is good for
/// <see cref="Lifespan"/> and for one use (the new password renews the account's security stamp,
/// which the token carries, and signs the account out everywhere). An account still waiting on its
/// invitation gets the invitation again instead; one address gets at most one mail per
/// <see cref="Interval"/>, so the form cannot be used to flood someone's inbox.
/// </summary>
public sealed class PasswordResets(
    UserManager<AppUser> userManager,
    Invitations invitations,
    AwardsDbContext db,
    MailOutbox outbox,
    AuditLog audit,
    IClock clock,
    IOptions<AwardsOptions> options,
    IStringLocalizer<SharedResource> l)
{
    public const string Provider = "PasswordReset";

    public const string Requested = "RequestPasswordReset";

    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(2);

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(2);

    private const string Purpose = "ResetPassword";

    /// <summary>Mails a reset link (or the invitation again) to the address if it has an account; says nothing either way.</summary>
    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByEmailAsync(email.Trim());
        if (user is null or { DeactivatedAt: not null })
        {
            // The same answer; an account that is turned off gets no link to turn itself on with.
            return;
        }

        var id = user.Id.ToString(CultureInfo.InvariantCulture);
        if (await audit.LastAsync(Requested, id, cancellationToken) is DateTime last && clock.UtcNow - last < Interval)
        {
            return;
        }

        audit.Record(Requested, "User", id, userId: user.Id);
        if (user.IsPendingInvitation)
        {
            // No password to reset: the invitation sets the first one (saved with the audit row).
            await invitations.ResendAsync(user);
            return;
        }

        var token = await userManager.GenerateUserTokenAsync(user, Provider, Purpose);
        var link = AccountLinks.Build(options.Value.PublicUrl, AccountLinks.ResetPassword, user.Email!, token);
        var body = string.Join(
            "\n\n",
            l["Hello {0},", user.DisplayName],
            l["Someone asked to reset the password of your account on the Poverty Alleviation Day awards site. Open this link within 2 hours to choose a new password:"],
            link,
            l["If you did not ask for this, ignore this message: your password stays as it is."]);
        // Saved with the audit row that paces the requests; delivered after the answer, so the answer
        // does not wait for the mail server, and a mail server that is down does not show.
        outbox.Add([new OutgoingMail(user.Email!, l["Reset your password"], body)], "a password reset link");
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The account the link was made for, if the link is still good.</summary>
    public async Task<AppUser?> AccountAsync(string? email, string? token)
    {
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token) || await userManager.FindByEmailAsync(email) is not { DeactivatedAt: null } user || user.IsPendingInvitation)
        {
            return null;
        }

        return await userManager.VerifyUserTokenAsync(user, Provider, Purpose, token) ? user : null;
    }

    /// <summary>
    /// Sets the new password from a good link. The link proves the address, so it is confirmed, and
    /// a lockout from failed sign-ins ends. Every session of the account ends with the new stamp.
    /// </summary>
    public async Task<IdentityResult> ResetAsync(AppUser user, string password)
    {
        // The link was checked by its own provider; Identity's reset takes a token of the default one.
        var result = await userManager.ResetPasswordAsync(user, await userManager.GeneratePasswordResetTokenAsync(user), password);
        if (!result.Succeeded)
        {
            return result;
        }

        user.EmailConfirmed = true;
        user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        await userManager.UpdateAsync(user);
        audit.Record("ResetPassword", "User", user.Id.ToString(CultureInfo.InvariantCulture), userId: user.Id);
        await db.SaveChangesAsync();
        await NotifyChangedAsync(user);
        return result;
    }

    /// <summary>
    /// Tells an account's owner that its password changed (by a reset or on the security page), so
    /// that they hear of a change they did not make. The change is saved before; the notice goes
    /// through the outbox like every mail.
    /// </summary>
    public Task NotifyChangedAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var notice = Cultures.In(user.Language, () => new OutgoingMail(
            user.Email!,
            l["Your password was changed"],
            string.Join(
                "\n\n",
                l["Hello {0},", user.DisplayName],
                l["The password of your account on the Poverty Alleviation Day awards site was changed on {0}, and every other session of the account was signed out.", SiteTime.Format(clock.UtcNow)],
                l["If you did not change it, reset it at once with \"Forgot your password?\" on the sign-in page, and tell the organizer."])));
        return outbox.SendAsync(notice, "a password-change notice", CancellationToken.None);
    }
}

/// <summary>Options of the reset links' token provider: its own name and a short lifespan, apart from the invitations' week.</summary>
public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions()
    {
        Name = PasswordResets.Provider;
        TokenLifespan = PasswordResets.Lifespan;
    }
}

/// <summary>The reset links' token provider (<see cref="PasswordResetTokenOptions"/>).</summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtectionProvider, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<AppUser>> logger)
    : DataProtectorTokenProvider<AppUser>(dataProtectionProvider, options, logger);
