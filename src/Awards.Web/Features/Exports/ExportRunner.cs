using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Exports;
using Awards.Core.Exports.Anthology;
using Awards.Core.Exports.Documents;
using Awards.Core.Exports.Sheets;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Exports;

/// <summary>
/// Writes one export to a stream: the same code for the background jobs, the judge's own packet
/// and the CLI's <c>export</c>. The progress given hears 10 when the data is read and 100 at the end.
/// </summary>
public sealed class ExportRunner(ExportData data)
{
    /// <summary>
    /// The paragraphs of the commendation notice above the lists: for final results, the decision
    /// to commend; for proposed ones, that they are proposed and on public notice, with where to
    /// object; for a notice with both, the decision for the final awards and the notice of those
    /// marked 公示中. <paramref name="periods"/> are the awards on notice, each with when its notice runs.
    /// </summary>
    public static IReadOnlyList<string> NoticeBody(string contestName, string office, ExportStage stage, IReadOnlyList<(string Track, NoticePeriod Period)>? periods = null) => stage switch
    {
        ExportStage.Final =>
        [
            $"为表彰在脱贫攻坚工作中涌现出的先进典型，激励全社会关心、支持和参与扶贫开发，根据{contestName}的评选方案，经单位推荐、资格审查、专家评审和社会公示，{office}决定对以下获奖者予以表彰。",
            "希望受表彰的个人和单位珍惜荣誉，再接再厉，在巩固拓展脱贫攻坚成果、全面推进乡村振兴中再立新功。",
        ],
        ExportStage.Mixed =>
        [
            $"为表彰在脱贫攻坚工作中涌现出的先进典型，激励全社会关心、支持和参与扶贫开发，根据{contestName}的评选方案，经单位推荐、资格审查、专家评审和社会公示，{office}决定对以下获奖者予以表彰。其中标注“公示中”的奖项尚在公示期间，其名单为拟表彰名单，现予公示。",
            Objections(periods ?? []),
            "希望受表彰的个人和单位珍惜荣誉，再接再厉，在巩固拓展脱贫攻坚成果、全面推进乡村振兴中再立新功。",
        ],
        _ =>
        [
            $"根据{contestName}的评选方案，经单位推荐、资格审查和专家评审，{office}拟对以下获奖者予以表彰，现予公示。",
            Objections(periods ?? []),
        ],
    };

    /// <summary>
    /// How objections are made, and, when known, until when: a notice that does not say when it ends
    /// leaves the public to guess how long they may object.
    /// </summary>
    private static string Objections(IReadOnlyList<(string Track, NoticePeriod Period)> periods) =>
        NoticeTimes(periods) + "公示期间，对公示对象如有异议，可通过活动网站的公示页面提出。公示期满无异议或异议不成立的，予以表彰。";

    /// <summary>
    /// When the notice runs: one sentence when every award's notice runs the same days
    /// (公示时间为…至…。), else each award's own days, awards with the same days together
    /// (公示时间：“创新奖”“奋进奖”为…至…；“贡献奖”为…至…。), so that nobody reads a later end
    /// than their award's.
    /// </summary>
    private static string NoticeTimes(IReadOnlyList<(string Track, NoticePeriod Period)> periods)
    {
        var groups = periods
            .GroupBy(p => (Starts: PrintedDate(p.Period.Starts), Ends: PrintedDate(p.Period.Ends)), p => p.Track)
            .ToList();
        return groups switch
        {
            [] => string.Empty,
            [var only] => $"公示时间为{only.Key.Starts}至{only.Key.Ends}。",
            _ => "公示时间：" + string.Join("；", groups.Select(g => $"{string.Concat(g.Select(t => $"“{t}”"))}为{g.Key.Starts}至{g.Key.Ends}")) + "。",
        };
    }

    private static string PrintedDate(DateTime date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>A file name for the export: contest, kind, date, e.g. 2026年清河市…-获奖名单-20261121.xlsx.</summary>
    public static string FileName(string contestName, string kind, DateTime localDate, bool proposed, string? detail = null) =>
        string.Join("-", new[] { contestName, ExportKinds.FileLabel(kind), detail, proposed ? "拟" : null, localDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture) }.Where(p => !string.IsNullOrEmpty(p)))
            .Replace('/', '-').Replace('\\', '-') + ExportKinds.Extension(kind);

    /// <summary>Why an export that would name nobody is refused (a localization key).</summary>
    public static string NothingToExport(string kind, bool proposed) => ExportKinds.IsDraft(kind)
        ? "No entry has a submitted score yet, so there is nothing to rank."
        : proposed
        ? "No results are published yet, so there is nothing to export."
        : "No results are final yet, so there is nothing to export. To export the proposed results, tick \"Include results still on public notice\".";

    public Task<string> WriteAsync(string kind, bool proposed, Stream output, IProgress<int>? progress, CancellationToken cancellationToken) =>
        WriteAsync(kind, proposed, tracks: null, output, progress, cancellationToken);

    /// <summary>
    /// As <see cref="WriteAsync(string, bool, Stream, IProgress{int}?, CancellationToken)"/>, the prize
    /// list and the draft list holding only <paramref name="tracks"/> (a leader's awards, ADR 0018; null for all).
    /// </summary>
    public async Task<string> WriteAsync(string kind, bool proposed, IReadOnlySet<int>? tracks, Stream output, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (!await data.HasResultsAsync(kind, proposed, tracks, cancellationToken))
        {
            throw new DomainException(NothingToExport(kind, proposed));
        }

        var contest = await data.ContestAsync(proposed, cancellationToken);
        switch (kind)
        {
            case ExportKinds.PrizeList:
                {
                    var prizes = await data.PrizeTracksAsync(proposed, tracks, cancellationToken);
                    progress?.Report(10);
                    PrizeListWorkbook.Write(output, contest, prizes);
                    break;
                }

            case ExportKinds.Notice:
                {
                    var prizes = await data.PrizeTracksAsync(proposed, tracks, cancellationToken);
                    progress?.Report(10);
                    var stage = ExportStages.Of(contest, prizes.Where(t => t.Rows.Count > 0).Select(t => t.Final));
                    var periods = prizes.Where(t => t.Rows.Count > 0 && t.Notice is not null).Select(t => (t.Name, t.Notice!)).ToList();
                    CommendationNotice.Write(output, contest, NoticeBody(contest.Name, contest.IssuingOffice, stage, periods), prizes);
                    break;
                }

            case ExportKinds.Certificates:
                {
                    var certificates = await data.CertificatesAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    CertificatesDocument.Write(output, contest, certificates);
                    break;
                }

            case ExportKinds.Anthology:
                {
                    var (preface, themes) = await data.AnthologyAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    AnthologyDocument.Write(output, contest, preface, themes);
                    break;
                }

            case ExportKinds.Deeds:
                {
                    var awards = await data.DeedsAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    AnthologyDocument.Write(output, contest, string.Empty, awards, AnthologyBook.Deeds);
                    break;
                }

            case ExportKinds.DraftList:
                {
                    var drafts = await data.DraftTracksAsync(tracks, cancellationToken);
                    progress?.Report(10);
                    DraftListWorkbook.Write(output, contest with { IsFinal = false }, drafts);
                    progress?.Report(100);
                    return FileName(contest.Name, kind, SiteTime.ToLocal(data.UtcNow).DateTime, proposed: false);
                }

            case ExportKinds.Contacts:
                {
                    var rows = await data.ContactsAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    ContactsWorkbook.Write(output, contest, rows);
                    break;
                }

            case ExportKinds.Bonuses:
                {
                    var rows = await data.BonusesAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    BonusWorkbook.Write(output, contest, rows);
                    break;
                }

            case ExportKinds.Statistics:
                {
                    var units = await data.StatisticsAsync(proposed, cancellationToken);
                    progress?.Report(10);
                    StatisticsWorkbook.Write(output, contest, units);
                    break;
                }

            default:
                throw new DomainException("There is no export called {0}.", kind);
        }

        progress?.Report(100);
        return FileName(contest.Name, kind, contest.Date, !contest.IsFinal);
    }

    /// <summary>A judge's packet for a round; null when the round does not exist.</summary>
    public async Task<string?> WriteJudgePacketAsync(int judgeUserId, int roundId, Stream output, CancellationToken cancellationToken)
    {
        if (await data.JudgePacketAsync(judgeUserId, roundId, cancellationToken) is not { } packet)
        {
            return null;
        }

        var contest = await data.ContestAsync(proposed: true, cancellationToken);
        JudgePacketDocument.Write(output, packet.Track, packet.Round, packet.Entries);
        return FileName(contest.Name, ExportKinds.JudgePacket, contest.Date, proposed: false, detail: $"{packet.Track}-{packet.Round}");
    }
}
