using Awards.Core.Common;
using Awards.Core.Ranking;

namespace Awards.Core.Results;

/// <summary>
/// The ranking settings and the life cycle of one track's results: draft (the organizer chooses
/// the aggregation, the minimum score, overrides and tie orders), public notice for a period, then
/// final. Final results are frozen: nothing about them changes again.
/// </summary>
public class TrackResult
{
    public const int MinNoticeDays = 1;

    public const int MaxNoticeDays = 30;

    private List<int> _tieOrder = [];

    private List<int> _picks = [];

    public TrackResult(int trackId)
    {
        TrackId = trackId;
    }

    private TrackResult()
    {
    }

    public int Id { get; private set; }

    public int TrackId { get; private set; }

    /// <summary>The round whose scores are ranked; null means the track's last round.</summary>
    public int? RoundId { get; private set; }

    public AggregationMethod Method { get; private set; } = AggregationMethod.RawMean;

    /// <summary>Entries scoring below this do not qualify for a prize; null means no minimum.</summary>
    public decimal? MinimumScore { get; private set; }

    /// <summary>The organizer's order for entries that are tied after every tie-break (earlier is higher).</summary>
    public IReadOnlyList<int> TieOrder => _tieOrder;

    /// <summary>For the Outstanding Organization Award: the units the organizer picked, in order.</summary>
    public IReadOnlyList<int> Picks => _picks;

    /// <summary>Why the picks leave the suggested order (<see cref="PickedOutOfOrder"/>); null when they follow it.</summary>
    public string? PickReason { get; private set; }

    public ResultStage Stage { get; private set; }

    public DateTime? NoticeStartsAt { get; private set; }

    public DateTime? NoticeEndsAt { get; private set; }

    public DateTime? FinalizedAt { get; private set; }

    /// <summary>Rises with every change, so two organizers cannot publish over each other's edits unseen.</summary>
    public int Version { get; private set; }

    public void Configure(AggregationMethod method, decimal? minimumScore, int? roundId, decimal scaleMin, decimal scaleMax)
    {
        EnsureDraft();
        if (minimumScore is decimal m && (m < scaleMin || m > scaleMax))
        {
            throw new DomainException(ResultMessages.MinimumOutOfScale, scaleMin, scaleMax);
        }

        Method = method;
        MinimumScore = minimumScore;
        RoundId = roundId;
        Version++;
    }

    /// <summary>Sets the order of entries tied at a boundary; <paramref name="order"/> holds every entry of the tie.</summary>
    public void OrderTie(IReadOnlyCollection<int> tiedEntryIds, IReadOnlyList<int> order)
    {
        ArgumentNullException.ThrowIfNull(tiedEntryIds);
        ArgumentNullException.ThrowIfNull(order);
        EnsureDraft();
        if (order.Count != tiedEntryIds.Count || order.Distinct().Count() != order.Count || !order.All(tiedEntryIds.Contains))
        {
            throw new DomainException(ResultMessages.TieOrderIncomplete);
        }

        _tieOrder = [.. _tieOrder.Where(id => !tiedEntryIds.Contains(id)), .. order];
        Version++;
    }

    /// <summary>
    /// The Outstanding Organization Award: the organizer picks up to <paramref name="quota"/> units.
    /// Picks that leave the suggested order of <paramref name="standings"/> (a unit placed as high as
    /// or higher than a picked one left out: a different order, one of a tie, a unit without
    /// standing) need a written <paramref name="reason"/>, as moving an entry by hand does.
    /// </summary>
    public void Pick(IReadOnlyList<int> unitIds, int quota, IReadOnlyList<UnitStanding> standings, string? reason)
    {
        ArgumentNullException.ThrowIfNull(unitIds);
        ArgumentNullException.ThrowIfNull(standings);
        EnsureDraft();
        var picks = unitIds.Distinct().ToList();
        if (picks.Count > quota)
        {
            throw new DomainException(ResultMessages.UnitPickCount, quota);
        }

        var why = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (why?.Length > ResultOverride.MaxReasonLength)
        {
            throw new DomainException(ResultMessages.PickReasonTooLong, ResultOverride.MaxReasonLength);
        }

        var outOfOrder = PickedOutOfOrder(standings, picks).Count > 0;
        if (outOfOrder && why is null)
        {
            throw new DomainException(ResultMessages.PickReasonNeeded);
        }

        _picks = picks;
        PickReason = outOfOrder ? why : null;
        Version++;
    }

    public void EnsureDraft()
    {
        switch (Stage)
        {
            case ResultStage.Final:
                throw new DomainException(ResultMessages.Frozen);
            case ResultStage.Notice:
                throw new DomainException(ResultMessages.OnNotice);
        }
    }

    /// <summary>Puts the results on public notice for <paramref name="days"/> days.</summary>
    public void Publish(Ranking.Ranking ranking, bool roundClosed, int days, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        EnsureDraft();
        if (BoundaryTies.Undecided(ranking).Count > 0)
        {
            throw new DomainException(ResultMessages.UnresolvedTies);
        }

        if (!roundClosed)
        {
            throw new DomainException(ResultMessages.RoundOpen);
        }

        if (!ranking.Entries.Any(e => e.Level is not null))
        {
            throw new DomainException(ResultMessages.NothingToPublish);
        }

        StartNotice(days, utcNow);
    }

    /// <summary>
    /// The picked units placed no higher than some unit left out: they leave the suggested order.
    /// A picked unit without a standing (no essays) is one of them.
    /// </summary>
    public static IReadOnlyList<int> PickedOutOfOrder(IReadOnlyList<UnitStanding> standings, IReadOnlyCollection<int> picks)
    {
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(picks);
        var places = standings.ToDictionary(s => s.UnitId, s => s.Place);
        var bestLeftOut = standings.Where(s => !picks.Contains(s.UnitId)).Select(s => s.Place).DefaultIfEmpty(int.MaxValue).Min();
        return [.. picks.Where(id => !places.TryGetValue(id, out var place) || place >= bestLeftOut)];
    }

    /// <summary>
    /// The place the <paramref name="quota"/> cuts through: units on both sides of the cut share it,
    /// so the suggested order does not decide between them. Null when the quota falls between places
    /// (or takes every unit). The standings are in the suggested order.
    /// </summary>
    public static int? PlaceAtTheCut(IReadOnlyList<UnitStanding> standings, int quota)
    {
        ArgumentNullException.ThrowIfNull(standings);
        return quota > 0 && standings.Count > quota && standings[quota - 1].Place == standings[quota].Place ? standings[quota].Place : null;
    }

    /// <summary>
    /// Puts a pick (the Outstanding Organization Award) on public notice. With the
    /// <paramref name="standings"/> as they are now, picks that leave the suggested order need
    /// their reason: the standings move while the themes' results are drafts.
    /// </summary>
    public void PublishPick(int picked, int days, DateTime utcNow, IReadOnlyList<UnitStanding> standings)
    {
        ArgumentNullException.ThrowIfNull(standings);
        EnsureDraft();
        if (PickReason is null && PickedOutOfOrder(standings, _picks).Count > 0)
        {
            throw new DomainException(ResultMessages.PickReasonNeeded);
        }

        if (picked == 0)
        {
            throw new DomainException(ResultMessages.NothingToPublish);
        }

        StartNotice(days, utcNow);
    }

    /// <summary>Takes results off notice back to draft, e.g. to correct them after an objection.</summary>
    public void Withdraw()
    {
        if (Stage == ResultStage.Final)
        {
            throw new DomainException(ResultMessages.Frozen);
        }

        if (Stage != ResultStage.Notice)
        {
            throw new DomainException(ResultMessages.NotOnNotice);
        }

        Stage = ResultStage.Draft;
        NoticeStartsAt = null;
        NoticeEndsAt = null;
        Version++;
    }

    /// <summary>
    /// Makes the results final once the notice period is over, every objection is resolved and every
    /// proposed winner is still in the contest: <paramref name="droppedWinners"/> are the codes of
    /// winners on notice that were disqualified or withdrawn since it was published.
    /// </summary>
    public void Finalize(int unresolvedObjections, IReadOnlyCollection<string> droppedWinners, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(droppedWinners);
        if (Stage == ResultStage.Final)
        {
            throw new DomainException(ResultMessages.Frozen);
        }

        if (Stage != ResultStage.Notice)
        {
            throw new DomainException(ResultMessages.NotOnNotice);
        }

        if (utcNow < NoticeEndsAt)
        {
            throw new DomainException(ResultMessages.NoticeRunning, NoticeEndsAt!.Value);
        }

        if (unresolvedObjections > 0)
        {
            throw new DomainException(ResultMessages.ObjectionUnresolved, unresolvedObjections);
        }

        if (droppedWinners.Count > 0)
        {
            throw new DomainException(ResultMessages.WinnersDropped, string.Join("、", droppedWinners));
        }

        Stage = ResultStage.Final;
        FinalizedAt = utcNow;
        Version++;
    }

    public bool IsOnNoticeAt(DateTime utcNow) => Stage == ResultStage.Notice && utcNow >= NoticeStartsAt;

    /// <summary>
    /// Objections are taken during the notice period only: the results stay on notice after it
    /// until the organizer finalizes, but a late objection would keep them from finalizing.
    /// </summary>
    public bool AcceptsObjectionsAt(DateTime utcNow) => IsOnNoticeAt(utcNow) && utcNow < NoticeEndsAt;

    private void StartNotice(int days, DateTime utcNow)
    {
        if (days is < MinNoticeDays or > MaxNoticeDays)
        {
            throw new DomainException(ResultMessages.NoticeDays, MinNoticeDays, MaxNoticeDays);
        }

        Stage = ResultStage.Notice;
        NoticeStartsAt = utcNow;
        NoticeEndsAt = utcNow.AddDays(days);
        Version++;
    }
}
