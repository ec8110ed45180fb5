using System.ComponentModel.DataAnnotations;
using Awards.Core.Common;
using Awards.Web.Data;

namespace Awards.Web.Features.Announcements;

/// <summary>
/// An announcement as the organizer writes it: a title and a Markdown text in Chinese, and the
/// same in English or neither (English readers then see the Chinese). Messages and display names
/// are localization keys.
/// </summary>
public sealed record AnnouncementForm
{
    [Required(ErrorMessage = "Please enter the title in Chinese.")]
    [StringLength(Announcement.MaxTitleLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Title (Chinese)")]
    public string TitleZh { get; set; } = string.Empty;

    [StringLength(Announcement.MaxTitleLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Title (English)")]
    public string? TitleEn { get; set; }

    [Required(ErrorMessage = "Please enter the text in Chinese.")]
    [StringLength(Announcement.MaxBodyLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Text (Chinese, Markdown)")]
    public string BodyZh { get; set; } = string.Empty;

    [StringLength(Announcement.MaxBodyLength, ErrorMessage = "{0} can have at most {1} characters.")]
    [Display(Name = "Text (English, Markdown)")]
    public string? BodyEn { get; set; }

    [Display(Name = "Pin it above the other announcements")]
    public bool Pinned { get; set; }

    /// <summary>The revision the page was opened on; a save from an older page is refused.</summary>
    public int Revision { get; set; }

    /// <summary>The new-announcement page's one-time key (a second click makes no second draft).</summary>
    public string? FormKey { get; set; }

    public BilingualText Title() => new(TitleZh.Trim(), (TitleEn ?? string.Empty).Trim());

    public BilingualText Body() => new(BodyZh.Trim(), (BodyEn ?? string.Empty).Trim());

    public static AnnouncementForm From(Announcement announcement)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        return new AnnouncementForm
        {
            TitleZh = announcement.Title.Zh,
            TitleEn = announcement.Title.En,
            BodyZh = announcement.Body.Zh,
            BodyEn = announcement.Body.En,
            Pinned = announcement.Pinned,
            Revision = announcement.Revision,
        };
    }

    /// <summary>What the audit log keeps of an announcement: its titles, whether pinned, and its texts in full.</summary>
    public static string AuditSummary(BilingualText title, BilingualText body, bool pinned) =>
        $"{title.Zh} / {title.En}{(pinned ? "; pinned" : string.Empty)}\n{body.Zh}\n---\n{body.En}";

    /// <summary>The English field left empty while its pair is written, or null: an English title over a Chinese text would read as a mistake.</summary>
    public string? HalfEnglish() =>
        string.IsNullOrWhiteSpace(TitleEn) == string.IsNullOrWhiteSpace(BodyEn) ? null
        : string.IsNullOrWhiteSpace(TitleEn) ? nameof(TitleEn) : nameof(BodyEn);
}
