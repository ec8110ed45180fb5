using Awards.Core.Results;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Data.Generate;

/// <summary>
/// Puts one essay theme of a generated contest on public notice the way an organizer would: its
/// first round closed, ties at prize boundaries ordered (by entry, as an organizer might), then
/// published through <see cref="TrackResults.PublishAsync"/>. The other tracks stay in judging.
/// </summary>
internal static class GeneratedNotice
{
    public const string Track = "journey";

    /// <summary>Returns the number of prizes on notice. Needs a fresh scope: the contest is read after the round closes.</summary>
    public static async Task<int> PublishAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<AwardsDbContext>();
        var site = services.GetRequiredService<SiteContext>();
        var round = await db.Rounds.Where(r => db.Tracks.Any(t => t.Id == r.TrackId && t.Code == Track)).OrderBy(r => r.Sequence).FirstAsync(cancellationToken);
        round.Close(site.UtcNow);
        await db.SaveChangesAsync(cancellationToken);

        var results = services.GetRequiredService<TrackResults>();
        var track = await results.TrackAsync(Track, cancellationToken) ?? throw new InvalidOperationException($"The contest has no track '{Track}'.");
        var result = await results.ResultAsync(track, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        while (await results.RankAsync(track, result, cancellationToken) is { } ranking && BoundaryTies.Undecided(ranking) is { Count: > 0 } ties)
        {
            foreach (var tie in ties)
            {
                var ids = tie.Select(e => e.EntryId).ToList();
                result.OrderTie(ids, [.. ids.Order()]);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        await results.PublishAsync(track, services.GetRequiredService<IOptions<AwardsOptions>>().Value.Results.NoticeDays, cancellationToken);
        return await db.Placements.CountAsync(p => p.TrackResultId == result.Id && p.LevelRank != null, cancellationToken);
    }
}
