using System.Security.Cryptography;
using System.Text;
using Awards.Web.Data;
using Awards.Web.Infrastructure.Mail;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// A sign-in from a device the account has not been used on is told to the account's owner by mail
/// (ADR 0013, amended): someone who signed in with a stolen password hears of it at once, and the
/// mail says where to sign that session out. A device is a browser's own random cookie, kept for a
/// year; each session remembers the hash of its device's. The first sign-in of an account, and the
/// first since sessions remember devices, tell nobody. A device whose sessions were all removed
/// (30 days after they ran out) is new again.
/// </summary>
public static class SignInDevices
{
    public const string CookieName = "Awards.Device";

    /// <summary>The hash of this browser's device cookie, set now when it has none.</summary>
    public static string Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.Cookies.TryGetValue(CookieName, out var value) && value.Length is >= 32 and <= 64)
        {
            return Hash(value);
        }

        value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, value, new CookieOptions
        {
            Expires = DateTimeOffset.UtcNow.AddYears(1),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
        });
        return Hash(value);
    }

    /// <summary>
    /// Queues the notice, to be saved with the new session, when the account's earlier sessions
    /// were on other devices and none on this one.
    /// </summary>
    public static void TellIfNew(HttpContext http, AppUser user, UserSession session, IEnumerable<UserSession> earlier)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(earlier);
        var devices = earlier.Select(s => s.Device).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        if (devices.Count == 0 || devices.Contains(session.Device))
        {
            return;
        }

        var services = http.RequestServices;
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var page = $"{services.GetRequiredService<IOptions<AwardsOptions>>().Value.PublicUrl.TrimEnd('/')}/account/security";
        var notice = Cultures.In(user.Language, () => new OutgoingMail(
            user.Email!,
            l["New sign-in to your account"],
            string.Join(
                "\n\n",
                l["Hello {0},", user.DisplayName],
                l["Your account on the Poverty Alleviation Day awards site was signed in on {0} on a device it had not been used on: {1}, address {2}.", SiteTime.Format(session.CreatedAt), UserSessions.Describe(session.Browser), session.Address],
                l["If this was you, nothing needs to be done."],
                l["If it was not, sign that session out and change your password on the account security page, and tell the organizer: {0}", page])));
        services.GetRequiredService<MailOutbox>().Add([notice], "a new-device sign-in notice");
    }

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
