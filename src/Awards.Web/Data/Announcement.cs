using Awards.Core.Common;

namespace Awards.Web.Data;

/// <summary>
/// A notice the organizing office posts on the public site while the contest runs (通知公告): a
/// deadline moved, judging started, where the ceremony is. Written in Markdown, in Chinese and
/// optionally English; a draft until published, and a published one can be taken down again
/// (never deleted, so what the public was told stays on record in the audit log and here).
/// </summary>
public class Announcement
{
    public const int MaxTitleLength = 100;

    public const int MaxBodyLength = 20_000;

    public int Id { get; set; }

    public int ContestEditionId { get; set; }

    public BilingualText Title { get; set; } = BilingualText.Empty;

    /// <summary>Markdown, rendered through the site's allowlist.</summary>
    public BilingualText Body { get; set; } = BilingualText.Empty;

    /// <summary>Shown above the others, newest pinned first.</summary>
    public bool Pinned { get; set; }

    /// <summary>When it went on the public site; null while it is a draft or after it was taken down.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>When it was first published: kept when taken down, so the list says it once was public.</summary>
    public DateTime? FirstPublishedAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Counts the saves: a page opened before someone else's save cannot undo it unseen.</summary>
    public int Revision { get; set; }

    /// <summary>The new-announcement form's one-time key, so a second click makes no second draft.</summary>
    public string? CreationKey { get; set; }

    public bool IsPublished => PublishedAt is not null;
}
