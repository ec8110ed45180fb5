using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Core.Units;

using Awards.Web.Features.Entries;

namespace Awards.Web.Features.Nominations;

/// <summary>
/// A nomination's form, new when <see cref="Code"/> is null. Taken: the units another submitted (or
/// returned) nomination of the award already names, with its code. SavedNow: after a save refused
/// because the nomination changed since the form was opened, what it holds now.
/// </summary>
public sealed record NominationFormPage(Track Track, NominationForm Form, IReadOnlyList<Unit> NomineeUnits, string? Code, DateTime ClosesAt, IReadOnlyDictionary<int, string> Taken, Entry? SavedNow = null);


/// <summary>A nomination as its unit and the organizer see it (judges never see this page).</summary>
public sealed record NominationView(
    Entry Entry,
    string UnitName,
    string? NomineeUnitName,
    IReadOnlyList<HistoryRow> History,
    bool CanChange,
    string AttachmentBase)
{
    /// <summary>For the organizer: other nominations of a nominee with the same name and birth year.</summary>
    public IReadOnlyList<Screening.SameNominee> SameNominee { get; init; } = [];

    /// <summary>For the organizer: earlier editions' prizes won by someone of the nominee's name.</summary>
    public IReadOnlyList<Screening.EarlierPrize> EarlierPrizes { get; init; } = [];
}
