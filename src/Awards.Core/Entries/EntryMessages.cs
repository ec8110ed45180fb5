namespace Awards.Core.Entries;

/// <summary>Messages of entry rules that are passed around before they are thrown (localization keys).</summary>
public static class EntryMessages
{
    public const string UnitLimitReached = "Each unit may submit at most {0} here, and yours has. Withdraw one to submit another.";

    public const string OwnerLimitReached = "Each person may submit at most {0} here, and you have. Withdraw one to submit another.";
}
