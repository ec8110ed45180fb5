namespace Awards.Core.Results;

/// <summary>How the organizer decided an objection (处理结果).</summary>
public enum ObjectionOutcome
{
    /// <summary>The objection is right (异议成立): something about the result is changed.</summary>
    Upheld = 1,

    /// <summary>Partly right (部分成立).</summary>
    PartlyUpheld = 2,

    /// <summary>Not borne out (异议不成立): the result stands.</summary>
    Dismissed = 3,
}
