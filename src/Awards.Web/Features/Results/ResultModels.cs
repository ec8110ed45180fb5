using Awards.Core.Ranking;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Features.Judging;
using Awards.Web.Infrastructure;
using RankingResult = Awards.Core.Ranking.Ranking;

namespace Awards.Web.Features.Results;

/// <summary>What the organizer and the public see of an entry next to its rank: the organizer is not blind.</summary>
public sealed record EntryFacts(int EntryId, string Code, string Title, string Author, int UnitId, string Unit);

public sealed record RankedRow(RankedEntry Ranked, EntryFacts Entry);

public sealed record OverrideRow(string Code, int? LevelRank, string Reason, string By, DateTime At);

/// <summary>
/// Which page of the ranking table the results page shows: a province's theme ranks about 10,000
/// essays, whose table in one page was 8.6 MB of HTML. <see cref="Found"/> is the code the organizer
/// looked for, on this page; <see cref="Missing"/> one that no ranked entry has.
/// </summary>
public sealed record RankingPager(int Number, int Count, int Total, string? Found, string? Missing)
{
    /// <summary>Rows per page: every prize of a theme's default quotas (85) fits on the first.</summary>
    public const int Size = 100;

    public int First => Total == 0 ? 0 : ((Number - 1) * Size) + 1;

    public int Last => Math.Min(Number * Size, Total);

    public static int PageCount(int total) => Pager.PageCount(total, Size);
}

/// <summary>A tie at a prize boundary the organizer has to decide.</summary>
public sealed record BoundaryTie(int Place, IReadOnlyList<RankedRow> Entries);

public sealed record TrackSummary(Track Track, ResultStage Stage, DateTime? NoticeEndsAt, int Ranked, int Prizes, int UnresolvedObjections);

public sealed record ResultPage(
    Track Track,
    TrackResult Result,
    IReadOnlyList<JudgingRound> Rounds,
    JudgingRound? Round,
    bool RoundClosed,
    RankingResult? Ranking,
    IReadOnlyList<RankedRow> Rows,
    RankingPager Pager,
    IReadOnlyList<BoundaryTie> Ties,
    IReadOnlyList<OverrideRow> Overrides,
    IReadOnlyList<JudgeProgress> Judges,
    IReadOnlyList<int> Distribution,
    int UnresolvedObjections,
    int NoticeDays,
    DateTime UtcNow)
{
    public string LevelName(int? rank) => rank is int r ? Track.AwardLevels.FirstOrDefault(l => l.Rank == r)?.Name.ForCurrentCulture() ?? "?" : string.Empty;

    /// <summary>What each winner of the level at <paramref name="rank"/> is paid, in yuan; 0 for none.</summary>
    public int Bonus(int rank) => Track.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Bonus ?? 0;

    /// <summary>Which level is at which rank: the quota and override forms name levels by rank, and a level removed in the award's settings moves the ones below it up.</summary>
    public string LevelsStamp => StampOf(Track);

    public static string StampOf(Track track)
    {
        ArgumentNullException.ThrowIfNull(track);
        return string.Join(' ', track.AwardLevels.OrderBy(l => l.Rank).Select(l => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.Id}:{l.Rank}")));
    }

    public bool CanChange => Result.Stage == ResultStage.Draft;

    /// <summary>When the winners were told by mail (<see cref="WinnerNotices"/>), once the results are final.</summary>
    public DateTime? WinnersTold { get; init; }

    /// <summary>The codes of entries still in the contest that judges of the round were given but none scored: they are not ranked.</summary>
    public IReadOnlyList<string> Unscored { get; init; } = [];

    /// <summary>Winners on notice disqualified or withdrawn since (<see cref="TrackResults.DroppedWinnersAsync"/>).</summary>
    public IReadOnlyList<string> DroppedWinners { get; init; } = [];

    public ResultStatus Status => new(Track, Result, NoticeDays, UnresolvedObjections, UtcNow, WinnersTold, RoundClosed) { DroppedWinners = DroppedWinners };

    /// <summary>The prizes of final results, each of which can be revoked (<see cref="PrizeRevocations"/>); empty before.</summary>
    public IReadOnlyList<AwardedPrize> Prizes { get; init; } = [];
}

public sealed record UnitRow(UnitStanding Standing, string Unit, bool Picked);

/// <summary>The prize points of one level rank in the essay themes: its names there (one name when the themes agree) and its points.</summary>
public sealed record LevelPoints(int Rank, string Names, decimal Points);

public sealed record UnitAwardPage(Track Track, TrackResult Result, IReadOnlyList<UnitRow> Rows, int Quota, int NoticeDays, int UnresolvedObjections, DateTime UtcNow, IReadOnlyList<LevelPoints> Points)
{
    /// <summary>When the winners were told by mail (<see cref="WinnerNotices"/>), once the results are final.</summary>
    public DateTime? WinnersTold { get; init; }

    public bool CanChange => Result.Stage == ResultStage.Draft;

    /// <summary>What each picked unit is paid, in yuan: the bonus of the award's one level; 0 for none.</summary>
    public int Bonus => Track.AwardLevels.OrderBy(l => l.Rank).FirstOrDefault()?.Bonus ?? 0;

    /// <summary>The picked units' bonuses together, in yuan.</summary>
    public long Bonuses => (long)Bonus * Rows.Count(r => r.Picked);

    /// <summary>The picked units that leave the suggested order: the picks need their reason.</summary>
    public IReadOnlyList<int> OutOfOrder { get; init; } = [];

    /// <summary>
    /// Units sharing the place that the quota cuts through: the suggested order does not decide
    /// between them, so picking some of them needs a reason. Empty when the quota cuts between places.
    /// </summary>
    public IReadOnlyList<UnitRow> TiedAtTheCut =>
        TrackResult.PlaceAtTheCut([.. Rows.Select(r => r.Standing)], Quota) is { } place ? [.. Rows.Where(r => r.Standing.Place == place)] : [];

    /// <summary>The prizes of final results, each of which can be revoked (<see cref="PrizeRevocations"/>); empty before.</summary>
    public IReadOnlyList<AwardedPrize> Prizes { get; init; } = [];

    /// <summary>The award has no judging round of its own, so nothing waits for one to close.</summary>
    public ResultStatus Status => new(Track, Result, NoticeDays, UnresolvedObjections, UtcNow, WinnersTold, RoundClosed: true);
}

/// <summary>
/// What the results pages of a theme or award and of the Outstanding Organization Award share: the
/// publish, finalize, back-to-draft and tell-the-winners actions (<c>Views/_NoticeActions.cshtml</c>).
/// </summary>
public sealed record ResultStatus(Track Track, TrackResult Result, int NoticeDays, int UnresolvedObjections, DateTime UtcNow, DateTime? WinnersTold, bool RoundClosed)
{
    /// <summary>The codes of winners on notice that are no longer in the contest: they keep the results from being finalized.</summary>
    public IReadOnlyList<string> DroppedWinners { get; init; } = [];

    public bool CanFinalize => Result.Stage == ResultStage.Notice && UtcNow >= Result.NoticeEndsAt && DroppedWinners.Count == 0;
}

/// <summary>One published winner: on the public notice, in the final results, and for the author.</summary>
public sealed record Winner(string TrackCode, string? Code, string Title, string Author, string Unit, int LevelRank, string Level, bool Readable)
{
    /// <summary>What the entry became since the notice was published (disqualified, withdrawn); null while it is in the contest.</summary>
    public Core.Entries.EntryStatus? Dropped { get; init; }
}

public sealed record PublicTrack(Track Track, TrackResult Result, IReadOnlyList<Winner> Winners)
{
    /// <summary>The objections to the notice, counted once its period is over; null before.</summary>
    public ObjectionSummary? Objections { get; init; }
}

/// <summary>
/// How many objections a notice received and how they were decided, for the public: counts only,
/// never a text, a name or a reference. <see cref="Unrecorded"/> are those decided before outcomes were kept.
/// </summary>
public sealed record ObjectionSummary(int Received, int Upheld, int PartlyUpheld, int Dismissed, int Open, int Unrecorded);

public sealed record ObjectionRow(Objection Objection, string Track, string? ResolvedBy)
{
    /// <summary>What the entry the objection names has become since (disqualified, withdrawn…), and its page.</summary>
    public Core.Entries.EntryStatus? EntryStatus { get; init; }

    public string? EntryPage { get; init; }

    /// <summary>Whether the objector left an e-mail address, and so is mailed the decision.</summary>
    public bool Mailed { get; init; }

    /// <summary>The organizer's requests to the entrant for a response, oldest first.</summary>
    public IReadOnlyList<InquiryRow> Inquiries { get; init; } = [];

    /// <summary>Who answers for the entry the objection names; null when it names none that exists.</summary>
    public Answerer? Answerer { get; init; }

    /// <summary>Whether the organizer can ask for a response now: open, about an entry, none waiting.</summary>
    public bool CanAsk => !Objection.IsResolved && Answerer is not null && !Inquiries.Any(i => i.Pending);
}

/// <summary>Who answers for an entry: its nominating unit's coordinators, or its author.</summary>
public sealed record Answerer(bool IsUnit, string Name);

/// <summary>
/// How the organizer gives the order of entries tied across a prize boundary: a select per place
/// for a small tie; for a larger one, whose selects would grow with the square of its size (238
/// tied entries made a 5.4 MB page at province scale), the codes in order, one per line.
/// </summary>
public static class TieForm
{
    public const int SelectLimit = 12;

    private static readonly char[] Separators = [' ', '\t', '\r', '\n', ',', '，', '、', ';', '；'];

    /// <summary>The codes as posted: one per select, or many in one text, whitespace or commas between them.</summary>
    public static IReadOnlyList<string> Codes(IEnumerable<string?> posted) =>
        [.. posted.SelectMany(p => (p ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
