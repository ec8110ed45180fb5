using System.Text.Json;
using System.Text.Json.Serialization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Web.Data;
using Awards.Web.Infrastructure;

namespace Awards.Web.Features.Entries;

/// <summary>
/// Writes what happened to an entry into the same unit of work as the change: a status-history
/// step when the status moved, and an audit entry with before and after for every change.
/// </summary>
public sealed class EntryJournal(AwardsDbContext db, AuditLog audit, IClock clock, IHttpContextAccessor http)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The fields an edit can change, as the audit log keeps them.</summary>
    public static string Snapshot(Entry entry) => JsonSerializer.Serialize(
        new
        {
            entry.Title,
            entry.Nominee,
            entry.NomineeUnitId,
            entry.RecommendationOpinion,
            entry.Body,
        },
        Json);

    /// <summary>The status as the audit log keeps it; <paramref name="reason"/> for a change whose reason the entry does not keep (a reinstatement).</summary>
    public static string StatusOf(Entry entry, string? reason = null) =>
        JsonSerializer.Serialize(new { entry.Status, StatusReason = reason ?? entry.StatusReason, entry.ResubmitBy, entry.UnitSlot, entry.OwnerSlot }, Json);

    /// <summary>
    /// Records a change; <paramref name="from"/> is the status before it (null for a new entry).
    /// The history keeps the reason of a return or a disqualification, or <paramref name="reason"/>.
    /// </summary>
    public void Record(Entry entry, string action, EntryStatus? from, string? before, string? after, string? reason = null)
    {
        if (from != entry.Status)
        {
            db.EntryStatusChanges.Add(new EntryStatusChange
            {
                Entry = entry,
                From = from,
                To = entry.Status,
                Reason = reason ?? (entry.Status is EntryStatus.Returned or EntryStatus.Disqualified ? entry.StatusReason : null),
                At = clock.UtcNow,
                UserId = http.HttpContext?.User.UserId(),
            });
        }

        audit.Record(action, nameof(Entry), entry.Code, before, after);
    }

    public void RecordFile(Entry entry, string action, Attachment attachment) =>
        audit.Record(action, nameof(Entry), entry.Code, after: JsonSerializer.Serialize(new { attachment.Token, attachment.FileName, attachment.Kind, attachment.Length, attachment.Sha256 }, Json));
}
