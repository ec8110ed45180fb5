namespace Awards.Web.Infrastructure;

public enum SiteMode
{
    /// <summary>Seeds the demo contest, demo accounts and sample entries; shows the mailbox page.</summary>
    Demo,

    /// <summary>Seeds the contest only; no accounts, no sample entries, no mailbox page.</summary>
    Production,
}

/// <summary>The "Awards" configuration section (README, Configuration).</summary>
public sealed class AwardsOptions
{
    public const string Section = "Awards";

    public SiteMode Mode { get; set; } = SiteMode.Demo;

    /// <summary>The SQLite database file; relative paths are resolved from the repository root.</summary>
    public string DatabasePath { get; set; } = "data/awards.db";

    public string SeedPath { get; set; } = "seed";

    /// <summary>
    /// The address people reach the site at, used in links sent by mail. Links are never built
    /// from the request's Host header, which a client controls.
    /// </summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>Where Data Protection keeps its keys, so sign-ins survive a restart.</summary>
    public string KeysPath { get; set; } = "data/keys";

    /// <summary>Where finished exports are kept for download.</summary>
    public string ExportsPath { get; set; } = "data/exports";

    public InitialOrganizerOptions InitialOrganizer { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public UploadOptions Uploads { get; set; } = new();

    public JudgingOptions Judging { get; set; } = new();

    public ResultOptions Results { get; set; } = new();

    public SecurityOptions Security { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();

    /// <summary>
    /// The reverse proxies in front of the site, as IP addresses separated by commas: their
    /// X-Forwarded-For and X-Forwarded-Proto are believed, so that the rate limits, the request log
    /// and the sessions list see each visitor's own address. Empty: the site faces the visitors
    /// itself, and those headers are ignored (anyone could send them).
    /// </summary>
    public string Proxies { get; set; } = string.Empty;

    /// <summary>The addresses of <see cref="Proxies"/>; a value that is not an IP address stops the site at start.</summary>
    public static IReadOnlyList<System.Net.IPAddress> ProxyAddresses(string? proxies) =>
        [.. (proxies ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => System.Net.IPAddress.TryParse(p, out var address)
                ? address
                : throw new InvalidOperationException($"Awards:Proxies: \"{p}\" is not an IP address."))];

    /// <summary>How often the site hands malloc's free memory back to the system (<see cref="MallocTrim"/>); 0 never.</summary>
    public double MallocTrimSeconds { get; set; } = 2;
}

/// <summary>The reminders the site sends by itself before a deadline (ADR 0022).</summary>
public sealed class ReminderOptions
{
    /// <summary>The longest lead time accepted: 30 days.</summary>
    public const int MaxLeadHours = 30 * 24;

    /// <summary>Off: no reminder goes unless the organizer sends it.</summary>
    public bool Automatic { get; set; } = true;

    /// <summary>
    /// How long before each deadline a reminder goes, in hours; unset, 72 and 24. Null by default
    /// because the configuration binder adds an array's configured items to the ones it already has.
    /// </summary>
    public int[]? LeadHours { get; set; }

    /// <summary>The lead times, longest first; one that is not 1 to <see cref="MaxLeadHours"/> hours stops the site at start.</summary>
    public IReadOnlyList<TimeSpan> Leads =>
        [.. (LeadHours is { Length: > 0 } hours ? hours : [72, 24])
            .Select(h => h is >= 1 and <= MaxLeadHours
                ? TimeSpan.FromHours(h)
                : throw new InvalidOperationException($"Awards:Reminders:LeadHours: {h} is not 1 to {MaxLeadHours} hours."))
            .Distinct()
            .OrderDescending()];
}

public sealed class JudgingOptions
{
    /// <summary>An entry whose judges' totals differ by more than this many points is flagged for the organizer.</summary>
    public decimal DisagreementThreshold { get; set; } = 20;
}

/// <summary>Caps on uploaded files (SECURITY.md §4).</summary>
public sealed class ResultOptions
{
    /// <summary>How long proposed winners stay on public notice (公示) before they can be finalized.</summary>
    public int NoticeDays { get; set; } = 7;

    /// <summary>
    /// Points per prize level for the Outstanding Organization Award's suggested ranking (level rank → points),
    /// e.g. first prize 4, second 3, third 2, excellence 1.
    /// </summary>
    public Dictionary<int, decimal> LevelPoints { get; set; } = new() { [1] = 4, [2] = 3, [3] = 2, [4] = 1 };
}

public sealed class UploadOptions
{
    public int MaxFileMegabytes { get; set; } = 10;

    public int MaxFilesPerEntry { get; set; } = 10;

    public int MaxEntryMegabytes { get; set; } = 30;

    /// <summary>
    /// The most entries one account may start in one award or theme, whatever their status: enough
    /// for drafts, a withdrawal and a new start, and a bound on what one account can store (an
    /// essay keeps its Word original, a nomination its files).
    /// </summary>
    public int EntriesPerAccount { get; set; } = 10;

    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;

    public Core.Entries.AttachmentLimits AttachmentLimits => new(MaxFilesPerEntry, MaxEntryMegabytes * 1024L * 1024L);

    public Core.Uploads.UploadLimits FileLimits => Core.Uploads.UploadLimits.Default with { MaxFileBytes = MaxFileBytes };
}

/// <summary>The first organizer, created at start when no organizer exists yet.</summary>
public sealed class InitialOrganizerOptions
{
    public string? Email { get; set; }

    public string? Name { get; set; }

    public string? Password { get; set; }
}

public sealed class SecurityOptions
{
    /// <summary>
    /// Roles whose pages ask for a sign-in with two-step verification, comma-separated (e.g.
    /// "Organizer,Judge"); empty, it stays each person's choice (<see cref="TwoFactorRequirement"/>).
    /// </summary>
    public string RequireTwoFactorFor { get; set; } = string.Empty;

    public IReadOnlyList<string> TwoFactorRoles =>
        [.. RequireTwoFactorFor.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

public sealed class RateLimitOptions
{
    /// <summary>Sign-in, registration and password form posts per client address per minute.</summary>
    public int AccountPostsPerMinute { get; set; } = 20;

    /// <summary>Entry form posts (save, submit, upload) per signed-in account per minute.</summary>
    public int EntryPostsPerMinute { get; set; } = 60;

    /// <summary>Objections to the public notice one address may send per hour, counted when one is received (<see cref="Features.Results.ObjectionAllowance"/>).</summary>
    public int ObjectionsPerHour { get; set; } = 5;

    /// <summary>Posts of the objection form per address per hour, refused ones included: the flood guard in front of <see cref="ObjectionsPerHour"/>.</summary>
    public int ObjectionPostsPerHour { get; set; } = 30;

    /// <summary>
    /// Look-ups by a typed code per client address per minute: an objection's reference and a
    /// certificate's code. Neither can be guessed (2^40 references), but a visitor trying codes in a
    /// loop is stopped all the same; a person reading codes off paper types far fewer.
    /// </summary>
    public int LookupsPerMinute { get; set; } = 60;
}
