using System.Collections.Concurrent;
using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Every request compares the security stamp in the cookie with the account's (one indexed read),
/// so a changed password or a reset ends every session at once, and asks whether the cookie's own
/// session was ended (signed out, or ended from the account security page: <see cref="UserSessions"/>,
/// ADR 0013), so a copy of the cookie stops working the moment its session ends (ASVS 3.3.1),
/// instead of when Identity next checks, minutes later. The stamps read are kept in
/// <see cref="SessionStamps"/> until an account is saved (ADR 0010).
/// </summary>
public static class SessionStamp
{
    // Compiled once: the check runs on every signed-in request.
    private static readonly Func<AwardsDbContext, int, Task<string?>> CurrentStamp =
        EF.CompileAsyncQuery((AwardsDbContext db, int id) => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefault());

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        if (context.Principal?.UserId() is int id)
        {
            var claimType = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
            var inCookie = context.Principal.FindFirst(claimType)?.Value;
            var stamps = services.GetRequiredService<SessionStamps>();
            var version = stamps.Version;
            var current = stamps.Get(id, version);
            if (current is null)
            {
                current = await CurrentStamp(services.GetRequiredService<AwardsDbContext>(), id);
                if (current is not null)
                {
                    stamps.Keep(id, version, current);
                }
            }

            // A session ended on its own (signed out, or ended from another session: ADR 0013).
            var session = UserSessions.IdOf(context.Principal);
            if (current is null || current != inCookie
                || (session is not null && await services.GetRequiredService<SessionEnds>().IsEndedAsync(session)))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }

            if (session is not null)
            {
                services.GetRequiredService<SessionActivity>().Seen(session, services.GetRequiredService<IClock>().UtcNow);
            }
        }

        // Identity's own check (lockout, a changed password) keeps running at its interval. It is
        // called only when due: calling it builds the sign-in manager and its graph of services
        // on every request just to find that the interval has not passed.
        var interval = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        if (issued is null || (interval.TimeProvider ?? TimeProvider.System).GetUtcNow() - issued.Value > interval.ValidationInterval)
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
    }
}

/// <summary>
/// The security stamps of the accounts that have signed-in requests, shared by every request
/// until any account is saved (ADR 0010): the check above then costs a dictionary look-up instead
/// of a query. The version works as <see cref="ContestCache"/>'s does: <see cref="AccountChanges"/>
/// moves it on before every save of an account and again once the save is visible to other
/// connections, and a stamp read at an old version is a miss, never a stale stamp.
/// </summary>
public sealed class SessionStamps
{
    private readonly ConcurrentDictionary<int, Entry> _stamps = new();
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    /// <summary>The account's stamp as read at <paramref name="version"/>, or null if it was not read since then.</summary>
    public string? Get(int userId, long version) =>
        _stamps.TryGetValue(userId, out var entry) && entry.Version == version ? entry.Stamp : null;

    /// <summary>Keeps a stamp read from the database after <paramref name="version"/> was taken.</summary>
    public void Keep(int userId, long version, string stamp) => _stamps[userId] = new Entry(version, stamp);

    public void Invalidate() => Interlocked.Increment(ref _version);

    private sealed record Entry(long Version, string Stamp);
}

/// <summary>Moves the session stamps' version on around every save that adds, changes or deletes an account.</summary>
public sealed class AccountChanges(SessionStamps stamps) : RowChanges
{
    protected override bool Copies(Type type) => type.IsAssignableTo(typeof(AppUser));

    protected override void Invalidate() => stamps.Invalidate();
}
