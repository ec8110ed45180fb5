using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Core.Units;

namespace Awards.Web.Infrastructure;

/// <summary>The English text (a localization key) for each value the UI shows.</summary>
public static class Labels
{
    public static string Of(ContestPhase phase) => phase switch
    {
        ContestPhase.NotYetOpen => "Not yet open",
        ContestPhase.Submission => "Open for submissions",
        ContestPhase.Judging => "Judging under way",
        ContestPhase.Ranking => "Ranking",
        ContestPhase.Notice => "Public notice",
        _ => "Final",
    };

    public static string Of(TrackKind kind) => kind switch
    {
        TrackKind.Nomination => "Nominated award",
        TrackKind.Essay => "Essay contest",
        _ => "Unit award",
    };

    public static string Of(Entrant entrant) => entrant == Entrant.Individual ? "Individuals" : "Organisations";

    public static string Of(RoundKind kind) => kind == RoundKind.Preliminary ? "Preliminary" : "Final";

    public static string Of(UnitKind kind) => kind switch
    {
        UnitKind.City => "City",
        UnitKind.County => "County, city or district",
        UnitKind.HelpingUnit => "Designated helping unit",
        _ => "Municipal unit",
    };

    public static string Of(ObjectionOutcome outcome) => outcome switch
    {
        ObjectionOutcome.Upheld => "Upheld",
        ObjectionOutcome.PartlyUpheld => "Partly upheld",
        _ => "Dismissed",
    };

    public static string Of(EntryStatus status) => status switch
    {
        EntryStatus.Draft => "Draft",
        EntryStatus.Submitted => "Submitted",
        EntryStatus.Returned => "Returned",
        EntryStatus.Accepted => "Accepted",
        EntryStatus.Withdrawn => "Withdrawn",
        _ => "Disqualified",
    };

    public static string Of(Gender gender) => gender == Gender.Female ? "Female" : "Male";

    public static string Badge(EntryStatus status) => status switch
    {
        EntryStatus.Submitted or EntryStatus.Accepted => "text-bg-success",
        EntryStatus.Returned => "text-bg-warning",
        EntryStatus.Withdrawn or EntryStatus.Disqualified => "text-bg-secondary",
        _ => "text-bg-light",
    };
}
