namespace Awards.Core.Entries;

/// <summary>Messages of entry rules that are passed around before they are thrown (localization keys).</summary>
public static class EntryMessages
{
    public const string UnitLimitReached = "Your unit has already submitted {0} entries to this track, the most it may. Withdraw one to submit another.";

    public const string OwnerLimitReached = "You have already submitted {0} entries to this track, the most you may. Withdraw one to submit another.";
}
