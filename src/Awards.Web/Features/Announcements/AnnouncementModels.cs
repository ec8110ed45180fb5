using Awards.Web.Data;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Announcements;

/// <summary>The organizer's list: every announcement of the edition, drafts and taken-down ones included.</summary>
public sealed record AnnouncementListPage(IReadOnlyList<Announcement> Announcements);

/// <summary>
/// The organizer's page for one announcement (Id null: a new one). Current is it as saved; after a
/// save refused because someone else saved first (Stale), what was typed stays in the form and
/// Current is shown below it.
/// </summary>
public sealed record AnnouncementEditPage(int? Id, AnnouncementForm Form, Announcement? Current, bool Stale);

/// <summary>The public list, 20 to a page, pinned ones first.</summary>
public sealed record PublicAnnouncementsPage(IReadOnlyList<Announcement> Announcements, Pager Pager);
