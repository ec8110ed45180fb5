namespace Awards.Web.Data;

/// <summary>One state change: who, when, what, before and after (SECURITY.md §5).</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>Null for the system (seeding, the CLI).</summary>
    public int? UserId { get; set; }

    public string Action { get; set; } = string.Empty;

    public string EntityType { get; set; } = string.Empty;

    public string EntityKey { get; set; } = string.Empty;

    public string? Before { get; set; }

    public string? After { get; set; }
}
