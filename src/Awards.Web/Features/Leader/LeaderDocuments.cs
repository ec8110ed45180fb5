using Awards.Web.Data;
using Awards.Web.Features.Exports;
using Awards.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Leader;

/// <summary>
/// The documents a member of the leading group downloads (ADR 0018): what the office would lay on
/// the group's table. Made at once, like a judge's packet, and kept nowhere: reading them starts no
/// export job in the leader's name. Each download is recorded in the audit log, so the office knows
/// who took the draft list home.
/// </summary>
public sealed class LeaderDocuments(ExportData data, ExportRunner runner, AwardsDbContext db, AuditLog audit, ILogger<LeaderDocuments> logger)
{
    /// <summary>The audit log's action for a leader's download: the entity is the document (<see cref="Document"/>) or an award's ranking (<c>Track</c>).</summary>
    public const string Downloaded = "LeaderDownload";

    /// <summary>The audit log's entity for a document; its key is the document's kind.</summary>
    public const string Document = "LeaderDocument";

    /// <summary>
    /// The draft list of every award as ranked now, the prize list and the participation statistics
    /// of what is published. Not the winners' contacts (personal data), nor the certificates, books,
    /// notice or judge packets, which are the office's to produce.
    /// </summary>
    public static readonly IReadOnlyList<string> Kinds = [ExportKinds.DraftList, ExportKinds.PrizeList, ExportKinds.Statistics];

    /// <summary>The prize list and the statistics include results still on public notice: the group decides before they are final.</summary>
    public const bool Proposed = true;

    /// <summary>The document, holding only <paramref name="tracks"/> (null for all); null when it would name nobody.</summary>
    public async Task<(byte[] Content, string Name)?> WriteAsync(string kind, IReadOnlySet<int>? tracks, CancellationToken cancellationToken)
    {
        if (!await data.HasResultsAsync(kind, Proposed, tracks, cancellationToken))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var name = await runner.WriteAsync(kind, Proposed, tracks, buffer, progress: null, cancellationToken);
        return (buffer.ToArray(), name);
    }

    /// <summary>
    /// Records the download before it is sent; false when the row could not be written, and then the
    /// file is not sent either (ADR 0018: a draft list nobody can trace is what the record is for).
    /// </summary>
    public async Task<bool> RecordAsync(string entityType, string entityKey, string detail, CancellationToken cancellationToken)
    {
        audit.Record(Downloaded, entityType, entityKey, after: detail);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is DbUpdateException or SqliteException)
        {
            logger.LogError(ex, "A leader's download of {Entity} {Key} could not be recorded; it was refused", entityType, entityKey);
            return false;
        }
    }
}
