namespace Awards.Web.Data;

/// <summary>
/// One signed-in session of an account (ADR 0013): made at sign-in, named in the session's cookie,
/// and listed on the account security page, where its owner can end it. Signing out ends this
/// session only.
/// </summary>
public class UserSession
{
    public const int MaxBrowserLength = 200;

    /// <summary>A random id (32 hex digits), the value of the cookie's session claim.</summary>
    public string Id { get; set; } = string.Empty;

    public int UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the cookie runs out unless it is used: moved on each time the cookie is renewed.</summary>
    public DateTime ExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>
    /// When the session last made a request, to the minute, written a minute at most after it
    /// (<see cref="Infrastructure.SessionActivity"/>); null until its first write.
    /// </summary>
    public DateTime? LastSeenAt { get; set; }

    /// <summary>The account's security stamp the session was signed in with; a new stamp ends the session.</summary>
    public string Stamp { get; set; } = string.Empty;

    /// <summary>The browser's User-Agent, cut to <see cref="MaxBrowserLength"/>.</summary>
    public string Browser { get; set; } = string.Empty;

    public string Address { get; set; } = string.Empty;

    /// <summary>The hash of the browser's device cookie (<see cref="Infrastructure.SignInDevices"/>); empty for sessions from before.</summary>
    public string Device { get; set; } = string.Empty;
}
