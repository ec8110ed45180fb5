using Awards.Core.Entries;
using Awards.Core.Uploads;
using Awards.Web.Data;
using Awards.Web.Features.Nominations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Entries;

/// <summary>Reads for the entry pages: a nomination with its names, any entry's history, and downloads.</summary>
public sealed class EntryQueries(AwardsDbContext db)
{
    public async Task<NominationView> ViewAsync(Entry entry, bool canChange, string attachmentBase, CancellationToken cancellationToken)
    {
        // A list, not an array: C# 14 binds array.Contains to a span overload that EF Core 6 cannot translate.
        List<int> unitIds = [entry.UnitId, entry.NomineeUnitId ?? entry.UnitId];
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
        var history = await HistoryAsync(entry, cancellationToken);
        return new NominationView(
            entry,
            units[entry.UnitId].Name.ForCurrentCulture(),
            entry.NomineeUnitId is int id ? units[id].Name.ForCurrentCulture() : null,
            history,
            canChange,
            attachmentBase);
    }

    /// <summary>The entry's status history with who made each change.</summary>
    public async Task<IReadOnlyList<HistoryRow>> HistoryAsync(Entry entry, CancellationToken cancellationToken) =>
        await db.EntryStatusChanges.AsNoTracking()
            .Where(c => c.EntryId == entry.Id)
            .OrderBy(c => c.Id)
            .Select(c => new HistoryRow(c.At, c.From, c.To, c.Reason, db.Users.Where(u => u.Id == c.UserId).Select(u => u.DisplayName).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    public async Task<string?> UnitCodeAsync(int? unitId, CancellationToken cancellationToken) =>
        unitId is null ? null : await db.Units.Where(u => u.Id == unitId).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// The file as a download (never shown inline, so a PDF or image cannot run in the site's
    /// origin), under the cleaned name; null when the entry has no such attachment.
    /// </summary>
    public async Task<FileContentResult?> DownloadAsync(Entry entry, string token, CancellationToken cancellationToken)
    {
        if (entry.Attachments.FirstOrDefault(a => a.Token == token) is not { } attachment)
        {
            return null;
        }

        var data = await db.AttachmentContents.AsNoTracking()
            .Where(c => c.AttachmentId == attachment.Id)
            .Select(c => c.Data)
            .FirstAsync(cancellationToken);
        return new FileContentResult(data, attachment.Kind.MimeType()) { FileDownloadName = attachment.FileName };
    }
}
