namespace Awards.Core.Scoring;

/// <summary>Messages of the scoring rules (localization keys).</summary>
public static class ScoringMessages
{
    public const string ChangedElsewhere = "This score was changed in another window or tab since you opened it. Reload the page to see the saved scores, then make your change again.";

    public const string RubricChanged = "The organizer changed this award's criteria while you were scoring, so your scores were not saved. Reload the page and score the entry against the new criteria.";

    public const string OutOfRange = "The score for {0} must be between {1} and {2}.";

    public const string TooPrecise = "The score for {0} can have at most two decimal places.";

    public const string Incomplete = "Score every criterion before submitting.";
}
