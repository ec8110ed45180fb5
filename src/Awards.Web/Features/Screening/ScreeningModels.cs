using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Screening;

public sealed record ScreeningFilter(string? Track, string? Unit, EntryStatus? Status, int Page);

public sealed record ScreeningRow(string Code, string Track, string Title, string Nominee, string Unit, EntryStatus Status, DateTime? SubmittedAt, int Attachments);

public sealed record ScreeningList(
    ScreeningFilter Filter,
    IReadOnlyList<ScreeningRow> Rows,
    int Total,
    int PageSize,
    IReadOnlyList<Track> Tracks,
    IReadOnlyList<(string Code, string Name)> Units)
{
    public int Pages => Pager.PageCount(Total, PageSize);
}
