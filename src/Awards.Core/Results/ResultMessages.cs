namespace Awards.Core.Results;

/// <summary>The rules' messages (English keys, translated by the site's resources).</summary>
public static class ResultMessages
{
    public const string Frozen = "The results of this award are final and can no longer change.";

    public const string OnNotice = "The results of this award are on public notice; return them to draft to change them.";

    public const string NotOnNotice = "The results of this award are not on public notice.";

    public const string UnresolvedTies = "Ties at a prize boundary are not decided yet: decide the order of the tied entries or move them by hand first.";

    public const string RoundOpen = "Close the round before publishing its results: its scores could still change.";

    public const string NothingToPublish = "No entry has a prize yet, so there is nothing to publish.";

    public const string NoticeRunning = "The notice period ends on {0}; the results can be finalized after that.";

    public const string NoticeDays = "The notice period must be from {0} to {1} days.";

    public const string ReasonRequired = "An override needs a written reason.";

    public const string UnknownLevel = "This award has no such prize level.";

    public const string NotRanked = "This entry is not ranked in this award.";

    public const string MinimumOutOfScale = "The minimum score must lie between {0} and {1}.";

    public const string TieOrderIncomplete = "Put every tied entry in order: each needs its own place.";

    public const string UnitPickCount = "Pick at most {0} units.";

    public const string PickReasonNeeded = "A picked unit is placed no higher than a unit left out (another order than the suggested one, or one of a tie): write the reason for the picks.";

    public const string PickReasonTooLong = "Write the reason for the picks in at most {0} characters.";

    public const string ObjectionsClosed = "Objections can be raised only while results are on public notice.";

    public const string ObjectionUnresolved = "{0} objections are not resolved yet; resolve them before finalizing.";

    public const string WinnersDropped = "Proposed winners are no longer in the contest (disqualified or withdrawn): {0}. Take the results back to draft, rank again and publish again before finalizing.";

    public const string RevokeNotFinal = "Only a prize of final results can be revoked. Until the results are final, change them instead: take results on notice back to draft, then move the entry to no prize (or leave the unit out of the picks).";

    public const string AlreadyRevoked = "This prize was already revoked on {0}; nothing was changed.";

    public const string NoPrizeToRevoke = "This entry has no prize to revoke.";

    public const string RevokeReasonRequired = "Revoking a prize needs a written reason.";
}
