using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.ContestSettings;

/// <summary>
/// What the organizer changes of the current edition while it runs: its phase dates, typed in
/// China Standard Time, the issuing office that signs notices and certificates, and the rules on
/// the public contest page. Messages and display names are localization keys.
/// </summary>
public sealed record ContestSettingsForm : IStampedForm
{
    public const int MaxRulesLength = 20_000;

    public const int MaxOfficeLength = 100;

    [Required(ErrorMessage = "Please enter when submissions open.")]
    [Display(Name = "Submissions open")]
    public string SubmissionOpensAt { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter when submissions close.")]
    [Display(Name = "Submissions close")]
    public string SubmissionClosesAt { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter when judging closes.")]
    [Display(Name = "Judging closes")]
    public string JudgingClosesAt { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter when the public notice starts.")]
    [Display(Name = "The public notice starts")]
    public string NoticeStartsAt { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter when the public notice ends.")]
    [Display(Name = "The public notice ends")]
    public string NoticeEndsAt { get; set; } = string.Empty;

    [Required(ErrorMessage = "Please enter the issuing office in Chinese.")]
    [StringLength(MaxOfficeLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Issuing office (Chinese)")]
    public string IssuingOfficeZh { get; set; } = string.Empty;

    [StringLength(MaxOfficeLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Issuing office (English)")]
    public string? IssuingOfficeEn { get; set; }

    [StringLength(Awards.Core.Contests.DocumentNumber.MaxLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Document number")]
    public string? DocumentNumber { get; set; }

    [StringLength(MaxRulesLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Rules (Chinese, Markdown)")]
    public string? RulesZh { get; set; }

    [StringLength(MaxRulesLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Rules (English, Markdown)")]
    public string? RulesEn { get; set; }

    /// <summary>The settings as they were when the page was opened (<see cref="StampOf"/>): a save from an older page is refused.</summary>
    public string? Stamp { get; set; }

    public static ContestSettingsForm From(ContestEdition contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        var s = contest.Schedule;
        return new ContestSettingsForm
        {
            SubmissionOpensAt = SiteTime.InputValue(s.SubmissionOpensAt),
            SubmissionClosesAt = SiteTime.InputValue(s.SubmissionClosesAt),
            JudgingClosesAt = SiteTime.InputValue(s.JudgingClosesAt),
            NoticeStartsAt = SiteTime.InputValue(s.NoticeStartsAt),
            NoticeEndsAt = SiteTime.InputValue(s.NoticeEndsAt),
            IssuingOfficeZh = contest.IssuingOffice.Zh,
            IssuingOfficeEn = contest.IssuingOffice.En,
            DocumentNumber = contest.DocumentNumber,
            RulesZh = contest.Rules.Zh,
            RulesEn = contest.Rules.En,
            Stamp = StampOf(contest),
        };
    }

    /// <summary>A digest of everything this form changes, as it is saved now.</summary>
    public static string StampOf(ContestEdition contest)
    {
        ArgumentNullException.ThrowIfNull(contest);
        return TextDigest.Of(Describe(contest.Schedule) + "\n" + contest.IssuingOffice.Zh + "\n" + contest.IssuingOffice.En + "\n" + contest.DocumentNumber + "\n" + contest.Rules.Zh + "\n" + contest.Rules.En)[..32];
    }

    /// <summary>
    /// The settings for the audit log: the dates, the office and the document number as they are; the rules by length
    /// and digest, which show that they changed without copying pages of Markdown into the log.
    /// </summary>
    public static string AuditSummary(ContestSchedule schedule, BilingualText office, string documentNumber, BilingualText rules)
    {
        ArgumentNullException.ThrowIfNull(office);
        ArgumentNullException.ThrowIfNull(rules);
        return $"{Describe(schedule)}; {office.Zh} / {office.En}; {documentNumber}; rules {rules.Zh.Length} + {rules.En.Length} characters, {TextDigest.Of(rules.Zh + "\n" + rules.En)[..8]}";
    }

    /// <summary>The five dates for the audit log, in UTC.</summary>
    private static string Describe(ContestSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        DateTime[] dates = [schedule.SubmissionOpensAt, schedule.SubmissionClosesAt, schedule.JudgingClosesAt, schedule.NoticeStartsAt, schedule.NoticeEndsAt];
        return string.Join(" / ", dates.Select(SiteTime.AuditValue));
    }

    // The form's date fields, in the order of ContestSchedule.Dates.
    private static readonly string[] DateFields = [nameof(SubmissionOpensAt), nameof(SubmissionClosesAt), nameof(JudgingClosesAt), nameof(NoticeStartsAt), nameof(NoticeEndsAt)];

    /// <summary>The field of the first date that comes before the one above it, or null when the dates are in order.</summary>
    public static string? FirstOutOfOrder(ContestSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return schedule.FirstOutOfOrder() is int i ? DateFields[i] : null;
    }

    /// <summary>The dates as UTC, or null with a message on each field that is not a date and time.</summary>
    public ContestSchedule? Schedule(Action<string, string> error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var opens = Utc(nameof(SubmissionOpensAt), SubmissionOpensAt, error);
        var closes = Utc(nameof(SubmissionClosesAt), SubmissionClosesAt, error);
        var judging = Utc(nameof(JudgingClosesAt), JudgingClosesAt, error);
        var noticeStarts = Utc(nameof(NoticeStartsAt), NoticeStartsAt, error);
        var noticeEnds = Utc(nameof(NoticeEndsAt), NoticeEndsAt, error);
        return opens is { } a && closes is { } b && judging is { } c && noticeStarts is { } d && noticeEnds is { } e
            ? new ContestSchedule(a, b, c, d, e)
            : null;
    }

    public BilingualText IssuingOffice() => new(IssuingOfficeZh.Trim(), IssuingOfficeEn?.Trim() ?? string.Empty);

    public BilingualText Rules() => new(RulesZh?.Trim() ?? string.Empty, RulesEn?.Trim() ?? string.Empty);

    private static DateTime? Utc(string field, string? value, Action<string, string> error)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            // [Required] has said so already.
            return null;
        }

        if (!SiteTime.TryParseInput(value, out var utc))
        {
            error(field, value);
            return null;
        }

        return utc;
    }
}
