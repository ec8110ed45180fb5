using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Results;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.Verify;

public sealed record VerifiedCertificate(string Code, string Winner, string Unit, string Award, string Level, string Contest, DateTime FinalizedAt);

/// <summary>The page a certificate's QR code opens: it confirms the certificate once the results are final.</summary>
public sealed class VerifyController(AwardsDbContext db, SiteContext site, TrackResults results) : Controller
{
    [HttpGet("verify/{code}")]
    public async Task<IActionResult> Index(string code, CancellationToken cancellationToken)
    {
        code = code.Trim().ToUpperInvariant();
        var found = VerifyCode.IsWellFormed(code)
            ? await (
                from p in db.Placements.AsNoTracking()
                join r in db.TrackResults.AsNoTracking() on p.TrackResultId equals r.Id
                where p.VerifyCode == code && r.Stage == ResultStage.Final && p.LevelRank != null
                select new { Placement = p, Result = r }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var contest = await site.CurrentContestAsync(cancellationToken);
        var track = found is null ? null : contest?.Tracks.FirstOrDefault(t => t.Id == found.Result.TrackId);
        if (found is null || track is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("~/Features/Verify/Views/Index.cshtml", (VerifiedCertificate?)null);
        }

        string winner, unit;
        if (found.Placement.EntryId is int entryId)
        {
            var facts = (await results.FactsAsync([entryId], cancellationToken))[entryId];
            (winner, unit) = (facts.Author, track.Kind == TrackKind.UnitAward ? string.Empty : facts.Unit);
        }
        else
        {
            winner = (await db.Units.AsNoTracking().FirstAsync(u => u.Id == found.Placement.UnitId, cancellationToken)).Name.ForCurrentCulture();
            unit = string.Empty;
        }

        var level = track.AwardLevels.FirstOrDefault(l => l.Rank == found.Placement.LevelRank)?.Name.ForCurrentCulture() ?? "?";
        return View("~/Features/Verify/Views/Index.cshtml", new VerifiedCertificate(code, winner, unit, track.Name.ForCurrentCulture(), level, contest!.Name.ForCurrentCulture(), found.Result.FinalizedAt!.Value));
    }
}
