using Awards.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Identity's sign-in manager, which also refuses an account the organizer turned off, and whose
/// answer to a wrong password does not tell whether the address has an account: Identity answers
/// an unknown address at once, without hashing the password, and names an unconfirmed or turned-off
/// account whatever password was typed, as it names a locked one. Here an unknown address (or an
/// account without a password yet) costs one password hash as a known one does, and an account that
/// may not sign in, or is locked after repeated failures, says so only to someone who typed its
/// password (who still does not get in).
/// </summary>
public sealed class AwardsSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    // A hash of a random password, checked when there is no account's hash to check.
    private static string? _noAccountHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            SpendAHash(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    public override async Task<SignInResult> CheckPasswordSignInAsync(AppUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.PasswordHash is null)
        {
            // Identity checks nothing for an account without a password (an invitation not yet accepted).
            SpendAHash(password);
        }

        // Identity answers a locked account at once, whatever the password, and only unknown
        // addresses are never locked: "locked" would tell an attacker the address has an account.
        var lockedBefore = UserManager.SupportsUserLockout && await UserManager.IsLockedOutAsync(user);
        var result = await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
        if (result.IsLockedOut && !lockedBefore)
        {
            // This wrong password (its hash already checked) locked the account: the answer to a wrong password.
            return SignInResult.Failed;
        }

        if ((result.IsNotAllowed || result.IsLockedOut) && !await UserManager.CheckPasswordAsync(user, password))
        {
            // Unconfirmed, turned off or locked: told only to whoever knows the password, which
            // is checked (one hash, as for an unknown address) but still does not sign in.
            return SignInResult.Failed;
        }

        return result;
    }

    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedAt is null && await base.CanSignInAsync(user);
    }

    private void SpendAHash(string password)
    {
        var hasher = UserManager.PasswordHasher;
        var hash = _noAccountHash ??= hasher.HashPassword(new AppUser(), Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        hasher.VerifyHashedPassword(new AppUser(), hash, password ?? string.Empty);
    }
}
