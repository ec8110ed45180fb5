using Awards.Core.Common;

namespace Awards.Web.Infrastructure;

/// <summary>The reason an organizer must give for a change that is kept in the audit log (a unit corrected, a conflict recorded).</summary>
public static class ChangeReasons
{
    /// <summary>The reason, trimmed; throws a <see cref="DomainException"/> when it is empty or longer than <paramref name="maxLength"/>.</summary>
    public static string Required(string? reason, int maxLength)
    {
        var why = reason?.Trim() ?? string.Empty;
        if (why.Length == 0)
        {
            throw new DomainException("Please give the reason for the change.");
        }

        if (why.Length > maxLength)
        {
            throw new DomainException("The reason can have at most {0} characters.", maxLength);
        }

        return why;
    }
}
