using Awards.Core.Anonymization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Entries;

/// <summary>
/// Builds what judges read (SECURITY.md §1): the entry's title and text with the identity of the
/// people behind it redacted. For an essay that is the author (name, e-mail, phone) and their
/// unit; for a nomination the nominating unit and its coordinator always, and the nominee too when
/// the track is blind.
/// </summary>
public sealed class JudgeRenditions(AwardsDbContext db)
{
    /// <summary>The shortest nominee's position taken as a term of its own: shorter ones are titles many people share.</summary>
    private const int MinPositionTerm = 6;

    public async Task ApplyAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        var terms = await TermsAsync(entry, cancellationToken);
        var title = Redactor.Redact(entry.Title, terms);
        var body = Redactor.Redact(entry.Body, terms);
        entry.SetJudgeRendition(title.Text, body.Text, title.Count + body.Count);
    }

    /// <summary>Builds the missing renditions of submitted entries (entries from before renditions existed); returns how many.</summary>
    public async Task<int> BackfillAsync(CancellationToken cancellationToken = default)
    {
        var count = await RefreshAsync(Missing(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// Submitted entries without a rendition. Every start asks, and almost always finds none: the
    /// partial index IX_Entries_MissingRendition answers it without reading the entries' texts.
    /// </summary>
    internal IQueryable<Entry> Missing() =>
        db.Entries.Include(e => e.Track).Where(e => e.JudgeBody == null && e.Status != EntryStatus.Draft);

    /// <summary>
    /// Rebuilds the renditions of the submitted entries that name a unit: its authors' and
    /// coordinators' entries and the nominations of it, after it was renamed. Returns how many.
    /// </summary>
    public Task<int> RefreshUnitAsync(int unitId, CancellationToken cancellationToken = default) =>
        RefreshAsync(db.Entries.Include(e => e.Track).Where(e => (e.UnitId == unitId || e.NomineeUnitId == unitId) && e.Status != EntryStatus.Draft), cancellationToken);

    /// <summary>Rebuilds the renditions of a track's submitted entries after it became blind or open.</summary>
    public Task<int> RefreshTrackAsync(int trackId, CancellationToken cancellationToken = default) =>
        RefreshAsync(db.Entries.Include(e => e.Track).Where(e => e.TrackId == trackId && e.Status != EntryStatus.Draft), cancellationToken);

    /// <summary>Rebuilds the renditions of an author's entries after their profile changed.</summary>
    public Task RefreshOwnerAsync(int ownerUserId, CancellationToken cancellationToken = default) =>
        RefreshAsync(db.Entries.Include(e => e.Track).Where(e => e.OwnerUserId == ownerUserId), cancellationToken);

    /// <summary>Makes the renditions of the entries again (tracked, saved by the caller); returns how many.</summary>
    private async Task<int> RefreshAsync(IQueryable<Entry> entries, CancellationToken cancellationToken)
    {
        var list = await entries.ToListAsync(cancellationToken);
        foreach (var entry in list)
        {
            await ApplyAsync(entry, cancellationToken);
        }

        return list.Count;
    }

    public async Task<IdentityTerms> TermsAsync(Entry entry, CancellationToken cancellationToken = default)
    {
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.Id == entry.OwnerUserId)
            .Select(u => new { u.DisplayName, u.Email, u.PhoneNumber, u.FormerNames, u.FormerPhones, u.FormerUnitIds })
            .FirstAsync(cancellationToken);

        // The names and numbers the author had before too: a changed profile never shows judges the old ones.
        List<string> names = [owner.DisplayName, .. owner.FormerNames];
        List<string> emails = [owner.Email ?? string.Empty];
        List<string> phones = [owner.PhoneNumber ?? string.Empty, .. owner.FormerPhones];
        // An author's units before the organizer corrected it: the text may still name them.
        List<int> unitIds = [entry.UnitId, .. owner.FormerUnitIds];
        List<string> workplaces = [];
        List<UnitNames>? registered = null;
        var blind = entry.Track.IsBlind;
        if (entry.Track.Kind == TrackKind.Nomination && blind)
        {
            if (entry.Nominee is { } nominee)
            {
                names.Add(nominee.Name);
                phones.Add(nominee.Contact);

                // The nominee's "unit and position" (市第一人民医院主任医师), which deeds repeat word
                // for word: the whole text when it is long enough to point at one person (a bare
                // 教师 is not), and every registered unit named in it.
                var position = nominee.Position.Trim();
                if (position.Length >= MinPositionTerm)
                {
                    workplaces.Add(position);
                }

                registered = await db.Units.AsNoTracking().Select(u => new UnitNames(u.Id, u.Name, u.FormerNames)).ToListAsync(cancellationToken);
                unitIds.AddRange(registered
                    .Where(u => u.FormerNames.Prepend(u.Name).Any(n => (n.Zh.Length > 0 && position.Contains(n.Zh, StringComparison.Ordinal)) || (n.En.Length > 0 && position.Contains(n.En, StringComparison.OrdinalIgnoreCase))))
                    .Select(u => u.Id));
            }

            if (entry.NomineeUnitId is int nomineeUnit)
            {
                unitIds.Add(nomineeUnit);
            }
        }

        // A renamed unit's former names too: texts written before the rename still carry them. A
        // blind nomination has read every unit already, for its nominee's position.
        var named = registered?.Where(u => unitIds.Contains(u.Id)).ToList()
            ?? await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new UnitNames(u.Id, u.Name, u.FormerNames)).ToListAsync(cancellationToken);
        var units = named.SelectMany(u => u.FormerNames.Prepend(u.Name)).ToList();
        return new IdentityTerms(
            names.Where(n => n.Length > 0).ToList(),
            emails.Where(e => e.Length > 0).ToList(),
            phones.Where(p => p.Length > 0).ToList(),
            units.SelectMany(n => new[] { n.Zh, n.En }).Concat(workplaces).Where(n => n.Length > 0).Distinct().ToList());
    }
}

/// <summary>A unit's name and its former names, as the identity terms need them.</summary>
internal sealed record UnitNames(int Id, BilingualText Name, IReadOnlyList<BilingualText> FormerNames);
