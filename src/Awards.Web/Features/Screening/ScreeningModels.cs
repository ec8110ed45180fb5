using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Screening;

public sealed record ScreeningFilter(string? Track, string? Unit, EntryStatus? Status, int Page);

public sealed record ScreeningRow(string Code, string Track, string Title, string Nominee, string Unit, EntryStatus Status, DateTime? SubmittedAt, int Attachments)
{
    /// <summary>Another nomination (not a draft) names a nominee of the same name (however spaced or dotted) and birth year.</summary>
    public bool PossibleDuplicate { get; init; }
}

/// <summary>Another nomination of the same nominee (same name however spaced or dotted, and birth year), in any award: one person is not commended twice.</summary>
public sealed record SameNominee(string Code, string Track, string Unit, EntryStatus Status);

/// <summary>
/// A prize of an earlier edition (its certificate, carried by <c>next-edition</c>) whose winner has
/// the nominee's name: the organizer checks whether the same person is commended again. No birth
/// year is kept on certificates, so a namesake is possible.
/// </summary>
public sealed record EarlierPrize(string Code, string Contest, string Award, string Level, string Unit);

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
