namespace Awards.Web.Features.Judging;

/// <summary>Messages of the organizer's judging actions (localization keys).</summary>
public static class JudgingMessages
{
    public const string NoJudgeLeft = "No judge on the panel is free to take this entry: add a judge from another unit to the panel.";

    public const string RowUnknownEntry = "Row {0}: there is no entry {1} in this award.";

    public const string RowNotAssigned = "Row {0}: entry {1} is not assigned to the judge {2} in this round.";

    public const string RowOutOfRange = "Row {0}: the score for {1} must be between {2} and {3}.";

    public const string RowTooPrecise = "Row {0}: the score for {1} can have at most two decimal places.";

    public const string RowCommentTooLong = "Row {0}: the comment can have at most {1} characters.";

    public const string RowNotInJudging = "Row {0}: entry {1} was withdrawn or disqualified, so it is no longer judged.";

    public const string NotOnPanel = "That judge is not on this round's panel.";

    public const string Conflicted = "That judge cannot judge this entry: same unit, or a declared conflict of interest.";

    public const string AlreadyScored = "That judge has already scored this entry; their score stays.";

    public const string PreviousRoundOpen = "Close the previous round first: its scores decide the shortlist.";

    public const string ShortlistStale = "The scores, the entries, the ranking settings or the panel changed since this preview: nothing was assigned. Check the new preview below and confirm again.";

    public const string ShortlistIncompleteNotConfirmed = "Some entries of the round before were ranked on fewer scores than judges given, or not at all: tick that you have seen them, then confirm again. Nothing was assigned.";

    public const string ShortlistNoJudge = "No judge on the panel can take {0} (same unit, or a declared conflict): add judges from other units to the panel first. Nothing was assigned.";

    public const string ShortlistEmpty = "Nobody goes on: no entry of the round before has a submitted score at or above the minimum score. Nothing was assigned.";

    public const string ShortlistAlreadyAssigned = "This round's entries are already assigned: change its judges with the assignment or by hand.";
}
