namespace Awards.Web.Features.Judging;

/// <summary>Messages of the organizer's judging actions (localization keys).</summary>
public static class JudgingMessages
{
    public const string NoJudgeLeft = "No judge on the panel is free to take this entry: add a judge from another unit to the panel.";

    public const string PreviousRoundOpen = "Close the previous round first: its scores decide the shortlist.";
}
