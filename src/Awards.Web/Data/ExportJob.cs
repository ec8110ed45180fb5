namespace Awards.Web.Data;

public enum ExportStatus
{
    Queued,
    Running,
    Done,
    Failed,
}

/// <summary>
/// An export the organizer started: it runs in the background (one at a time, in order) and
/// writes its file under <c>Awards:ExportsPath</c>; the page shows its progress and then a link.
/// </summary>
public class ExportJob
{
    public const int MaxErrorLength = 500;

    public int Id { get; set; }

    /// <summary>The kind, as the CLI names it: prize-list, notice, certificates, anthology, judge-packet, statistics.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Exports the proposed results (on notice or draft) instead of the final ones.</summary>
    public bool Proposed { get; set; }

    public ExportStatus Status { get; set; }

    /// <summary>0–100.</summary>
    public int Progress { get; set; }

    /// <summary>The name the file downloads under, e.g. 2026年…-获奖名单-20261121.xlsx.</summary>
    public string? FileName { get; set; }

    /// <summary>Where the finished file is, relative to the exports folder.</summary>
    public string? StoredAs { get; set; }

    public long? Bytes { get; set; }

    public string? Error { get; set; }

    public int RequestedByUserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? FinishedAt { get; set; }
}
