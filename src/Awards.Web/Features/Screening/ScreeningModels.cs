using Awards.Core.Entries;
using Awards.Core.Tracks;

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
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
