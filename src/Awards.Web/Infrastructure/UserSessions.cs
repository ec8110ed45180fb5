using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Awards.Core.Common;
using Awards.Web.Data;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Each sign-in is a session of its own (ADR 0013, ASVS 3.3.1 and 3.3.4): a row in
/// <c>UserSessions</c> named by a claim in the cookie. Signing out ends that session only; the
/// account security page lists the account's sessions and ends any of them. An ended session's
/// cookie, and every copy of it, is refused at the next request (<see cref="SessionStamp"/> asks
/// <see cref="SessionEnds"/>, a set in the process: no query).
/// </summary>
public static class UserSessions
{
    /// <summary>The cookie's claim that names its session.</summary>
    public const string ClaimType = "awards:session";

    /// <summary>How long a session that ran out stays in the table before the account's next sign-in removes it.</summary>
    public static readonly TimeSpan KeepExpired = TimeSpan.FromDays(30);

    /// <summary>The claims a session keeps when Identity rebuilds its principal from the account.</summary>
    public static readonly string[] SessionClaims = [ClaimType, TwoFactorRequirement.MethodClaim];

    /// <summary>The session a principal's cookie names, if any (cookies from before ADR 0013 name none).</summary>
    public static string? IdOf(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimType)?.Value;

    /// <summary>
    /// The application cookie's SigningIn event. A new sign-in gets a new session; a request that
    /// signs the same account in again (a changed password, two-step verification turned on or
    /// off) keeps its session, with the account's new stamp.
    /// </summary>
    public static async Task SigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || context.Principal.UserId() is not int userId || IdOf(context.Principal) is not null)
        {
            return;
        }

        var http = context.HttpContext;
        var services = http.RequestServices;
        var db = services.GetRequiredService<AwardsDbContext>();
        var now = services.GetRequiredService<IClock>().UtcNow;
        var stamp = context.Principal.FindFirst(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType)?.Value ?? string.Empty;
        var expires = now + context.Options.ExpireTimeSpan;
        var kept = http.User.UserId() == userId && IdOf(http.User) is { } current
            ? await db.UserSessions.FirstOrDefaultAsync(s => s.Id == current && s.UserId == userId && s.EndedAt == null)
            : null;
        if (kept is null)
        {
            // The account's sessions, read once: those that ran out long ago go as a new one comes,
            // and the devices of all of them tell whether this sign-in comes from a new one.
            var earlier = await db.UserSessions.Where(s => s.UserId == userId).ToListAsync();
            db.UserSessions.RemoveRange(earlier.Where(s => s.ExpiresAt < now - KeepExpired));
            kept = new UserSession
            {
                Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                UserId = userId,
                CreatedAt = now,
                Browser = Truncate(http.Request.Headers.UserAgent.ToString(), UserSession.MaxBrowserLength),
                Address = http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                Device = SignInDevices.Of(http),
            };
            // Identity read the account for this sign-in, in this context: no query.
            if (await db.Users.FindAsync(userId) is { } user)
            {
                Cultures.AtSignIn(http, user);
                SignInDevices.TellIfNew(http, user, kept, earlier);
            }

            db.UserSessions.Add(kept);
        }

        kept.Stamp = stamp;
        kept.ExpiresAt = expires;
        await db.SaveChangesAsync();
        identity.AddClaim(new Claim(ClaimType, kept.Id));
    }

    /// <summary>
    /// Ends the account's sessions that <paramref name="which"/> picks (those still going): marks
    /// them ended and refuses their cookies from the next request on. Returns how many ended.
    /// </summary>
    public static async Task<int> EndAsync(AwardsDbContext db, SessionEnds ends, DateTime now, int userId, System.Linq.Expressions.Expression<Func<UserSession, bool>> which)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ends);
        var ending = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null).Where(which).ToListAsync();
        foreach (var session in ending)
        {
            session.EndedAt = now;
        }

        await db.SaveChangesAsync();
        ends.Add(ending);
        return ending.Count;
    }

    /// <summary>The cookie's CheckSlidingExpiration event: a renewed cookie moves its session's end on.</summary>
    public static async Task RenewingAsync(CookieSlidingExpirationContext context)
    {
        if (!context.ShouldRenew || IdOf(context.Principal) is not { } id)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<AwardsDbContext>();
        if (await db.UserSessions.FirstOrDefaultAsync(s => s.Id == id) is { } session)
        {
            session.ExpiresAt = services.GetRequiredService<IClock>().UtcNow + context.Options.ExpireTimeSpan;
            await db.SaveChangesAsync();
        }
    }

    /// <summary>Carries the session's own claims over when Identity's periodic check rebuilds the principal.</summary>
    public static Task KeepSessionClaims(SecurityStampRefreshingPrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.NewPrincipal?.Identity is ClaimsIdentity renewed && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in SessionClaims.SelectMany(current.FindAll))
            {
                if (!renewed.HasClaim(claim.Type, claim.Value))
                {
                    renewed.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A short name for the browser and system a User-Agent describes, e.g. "Chrome · Windows".</summary>
    public static string Describe(string userAgent)
    {
        var ua = userAgent ?? string.Empty;
        var browser = ua switch
        {
            _ when ua.Contains("MicroMessenger", StringComparison.Ordinal) => "WeChat",
            _ when ua.Contains("Edg/", StringComparison.Ordinal) => "Edge",
            _ when ua.Contains("Firefox/", StringComparison.Ordinal) => "Firefox",
            _ when ua.Contains("Chrome/", StringComparison.Ordinal) || ua.Contains("Chromium/", StringComparison.Ordinal) => "Chrome",
            _ when ua.Contains("Safari/", StringComparison.Ordinal) => "Safari",
            _ => string.Empty,
        };
        var system = ua switch
        {
            _ when ua.Contains("Android", StringComparison.Ordinal) => "Android",
            _ when ua.Contains("iPhone", StringComparison.Ordinal) || ua.Contains("iPad", StringComparison.Ordinal) => "iOS",
            _ when ua.Contains("Windows", StringComparison.Ordinal) => "Windows",
            _ when ua.Contains("Mac OS X", StringComparison.Ordinal) => "macOS",
            _ when ua.Contains("Linux", StringComparison.Ordinal) => "Linux",
            _ => string.Empty,
        };
        return string.Join(" · ", new[] { browser, system }.Where(s => s.Length > 0));
    }

    private static string Truncate(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>
/// The sessions ended lately, kept in the process (ADR 0013): read from the database once, then
/// added to as sessions are ended here. A cookie lives at most <see cref="Memory"/> after its last
/// renewal, and an ended session is never renewed, so older ends need not be kept. The site is one
/// process per database (ADR 0001, ADR 0010); a session ended by hand in the database is refused
/// after a restart.
/// </summary>
public sealed class SessionEnds(IServiceScopeFactory scopes, IClock clock) : IDisposable
{
    /// <summary>Longer than a cookie's lifetime (8 hours), with room for clocks that disagree.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, DateTime> _ended = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _loading = new(1, 1);
    private volatile bool _loaded;

    public void Dispose() => _loading.Dispose();

    public async ValueTask<bool> IsEndedAsync(string sessionId)
    {
        if (!_loaded)
        {
            await LoadAsync();
        }

        return _ended.ContainsKey(sessionId);
    }

    /// <summary>Ends sessions (already marked ended in the database by the caller's save).</summary>
    public void Add(IEnumerable<UserSession> sessions)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        var now = clock.UtcNow;
        foreach (var old in _ended.Where(e => e.Value < now - Memory).Select(e => e.Key).ToList())
        {
            _ended.TryRemove(old, out _);
        }

        foreach (var session in sessions)
        {
            _ended[session.Id] = session.EndedAt ?? now;
        }
    }

    private async Task LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            if (_loaded)
            {
                return;
            }

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
            var since = clock.UtcNow - Memory;
            foreach (var session in await db.UserSessions.AsNoTracking().Where(s => s.EndedAt > since).Select(s => new { s.Id, s.EndedAt }).ToListAsync())
            {
                _ended.TryAdd(session.Id, session.EndedAt!.Value);
            }

            _loaded = true;
        }
        finally
        {
            _loading.Release();
        }
    }
}
