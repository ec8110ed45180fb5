using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Exports;
using Awards.Core.Exports.Sheets;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Features.Leader;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Exports;

/// <summary>
/// What the exports contain, read from the published placements: the final results, or with
/// <c>proposed</c> also results on public notice. Exports are official documents in Chinese.
/// </summary>
public sealed class ExportData(AwardsDbContext db, SiteContext site, TrackResults results, UnitAwardResults unitAward, IOptions<AwardsOptions> options)
{
    /// <summary>
    /// The contest as the exports name it; final unless <paramref name="proposed"/> and some track's
    /// prizes are on notice (each track then says its own stage: a mixed export marks those on notice).
    /// </summary>
    public async Task<ExportContest> ContestAsync(bool proposed, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken) ?? throw new DomainException("There is no current contest.");
        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var stages = Stages(proposed);

        // The results the document contains: published (final, or with proposed on notice too) with prizes.
        var included = await db.TrackResults.AsNoTracking()
            .Where(r => trackIds.Contains(r.TrackId) && stages.Contains(r.Stage) && db.Placements.Any(p => p.TrackResultId == r.Id && p.LevelRank != null && p.RevokedAt == null))
            .ToListAsync(cancellationToken);
        var onNotice = included.Exists(r => r.Stage == ResultStage.Notice);

        // The date it bears: when the latest of those results became what it is (finalized, or
        // published on notice), not the day of the export, so that exporting again prints the same
        // date and a certificate agrees with what /verify says; today only when it contains none.
        var issued = included.Select(IssuedOn).OfType<DateTime>().DefaultIfEmpty(SiteTime.ToLocal(site.UtcNow).DateTime).Max();
        var kinds = await db.Units.AsNoTracking().Select(u => u.Kind).Distinct().ToListAsync(cancellationToken);
        return new ExportContest(contest.Name.Zh, contest.IssuingOffice.Zh, issued, !onNotice) { Addressee = Addressee(kinds), DocumentNumber = contest.DocumentNumber, IncludesFinal = included.Exists(r => r.Stage == ResultStage.Final) };
    }

    /// <summary>When the notice of a result on notice runs, in local dates; null for one that is not on notice.</summary>
    private static NoticePeriod? NoticeOf(TrackResult result) =>
        result is { Stage: ResultStage.Notice, NoticeStartsAt: { } starts, NoticeEndsAt: { } ends }
            ? new NoticePeriod(SiteTime.ToLocal(starts).DateTime, SiteTime.ToLocal(ends).DateTime)
            : null;

    /// <summary>The day a result's documents bear: its finalization, or for one on notice its publication.</summary>
    private static DateTime? IssuedOn(TrackResult result) =>
        (result.Stage == ResultStage.Final ? result.FinalizedAt : result.NoticeStartsAt) is { } utc ? SiteTime.ToLocal(utc).DateTime : null;

    /// <summary>
    /// Whom the notice goes to (主送), from the kinds of unit the city has: 各县（市、区）扶贫办，各定点帮扶单位，市直有关单位：.
    /// </summary>
    public static string Addressee(IReadOnlyCollection<UnitKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var parts = new List<string>();
        if (kinds.Contains(UnitKind.County))
        {
            parts.Add("各县（市、区）扶贫办");
        }

        if (kinds.Contains(UnitKind.HelpingUnit))
        {
            parts.Add("各定点帮扶单位");
        }

        if (kinds.Contains(UnitKind.MunicipalUnit))
        {
            parts.Add("市直有关单位");
        }

        return parts.Count == 0 ? string.Empty : string.Join("，", parts) + "：";
    }

    /// <summary>
    /// Whether an export of <paramref name="kind"/> would name anyone: a track with prizes that are
    /// final (or, <paramref name="proposed"/>, on notice), an essay theme for the anthology. The
    /// statistics always have something: every unit's participation.
    /// </summary>
    public Task<bool> HasResultsAsync(string kind, bool proposed, CancellationToken cancellationToken) =>
        HasResultsAsync(kind, proposed, tracks: null, cancellationToken);

    /// <summary>
    /// As <see cref="HasResultsAsync(string, bool, CancellationToken)"/>, of <paramref name="tracks"/>
    /// only (a leader's awards, ADR 0018; null for all). The Outstanding Organization Award's draft
    /// rests on the themes' scores, so with it every round counts.
    /// </summary>
    public async Task<bool> HasResultsAsync(string kind, bool proposed, IReadOnlySet<int>? tracks, CancellationToken cancellationToken)
    {
        if (kind == ExportKinds.Statistics)
        {
            return true;
        }

        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return false;
        }

        if (ExportKinds.IsDraft(kind))
        {
            var unitAward = contest.Tracks.Any(t => t.Kind == TrackKind.UnitAward && tracks.Holds(t.Id));
            var roundIds = contest.Tracks.Where(t => unitAward || tracks.Holds(t.Id)).SelectMany(t => t.Rounds).Select(r => r.Id).ToList();
            return await db.Assignments.AnyAsync(a => roundIds.Contains(a.RoundId) && db.Scores.Any(s => s.AssignmentId == a.Id && s.Status == ScoreStatus.Submitted), cancellationToken);
        }

        var trackIds = contest.Tracks.Where(t => tracks.Holds(t.Id) && kind switch
        {
            ExportKinds.Anthology => t.Kind == TrackKind.Essay,
            ExportKinds.Deeds => t.Kind == TrackKind.Nomination,
            _ => true,
        }).Select(t => t.Id).ToList();
        var stages = Stages(proposed);
        return await db.TrackResults.AnyAsync(
            r => trackIds.Contains(r.TrackId) && stages.Contains(r.Stage) && db.Placements.Any(p => p.TrackResultId == r.Id && p.LevelRank != null && p.RevokedAt == null),
            cancellationToken);
    }

    /// <summary>Each track with published prizes (of <paramref name="tracks"/>, null for all), in the contest's order; prizes by level, then place.</summary>
    public async Task<IReadOnlyList<PrizeTrack>> PrizeTracksAsync(bool proposed, IReadOnlySet<int>? tracks, CancellationToken cancellationToken) =>
        [.. (await PublishedAsync(proposed, cancellationToken)).Where(p => tracks.Holds(p.Track.Id)).Select(p => new PrizeTrack(p.Track.Code, p.Track.Name.Zh, [.. p.Prizes.Select(x => x.Row)], p.Track.Kind == TrackKind.Essay, p.Result.Stage == ResultStage.Final, p.Track.Kind == TrackKind.UnitAward, NoticeOf(p.Result)))];

    public async Task<IReadOnlyList<CertificateData>> CertificatesAsync(bool proposed, CancellationToken cancellationToken)
    {
        var baseUrl = options.Value.PublicUrl.TrimEnd('/');
        return [.. (await PublishedAsync(proposed, cancellationToken)).SelectMany(p => p.Prizes.Select(x => new CertificateData(
            x.Row.Author,
            p.Track.Kind == TrackKind.UnitAward ? string.Empty : x.Row.Unit,
            p.Track.Name.Zh,
            x.Row.Level,
            p.Track.Kind == TrackKind.Essay ? x.Row.Title : string.Empty,
            x.VerifyCode,
            $"{baseUrl}/verify/{x.VerifyCode}",
            p.Result.Stage == ResultStage.Final,
            IssuedOn(p.Result))))];
    }

    /// <summary>The winning essays by theme and level, in their original text (the authors are named in the anthology).</summary>
    public async Task<(string Preface, IReadOnlyList<AnthologyTheme> Themes)> AnthologyAsync(bool proposed, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        var themes = await BookAsync(proposed, TrackKind.Essay, (row, _) => $"{row.Author} · {row.Unit} · {row.Level}", cancellationToken);
        return (contest?.AnthologyPreface ?? string.Empty, themes);
    }

    /// <summary>
    /// The winning nominations by award and level, each with its deeds as the unit wrote them: the
    /// headline, then the nominee (with their position, for a person) and the nominating unit. The
    /// nominee's contact details and the unit's opinion stay out: this is for publishing.
    /// </summary>
    public Task<IReadOnlyList<AnthologyTheme>> DeedsAsync(bool proposed, CancellationToken cancellationToken) =>
        BookAsync(
            proposed,
            TrackKind.Nomination,
            (row, nominee) =>
            {
                var name = nominee is { } person ? $"{row.Author}（{person.Position}）" : row.Author;
                // A unit that nominated itself (the Organizational Innovation Award) is named once.
                return row.Unit.Length == 0 || row.Unit == row.Author ? name : $"{name} · 推荐单位：{row.Unit}";
            },
            cancellationToken);

    /// <summary>
    /// A book of the winning entries of one kind of track (the anthology, the deeds): by track and
    /// level, each entry's title, its <paramref name="byline"/> and its text as entered.
    /// </summary>
    private async Task<IReadOnlyList<AnthologyTheme>> BookAsync(bool proposed, TrackKind kind, Func<PrizeRow, Nominee?, string> byline, CancellationToken cancellationToken)
    {
        var book = new List<AnthologyTheme>();
        foreach (var published in (await PublishedAsync(proposed, cancellationToken)).Where(p => p.Track.Kind == kind))
        {
            var ids = published.Prizes.Select(p => p.EntryId!.Value).ToList();
            var entries = await db.Entries.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Body, e.Nominee }).ToDictionaryAsync(e => e.Id, cancellationToken);
            var levels = published.Prizes.GroupBy(p => (p.Row.LevelRank, p.Row.Level)).OrderBy(g => g.Key.LevelRank)
                .Select(g => new AnthologyLevel(g.Key.Level, [.. g.Select(p =>
                {
                    var entry = entries[p.EntryId!.Value];
                    return new DocumentEssay(p.Row.Code, p.Row.Title, byline(p.Row, entry.Nominee), entry.Body, p.Row.Author);
                })]))
                .ToList();
            book.Add(new AnthologyTheme(published.Track.Name.Zh, levels, published.Result.Stage == ResultStage.Final));
        }

        return book;
    }

    /// <summary>
    /// How to reach each winner of the published prizes: an essay's author by phone and e-mail; a
    /// nominee by the contact the unit gave, and the coordinator who nominated them; a winning unit
    /// by its coordinators. Only for the office: no public page or document carries these.
    /// </summary>
    public async Task<IReadOnlyList<ContactRow>> ContactsAsync(bool proposed, CancellationToken cancellationToken)
    {
        var published = await PublishedAsync(proposed, cancellationToken);
        var entryIds = published.SelectMany(p => p.Prizes).Where(p => p.EntryId is not null).Select(p => p.EntryId!.Value).ToList();
        var entries = await (
            from e in db.Entries.AsNoTracking()
            where entryIds.Contains(e.Id)
            join o in db.Users on e.OwnerUserId equals o.Id
            select new { e.Id, e.Nominee, o.DisplayName, o.Email, o.PhoneNumber }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var unitIds = published.Where(p => p.Track.Kind == TrackKind.UnitAward).SelectMany(p => p.Prizes).Select(p => p.UnitId).OfType<int>().ToList();
        var coordinators = (await (await Entries.UnitCoordinators.OfUnitsAsync(db, unitIds, cancellationToken))
            .Select(u => new { UnitId = u.UnitId!.Value, u.DisplayName, u.Email, u.PhoneNumber }).ToListAsync(cancellationToken))
            .GroupBy(u => u.UnitId).ToDictionary(g => g.Key, g => g.ToList());

        var rows = new List<ContactRow>();
        foreach (var track in published)
        {
            foreach (var prize in track.Prizes)
            {
                if (prize.EntryId is int entryId && entries.TryGetValue(entryId, out var entry))
                {
                    rows.Add(entry.Nominee is { } nominee
                        ? new ContactRow(track.Track.Name.Zh, prize.Row, nominee.Position, nominee.Contact, $"{entry.DisplayName} {entry.Email}")
                        : new ContactRow(track.Track.Name.Zh, prize.Row, string.Empty, entry.PhoneNumber ?? string.Empty, track.Track.Kind == TrackKind.Essay ? entry.Email ?? string.Empty : $"{entry.DisplayName} {entry.Email}"));
                    continue;
                }

                var people = prize.UnitId is int unitId ? coordinators.GetValueOrDefault(unitId) ?? [] : [];
                rows.Add(new ContactRow(
                    track.Track.Name.Zh,
                    prize.Row,
                    string.Empty,
                    string.Join("；", people.Select(u => u.PhoneNumber).Where(p => !string.IsNullOrEmpty(p))),
                    string.Join("；", people.Select(u => $"{u.DisplayName} {u.Email}"))));
            }
        }

        return rows;
    }

    /// <summary>
    /// Each published winner whose prize level carries a bonus, with the amount, in the prize
    /// list's order: for the office that pays them. A level without a bonus pays nobody and is
    /// not listed. Only for the office: no public page or document carries the amounts.
    /// </summary>
    public async Task<IReadOnlyList<BonusRow>> BonusesAsync(bool proposed, CancellationToken cancellationToken) =>
        [.. (await PublishedAsync(proposed, cancellationToken)).SelectMany(p => p.Prizes
            .Select(x => new BonusRow(p.Track.Name.Zh, x.Row, p.Track.AwardLevels.FirstOrDefault(l => l.Rank == x.Row.LevelRank)?.Bonus ?? 0))
            .Where(r => r.Amount > 0))];

    /// <summary>Now, for the draft list's date: it shows the rankings of the moment it is made.</summary>
    public DateTime UtcNow => site.UtcNow;

    /// <summary>
    /// The draft list: every award and theme with judging rounds, its proposed prizes as they stand
    /// (a draft ranked afresh with the organizer's settings and overrides, a published result from
    /// its placements), each with the nominee's position and the flags the leading group should see;
    /// and the Outstanding Organization Award's units (<see cref="UnitAwardDraft"/>). Only
    /// <paramref name="tracks"/> when given (a leader's awards, ADR 0018).
    /// </summary>
    public async Task<IReadOnlyList<DraftTrack>> DraftTracksAsync(IReadOnlySet<int>? tracks, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var stored = await db.TrackResults.AsNoTracking().Where(r => trackIds.Contains(r.TrackId)).ToDictionaryAsync(r => r.TrackId, cancellationToken);
        var published = (await PublishedAsync(proposed: true, cancellationToken)).ToDictionary(p => p.Track.Id);
        var list = new List<DraftTrack>();
        foreach (var track in contest.Tracks.Where(t => (t.Kind == TrackKind.UnitAward || t.Rounds.Count > 0) && tracks.Holds(t.Id)).OrderBy(t => t.SortOrder))
        {
            if (track.Kind == TrackKind.UnitAward)
            {
                // The standings as the award's page shows them, whatever the themes' stage.
                var standings = await unitAward.StandingsAsync(null, cancellationToken);
                var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name.Zh, cancellationToken);
                list.Add(published.TryGetValue(track.Id, out var units)
                    ? UnitAwardDraft.Published(track, units.Result.Stage == ResultStage.Final, [.. units.Prizes.Select(p => p.UnitId).OfType<int>()], standings, names)
                    : UnitAwardDraft.Proposed(track, stored.GetValueOrDefault(track.Id), standings, names));
                continue;
            }

            string Level(int rank) => track.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Name.Zh ?? "?";
            int Bonus(int rank) => track.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Bonus ?? 0;
            if (published.TryGetValue(track.Id, out var done))
            {
                var ids = done.Prizes.Select(p => p.EntryId!.Value).ToList();
                var positions = await PositionsAsync(ids, cancellationToken);
                list.Add(new DraftTrack(
                    track.Name.Zh,
                    DraftListWorkbook.PublishedStatus(done.Result.Stage == ResultStage.Final),
                    [.. done.Prizes.Select(p => new DraftRow(p.Row, positions.GetValueOrDefault(p.EntryId!.Value) ?? string.Empty, string.Empty, Bonus(p.Row.LevelRank)))]));
                continue;
            }

            // Not attached to the context: a draft export must not create a result row.
            var ranking = await results.RankAsync(track, stored.GetValueOrDefault(track.Id) ?? new TrackResult(track.Id), cancellationToken);
            var winners = ranking?.Entries.Where(e => e.Level is not null).OrderBy(e => e.Level).ThenBy(e => e.Position).ToList() ?? [];
            var winnerIds = winners.Select(e => e.EntryId).ToList();
            var facts = await results.FactsAsync(winnerIds, chinese: true, cancellationToken);
            var nominees = await PositionsAsync(winnerIds, cancellationToken);
            list.Add(new DraftTrack(
                track.Name.Zh,
                DraftListWorkbook.DraftStatus,
                [.. winners.Select(e =>
                {
                    var f = facts[e.EntryId];
                    return new DraftRow(
                        new PrizeRow(e.Place, e.Level!.Value, Level(e.Level!.Value), f.Code, f.Title, f.Author, f.Unit, e.Score),
                        nominees.GetValueOrDefault(e.EntryId) ?? string.Empty,
                        Notes(e, Level),
                        Bonus(e.Level!.Value));
                })]));
        }

        return list;
    }

    /// <summary>The nominees' unit and position, by entry; essays have none.</summary>
    private async Task<Dictionary<int, string>> PositionsAsync(List<int> entryIds, CancellationToken cancellationToken) =>
        (await db.Entries.AsNoTracking().Where(e => entryIds.Contains(e.Id) && e.Nominee != null).Select(e => new { e.Id, e.Nominee }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => e.Nominee!.Position);

    /// <summary>What the leading group should know of a proposed prize, in words: 并列；评委分歧较大；手动调整：理由.</summary>
    internal static string Notes(Core.Ranking.RankedEntry entry, Func<int, string> level)
    {
        var notes = new List<string>();
        foreach (var (flag, text) in FlagNotes)
        {
            if (entry.Flags.HasFlag(flag))
            {
                notes.Add(text);
            }
        }

        if (entry.OverrideReason is { } reason)
        {
            notes.Add($"手动调整（按排名为{(entry.ComputedLevel is int computed ? level(computed) : "未获奖")}）：{reason.Trim()}");
        }

        return string.Join("；", notes);
    }

    private static readonly (Core.Ranking.RankFlags Flag, string Text)[] FlagNotes =
    [
        (Core.Ranking.RankFlags.BoundaryTie, "并列跨奖次，待定"),
        (Core.Ranking.RankFlags.Tie, "并列"),
        (Core.Ranking.RankFlags.ResolvedByOrganizer, "并列，已定先后"),
        (Core.Ranking.RankFlags.Disputed, "评委评分分歧较大"),
        (Core.Ranking.RankFlags.ShortOfScores, "评分不全"),
        (Core.Ranking.RankFlags.EarlierRound, "按前一轮评分"),
        (Core.Ranking.RankFlags.BelowMinimum, "低于最低分"),
    ];

    /// <summary>Participation per unit; scores and prizes only of the themes whose results are final (or, <paramref name="proposed"/>, on notice).</summary>
    public async Task<IReadOnlyList<UnitStatistics>> StatisticsAsync(bool proposed, CancellationToken cancellationToken)
    {
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Kind, Name = u.Name.Zh }).ToListAsync(cancellationToken);
        var names = units.ToDictionary(u => u.Id, u => u.Name);
        var standings = await unitAward.StandingsAsync(proposed ? ResultStage.Notice : ResultStage.Final, cancellationToken);
        var listed = standings.Select(s => s.UnitId).ToHashSet();

        // Every unit that could take part, those without an essay too (last, with zeros): who did not take part matters.
        return
        [
            .. standings.Select(s => new UnitStatistics(names.GetValueOrDefault(s.UnitId) ?? "?", s.Entries, s.Scored, s.Prizes, s.AverageScore, s.PrizePoints)),
            .. units.Where(u => u.Kind != UnitKind.City && !listed.Contains(u.Id)).Select(u => new UnitStatistics(u.Name, 0, 0, 0, null, 0m)),
        ];
    }

    /// <summary>A judge's entries of a round in their judge renditions only: never the original text or any name.</summary>
    public async Task<(string Track, string Round, IReadOnlyList<DocumentEssay> Entries)?> JudgePacketAsync(int judgeUserId, int roundId, CancellationToken cancellationToken)
    {
        if (await site.RoundAsync(roundId, cancellationToken) is not { } found)
        {
            return null;
        }

        var entries = await (
            from a in db.Assignments
            join e in db.Entries on a.EntryId equals e.Id
            where a.RoundId == roundId && a.JudgeUserId == judgeUserId
            orderby a.QueueKey
            select new { e.Code, e.JudgeTitle, e.JudgeBody }).ToListAsync(cancellationToken);
        return (found.Track.Name.Zh, found.Round.Name.Zh, [.. entries.Select(e => new DocumentEssay(e.Code, e.JudgeTitle ?? e.Code, string.Empty, e.JudgeBody ?? string.Empty))]);
    }

    private async Task<IReadOnlyList<PublishedTrack>> PublishedAsync(bool proposed, CancellationToken cancellationToken)
    {
        var contest = await site.CurrentContestAsync(cancellationToken);
        if (contest is null)
        {
            return [];
        }

        var trackIds = contest.Tracks.Select(t => t.Id).ToList();
        var stages = Stages(proposed);
        var published = await db.TrackResults.AsNoTracking().Where(r => trackIds.Contains(r.TrackId) && stages.Contains(r.Stage)).ToListAsync(cancellationToken);
        var unitNames = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name.Zh, cancellationToken);
        var list = new List<PublishedTrack>();
        foreach (var track in contest.Tracks.OrderBy(t => t.SortOrder))
        {
            if (published.FirstOrDefault(r => r.TrackId == track.Id) is not { } result)
            {
                continue;
            }

            // A revoked prize (ADR 0017) is in no document made since: no certificate, no page of the anthology.
            var placements = await db.Placements.AsNoTracking().Where(p => p.TrackResultId == result.Id && p.LevelRank != null && p.RevokedAt == null)
                .OrderBy(p => p.LevelRank).ThenBy(p => p.Position).ToListAsync(cancellationToken);
            // Nor is a proposed winner disqualified or withdrawn since the notice was published
            // (the public notice marks them; the results are published again without them).
            var dropped = await results.DroppedWinnerIdsAsync(result, cancellationToken);
            placements.RemoveAll(p => p.EntryId is int id && dropped.Contains(id));

            var facts = await results.FactsAsync([.. placements.Where(p => p.EntryId != null).Select(p => p.EntryId!.Value)], chinese: true, cancellationToken);
            string Level(int rank) => track.AwardLevels.FirstOrDefault(l => l.Rank == rank)?.Name.Zh ?? "?";
            var prizes = placements.Select(p =>
            {
                if (p.EntryId is int entryId)
                {
                    var f = facts[entryId];
                    return new PublishedPrize(p.EntryId, null, p.VerifyCode, new PrizeRow(p.Place, p.LevelRank!.Value, Level(p.LevelRank!.Value), f.Code, f.Title, f.Author, f.Unit, p.Score));
                }

                var unit = unitNames.GetValueOrDefault(p.UnitId ?? 0) ?? "?";
                return new PublishedPrize(null, p.UnitId, p.VerifyCode, new PrizeRow(p.Place, p.LevelRank!.Value, Level(p.LevelRank!.Value), string.Empty, string.Empty, unit, string.Empty, null));
            }).ToList();
            list.Add(new PublishedTrack(track, result, prizes));
        }

        return list;
    }

    private static List<ResultStage> Stages(bool proposed) => proposed ? [ResultStage.Notice, ResultStage.Final] : [ResultStage.Final];

    private sealed record PublishedPrize(int? EntryId, int? UnitId, string VerifyCode, PrizeRow Row);

    private sealed record PublishedTrack(Track Track, TrackResult Result, IReadOnlyList<PublishedPrize> Prizes);
}
