using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Tracks;

namespace Awards.Web.Features.Dashboard;

/// <summary>A row of an entrant's table; <see cref="Link"/> opens the entry, <see cref="Reason"/> says why it was returned.</summary>
public sealed record EntryRow(string Code, string Title, EntryStatus Status, DateTime UpdatedAt, DateTime? SubmittedAt, string? Reason = null, string? Link = null)
{
    /// <summary>The final result: a prize's name, an empty string for no prize; null until the award's results are final.</summary>
    public string? Result { get; init; }
}

public sealed record TrackCount(Track Track, IReadOnlyDictionary<EntryStatus, int> ByStatus)
{
    public int Count(EntryStatus status) => ByStatus.GetValueOrDefault(status);

    public int Active => Count(EntryStatus.Submitted) + Count(EntryStatus.Accepted);
}

public sealed record AuditRow(DateTime At, string? User, string Action, string EntityType, string EntityKey);

public sealed record OrganizerDashboard(
    ContestEdition Contest,
    ContestPhase Phase,
    IReadOnlyList<TrackCount> Tracks,
    IReadOnlyDictionary<string, int> UsersByRole,
    int PendingInvitations,
    int Units,
    IReadOnlyList<AuditRow> RecentActivity,
    Outbox.OutboxCounts Mail)
{
    /// <summary>While submissions are open: the entries a reminder would name, and when the last one went.</summary>
    public ReminderState? Reminder { get; init; }
}

/// <summary>The organizer's reminder to entrants (<see cref="EntrantReminders"/>): how many entries wait, the last reminder, and the site's own before submissions close.</summary>
public sealed record ReminderState(int Waiting, DateTime? Last, Reminders.AutomaticReminders Automatic);

public sealed record CoordinatorTrack(Track Track, IReadOnlyList<EntryRow> Entries, int Used, int? Limit)
{
    /// <summary>Whether the unit holds all of the award's places: a new nomination could not be submitted.</summary>
    public bool Full => Limit is int limit && Used >= limit;
}

public sealed record ParticipationRow(string Author, string Title, EntryStatus Status, DateTime? SubmittedAt);

public sealed record ThemeParticipation(Track Track, IReadOnlyList<ParticipationRow> Essays)
{
    public int Counting => Essays.Count(e => e.Status is EntryStatus.Submitted or EntryStatus.Accepted);
}

public sealed record CoordinatorDashboard(ContestEdition Contest, string UnitName, bool SubmissionsOpen, IReadOnlyList<CoordinatorTrack> Tracks, IReadOnlyList<ThemeParticipation> Essays)
{
    /// <summary>The organizer's requests for a response to objections about the unit's nominations.</summary>
    public IReadOnlyList<Results.InquiryForEntrant> Inquiries { get; init; } = [];
}

public sealed record AuthorTheme(Track Track, IReadOnlyList<EntryRow> Essays)
{
    /// <summary>Whether the author already holds the theme's per-author quota (one essay by default).</summary>
    public bool Full => Track.Limits.PerAuthor is int limit && Essays.Count(e => e.Status is not (EntryStatus.Draft or EntryStatus.Withdrawn)) >= limit;
}

public sealed record AuthorDashboard(ContestEdition Contest, string Name, bool SubmissionsOpen, IReadOnlyList<AuthorTheme> Themes)
{
    /// <summary>The organizer's requests for a response to objections about the author's essays.</summary>
    public IReadOnlyList<Results.InquiryForEntrant> Inquiries { get; init; } = [];
}

/// <summary>
/// A judge's dashboard. It shows no contest phase: "open for submissions" and the like are the
/// entrants' calendar; a judge's is the queues and their closing times.
/// </summary>
public sealed record JudgeDashboard(ContestEdition Contest, string Name, IReadOnlyList<Track> Tracks, IReadOnlyList<Scoring.JudgeRoundRow> Assigned, IReadOnlySet<int> PanelRounds);

/// <summary>The notice of a dashboard's entries that are not submitted (drafts and returned ones).</summary>
public sealed record NotSubmitted(int Count, bool Open, DateTime ClosesAt)
{
    public NotSubmitted(IEnumerable<EntryRow> rows, bool open, DateTime closesAt)
        : this(rows.Count(r => r.Status is EntryStatus.Draft or EntryStatus.Returned), open, closesAt)
    {
    }
}
