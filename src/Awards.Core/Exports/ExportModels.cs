namespace Awards.Core.Exports;

/// <summary>What every export says about the contest: its name, who issues it, and the date printed on documents.</summary>
/// <param name="Name">The edition's name, e.g. 2026年清河市扶贫日表彰暨征文活动.</param>
/// <param name="IssuingOffice">The office that signs documents, e.g. 清河市扶贫开发领导小组办公室.</param>
/// <param name="Date">The date printed on documents (a local calendar date; the time is ignored).</param>
/// <param name="IsFinal">False when some results in the export are only proposed (on notice): documents say so, track by track where a track says its own stage.</param>
public sealed record ExportContest(string Name, string IssuingOffice, DateTime Date, bool IsFinal)
{
    /// <summary>
    /// Whom the commendation notice is addressed to (主送), e.g. 各县（市、区）扶贫办，各定点帮扶单位：;
    /// empty for none.
    /// </summary>
    public string Addressee { get; init; } = string.Empty;

    /// <summary>The commendation notice's document number (发文字号), e.g. 石扶组〔2026〕3号; empty for none.</summary>
    public string DocumentNumber { get; init; } = string.Empty;

    /// <summary>
    /// Some of the results are final although <c>IsFinal</c> is false (others are on notice): a
    /// document that does not say each section's stage says it holds both.
    /// </summary>
    public bool IncludesFinal { get; init; }
}

/// <summary>The days a public notice runs, as local calendar dates (the time is ignored).</summary>
public sealed record NoticePeriod(DateTime Starts, DateTime Ends);

/// <summary>Whether a document's results are all final, all proposed (on notice), or some of each.</summary>
public enum ExportStage
{
    Final,
    Proposed,
    Mixed,

    /// <summary>Not published at all: the draft list the leading group reviews (讨论稿（未公示）).</summary>
    Draft,
}

/// <summary>How a document works out its stage from its contest and its sections.</summary>
public static class ExportStages
{
    /// <summary>
    /// Whether a section is still on notice: its own <paramref name="sectionFinal"/> when it says, else
    /// the contest's.
    /// </summary>
    public static bool OnNotice(ExportContest contest, bool? sectionFinal)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return !(sectionFinal ?? contest.IsFinal);
    }

    /// <summary>The stage of a document whose sections say <paramref name="sectionFinals"/> (see <see cref="OnNotice"/>).</summary>
    public static ExportStage Of(ExportContest contest, IEnumerable<bool?> sectionFinals)
    {
        ArgumentNullException.ThrowIfNull(contest);
        ArgumentNullException.ThrowIfNull(sectionFinals);
        var onNotice = sectionFinals.Select(f => OnNotice(contest, f)).ToList();
        if (onNotice.Count == 0)
        {
            return contest.IsFinal ? ExportStage.Final : ExportStage.Proposed;
        }

        return onNotice.All(n => n) ? ExportStage.Proposed : onNotice.Any(n => n) ? ExportStage.Mixed : ExportStage.Final;
    }
}

/// <summary>How the documents head a track's levels.</summary>
public static class ExportLevels
{
    /// <summary>
    /// Whether a track's levels (their names, as printed) are one level named as the track itself
    /// (创新奖 under 创新奖): the documents then give it no heading of its own, which would only
    /// repeat the track's.
    /// </summary>
    public static bool OnlyLevelIsTheTrack(string trackName, IReadOnlyList<string> levelNames)
    {
        ArgumentNullException.ThrowIfNull(levelNames);
        return levelNames is [var only] && only == trackName;
    }
}

/// <summary>One prize in a track, in ranking order.</summary>
/// <param name="Place">The rank (tied entries share it).</param>
/// <param name="LevelRank">1 is the highest level.</param>
/// <param name="Level">The level's name, e.g. 一等奖.</param>
/// <param name="Code">The entry code (empty for a unit award).</param>
/// <param name="Title">The essay's title, or the nomination's title; empty for a unit award.</param>
/// <param name="Author">The author, the nominee (a person or a unit), or for a unit award the unit.</param>
/// <param name="Unit">The author's or the nominating unit; empty for a unit award.</param>
/// <param name="Score">The aggregate score; null when none (a unit award).</param>
public sealed record PrizeRow(int Place, int LevelRank, string Level, string Code, string Title, string Author, string Unit, decimal? Score);

/// <summary>
/// One proposed prize on the draft list the leading group reviews before anything is public: the
/// row of the prize list with what the group decides on besides (the nominee's position, and why
/// the organizer should look twice).
/// </summary>
/// <param name="Prize">Place, level, code, title, author or nominee, unit and score.</param>
/// <param name="Position">The nominee's unit and position; empty for an essay or a nominated unit.</param>
/// <param name="Notes">The ranking's flags in words, and an override's reason (并列；手动调整：…).</param>
/// <param name="Bonus">The bonus the prize's level carries, in yuan; 0 for none.</param>
/// <param name="Participation">
/// For a unit (the Outstanding Organization Award): its essays, their average score, the prizes
/// they won and the points those count for, which the suggested order follows; null otherwise.
/// </param>
public sealed record DraftRow(PrizeRow Prize, string Position, string Notes, int Bonus = 0, UnitStatistics? Participation = null);

/// <summary>A track on the draft list: its proposed prizes and where its results stand.</summary>
/// <param name="Name">The award's or theme's name.</param>
/// <param name="Status">Where its results stand: 讨论稿（未公示）, 拟获奖（公示中） or 最终结果.</param>
/// <param name="Rows">The proposed prizes, highest level first, then by place.</param>
/// <param name="Units">The prizes go to units by their participation (the Outstanding Organization Award): each row has its <c>Participation</c>.</param>
public sealed record DraftTrack(string Name, string Status, IReadOnlyList<DraftRow> Rows, bool Units = false);

/// <summary>
/// How to reach a winner to hand out the medal, certificate and bonus: one row of the winners'
/// contact list, never published.
/// </summary>
/// <param name="Track">The award or theme.</param>
/// <param name="Prize">Place, level, code, title, winner and unit.</param>
/// <param name="Position">The nominee's unit and position; empty for an essay or a unit.</param>
/// <param name="Phone">The author's phone, or the nominee's contact as the unit gave it.</param>
/// <param name="Contact">Who to write to: the author's e-mail, or the nominating unit's coordinator (name and e-mail), or a winning unit's coordinators.</param>
public sealed record ContactRow(string Track, PrizeRow Prize, string Position, string Phone, string Contact);

/// <summary>One winner's bonus on the bonus payment sheet (奖金发放表): never published.</summary>
/// <param name="Track">The award or theme.</param>
/// <param name="Prize">Place, level, winner (author, nominee or unit) and unit.</param>
/// <param name="Amount">The bonus of the prize's level, in whole yuan.</param>
public sealed record BonusRow(string Track, PrizeRow Prize, int Amount);

/// <summary>A track's prizes: an award or an essay theme.</summary>
/// <param name="Code">A stable slug, e.g. help-story.</param>
/// <param name="Name">The track's name, e.g. 征文：我的帮扶故事.</param>
/// <param name="Rows">The prizes, highest level first, then by place.</param>
/// <param name="Works">The rows are written works (an essay theme): a notice sets their titles in 《》.</param>
/// <param name="Final">Whether this track's results are final (false: on notice); null when the contest's <c>IsFinal</c> says.</param>
/// <param name="Units">The winners are units, not entries (the Outstanding Organization Award): each row names its unit as <c>Author</c>.</param>
/// <param name="Notice">When its public notice runs, while it is on notice; null otherwise, or when not known.</param>
public sealed record PrizeTrack(string Code, string Name, IReadOnlyList<PrizeRow> Rows, bool Works = false, bool? Final = null, bool Units = false, NoticePeriod? Notice = null);

/// <summary>A unit's participation: the per-unit statistics export.</summary>
public sealed record UnitStatistics(string Unit, int Entries, int Scored, int Prizes, decimal? AverageScore, decimal PrizePoints);

/// <summary>
/// One certificate: a winner (a person or a unit), the award and level, and the code that verifies
/// it. <c>VerifyUrl</c> is the public page that confirms the certificate, e.g.
/// https://awards.example.gov.cn/verify/7KQ2-9XHM-3P; the QR code links to it. <c>IsFinal</c> is
/// false while the result is only proposed (on notice): the page is then marked as a specimen.
/// <c>Date</c> is the day the certificate bears (its result's finalization); the document's date when null.
/// </summary>
public sealed record CertificateData(string Name, string Unit, string Award, string Level, string Title, string VerifyCode, string VerifyUrl, bool IsFinal = true, DateTime? Date = null);

/// <summary>
/// An essay in the anthology or an entry in a judge packet: its title and Markdown text.
/// <c>Byline</c> is author, unit and award for the anthology; empty in a judge packet.
/// <c>Author</c> is what the anthology's contents give beside the title; empty in a judge packet.
/// </summary>
public sealed record DocumentEssay(string Code, string Title, string Byline, string Markdown, string Author = "");

/// <summary>An award level within an anthology theme, with its essays in ranking order.</summary>
public sealed record AnthologyLevel(string Level, IReadOnlyList<DocumentEssay> Essays);

/// <summary>
/// A theme of the anthology, its levels highest first. <c>Final</c> says whether its results are
/// final (false: on notice); null when the contest's <c>IsFinal</c> says.
/// </summary>
public sealed record AnthologyTheme(string Name, IReadOnlyList<AnthologyLevel> Levels, bool? Final = null);
