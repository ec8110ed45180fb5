using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.EssayScreening;

public sealed record EssayFilter(string? Theme, string? Unit, EntryStatus? Status, bool Flagged, string? Query, int Page);

public sealed record EssayRow(string Code, string Theme, string Title, string Author, string Unit, EntryStatus Status, DateTime? SubmittedAt, int Length, int Redactions);

public sealed record EssayList(
    EssayFilter Filter,
    IReadOnlyList<EssayRow> Rows,
    int Total,
    int PageSize,
    IReadOnlyList<Track> Themes,
    IReadOnlyList<(string Code, string Name)> Units)
{
    public int Pages => Pager.PageCount(Total, PageSize);
}

/// <summary>An essay as the organizer sees it: the author, the original, and what judges will read.</summary>
public sealed record EssayDetail(Entry Entry, string Author, string Email, string? Phone, string Unit, IReadOnlyList<HistoryRow> History);
