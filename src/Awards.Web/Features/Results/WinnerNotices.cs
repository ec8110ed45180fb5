using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Awards.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Awards.Web.Features.Results;

/// <summary>
/// "Tell the winners by mail", once a track's results are final: the author of each winning essay,
/// whoever entered each winning nomination, and the coordinators of each unit that won the
/// Outstanding Organization Award get the prize and the certificate's code with the public page
/// that confirms it. Once per track: the audit log keeps when, and the page says so.
/// </summary>
public sealed class WinnerNotices(AwardsDbContext db, SiteContext site, MailOutbox outbox, AuditLog audit, IOptions<AwardsOptions> options, IStringLocalizer<SharedResource> l)
{
    public const string Action = "NotifyWinners";

    /// <summary>When the winners of the track were told, if they were.</summary>
    public Task<DateTime?> SentAsync(string trackCode, CancellationToken cancellationToken) =>
        audit.LastAsync(Action, trackCode, cancellationToken);

    /// <summary>Puts the winners' mails in the outbox with the audit row; returns how many there are.</summary>
    public async Task<int> SendAsync(Track track, CancellationToken cancellationToken)
    {
        var result = await db.TrackResults.AsNoTracking().FirstOrDefaultAsync(r => r.TrackId == track.Id, cancellationToken);
        if (result is not { Stage: ResultStage.Final })
        {
            throw new DomainException("The winners can be told once the results are final.");
        }

        if (await SentAsync(track.Code, cancellationToken) is DateTime at)
        {
            throw new DomainException("The winners of {0} were told on {1}.", track.Name, SiteTime.Format(at));
        }

        var placements = await db.Placements.AsNoTracking().Where(p => p.TrackResultId == result.Id && p.LevelRank != null && p.RevokedAt == null).OrderBy(p => p.Position).ToListAsync(cancellationToken);
        var entryIds = placements.Where(p => p.EntryId != null).Select(p => p.EntryId!.Value).ToList();
        var unitIds = placements.Where(p => p.UnitId != null).Select(p => p.UnitId!.Value).ToList();
        var entries = await (
            from e in db.Entries.AsNoTracking()
            where entryIds.Contains(e.Id)
            join u in db.Users on e.OwnerUserId equals u.Id
            select new { e.Id, e.Code, e.Title, u.Email, u.DisplayName, u.Language }).ToDictionaryAsync(e => e.Id, cancellationToken);
        var coordinators = await UnitCoordinators.ByUnitAsync(db, unitIds, cancellationToken);
        var unitNames = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        var contest = (await site.CurrentContestAsync(cancellationToken))?.Name;
        var url = options.Value.PublicUrl.TrimEnd('/');
        var mails = new List<OutgoingMail>();
        foreach (var p in placements)
        {
            // Each mail in its reader's language, whoever clicked.
            OutgoingMail Write(string email, string name, string? language, Func<string, LocalizedString> won) => Cultures.In(language, () =>
            {
                var level = track.AwardLevels.FirstOrDefault(a => a.Rank == p.LevelRank)?.Name.ForCurrentCulture() ?? string.Empty;
                var check = l["The certificate's code is {0}; anyone can check it at {1}.", p.VerifyCode, $"{url}/verify/{p.VerifyCode}"].Value;
                return new OutgoingMail(email, l["Congratulations: {0}, {1}", track.Name.ForCurrentCulture(), level], Body(name, won(level), check, url));
            });

            if (p.EntryId is int entryId && entries.TryGetValue(entryId, out var e))
            {
                mails.Add(Write(e.Email!, e.DisplayName, e.Language, level => track.Kind == TrackKind.Essay
                    ? l["Your essay “{0}” won the {1} of {2} in {3}.", e.Title, level, track.Name.ForCurrentCulture(), contest?.ForCurrentCulture() ?? string.Empty]
                    : l["The nomination “{0}” ({1}) won the {2} of {3} in {4}.", e.Title, e.Code, level, track.Name.ForCurrentCulture(), contest?.ForCurrentCulture() ?? string.Empty]));
            }
            else if (p.UnitId is int unitId)
            {
                mails.AddRange(coordinators[unitId].Select(c => Write(c.Email, c.Name, c.Language, level =>
                    l["{0} won the {1} of {2} in {3}.", unitNames.GetValueOrDefault(unitId)?.ForCurrentCulture() ?? string.Empty, level, track.Name.ForCurrentCulture(), contest?.ForCurrentCulture() ?? string.Empty])));
            }
        }

        // Saved together: the winners are told once, and every mail of it is delivered (or shown as failed) in the outbox.
        audit.Record(Action, nameof(TrackResult), track.Code, after: mails.Count.ToString(CultureInfo.InvariantCulture));
        outbox.Add(mails, $"the prize notice of {track.Code}");
        await db.SaveChangesAsync(cancellationToken);
        return mails.Count;
    }

    private string Body(string name, string won, string check, string url) => string.Join(
        "\n\n",
        l["Hello {0},", name],
        won,
        check,
        l["The final results are at {0}.", $"{url}/results"],
        l["With thanks for taking part in Poverty Alleviation Day."]);
}
