using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Features.Judging;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.Users;

/// <summary>What a unit correction changed besides the account, for the organizer's message.</summary>
public sealed record UnitCorrection(string OldUnit, string NewUnit, int EssaysMoved, int EssaysKept, int AssignmentsHandedOn, int ScoresDropped);

/// <summary>
/// The organizer corrects the unit of an author, a unit coordinator or a judge, with a reason, and
/// what hangs on that unit follows:
/// <list type="bullet">
/// <item>an author's essays count for the new unit in the Outstanding Organization statistics
/// (<see cref="Entry.UnitId"/>, the unit an essay counts for), except those of a theme whose results
/// are final: those results, their certificates and <c>/verify</c> are the record and stay as
/// published. Judges' renditions keep hiding the old unit's name too;</item>
/// <item>a judge moved into a unit no longer holds the entries of that unit, or of a unit paired
/// with it in designated help, in an open round (<see cref="JudgingSetup.StepAsideAsync"/>): as for
/// a declared conflict, the round is planned again (the entries go to other judges, who are mailed).
/// A score already given to such an entry goes with it (a judge of the entry's unit must not score
/// it) and the organizer is told how many; closed rounds are frozen and keep theirs;</item>
/// <item>a coordinator sees the new unit's nominations at once (the unit is read per request).</item>
/// </list>
/// </summary>
public sealed class UnitCorrections(AwardsDbContext db, JudgingSetup judging, JudgeRenditions renditions, AuditLog audit, IStringLocalizer<SharedResource> l)
{
    public const int MaxReasonLength = 500;

    /// <summary>The roles whose unit means something: an organizer has none.</summary>
    public static readonly IReadOnlyList<string> Corrected = [Roles.Author, Roles.UnitCoordinator, Roles.Judge];

    /// <summary>Changes the account's unit, or throws a <see cref="DomainException"/> and changes nothing.</summary>
    public async Task<UnitCorrection> ChangeAsync(AppUser user, string role, int? unitId, string? reason, CancellationToken cancellationToken)
    {
        if (!Corrected.Contains(role))
        {
            throw new DomainException("Only the unit of an author, a unit coordinator or a judge can be changed.");
        }

        var why = ChangeReasons.Required(reason, MaxReasonLength);

        // Authors choose among the counties and units below the city (as their profile offers);
        // coordinators and judges may belong to the city itself, as an invitation allows.
        var unit = unitId is null ? null : await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken);
        if (unit is null || (role == Roles.Author && unit.Kind == UnitKind.City))
        {
            throw new DomainException("Choose a unit from the list.");
        }

        if (unit.Id == user.UnitId)
        {
            throw new DomainException("{0} already belongs to that unit; nothing was changed.", user.Email!);
        }

        var oldUnitName = user.UnitId is int old ? await db.Units.Where(u => u.Id == old).Select(u => u.Name).FirstAsync(cancellationToken) : null;
        var key = user.Id.ToString(CultureInfo.InvariantCulture);
        // The unit and the judge stepping aside from its entries are one change (JudgingSetup.StepAsideAsync).
        var (moved, kept, handedOn, dropped) = await ImmediateTransaction.RunAsync(db, async ct =>
        {
            // Loaded in the work, as ImmediateTransaction asks: a retry starts from a cleared change
            // tracker, where the caller's copy would no longer be saved. The first attempt finds the
            // caller's tracked copy.
            var account = await db.Users.FirstAsync(u => u.Id == user.Id, ct);
            var before = account.UnitId;
            account.UnitId = unit.Id;
            var result = (Moved: 0, Kept: 0);
            if (role == Roles.Author)
            {
                if (before is int former && !account.FormerUnitIds.Contains(former))
                {
                    account.FormerUnitIds = [.. account.FormerUnitIds, former];
                }

                result = await MoveEssaysAsync(user.Id, unit.Id, ct);
            }

            audit.Record("Unit corrected", "User", key, UnitValue(before), $"{unit.Id}; {why}");
            if (role != Roles.Judge)
            {
                return (result.Moved, result.Kept, 0, 0);
            }

            var (handedOn, dropped) = await judging.StepAsideAsync([user.Id], "Judge moved off own unit's entries", $"unit={unit.Id}", ct);
            return (result.Moved, result.Kept, handedOn, dropped);
        }, cancellationToken);

        if (role == Roles.Author)
        {
            await renditions.RefreshOwnerAsync(user.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new UnitCorrection(oldUnitName?.ForCurrentCulture() ?? l["None"], unit.Name.ForCurrentCulture(), moved, kept, handedOn, dropped);
    }

    /// <summary>Moves the author's essays to the unit, but for those whose theme's results are final.</summary>
    private async Task<(int Moved, int Kept)> MoveEssaysAsync(int authorId, int unitId, CancellationToken cancellationToken)
    {
        var final = db.TrackResults.Where(r => r.Stage == ResultStage.Final).Select(r => r.TrackId);
        var essays = await db.Entries
            .Where(e => e.OwnerUserId == authorId && db.Tracks.Any(t => t.Id == e.TrackId && t.Kind == TrackKind.Essay))
            .Select(e => new { Entry = e, Final = final.Contains(e.TrackId) })
            .ToListAsync(cancellationToken);
        foreach (var essay in essays.Where(e => !e.Final && e.Entry.UnitId != unitId))
        {
            essay.Entry.CorrectUnit(unitId);
        }

        return (essays.Count(e => !e.Final), essays.Count(e => e.Final));
    }

    private static string UnitValue(int? unitId) => unitId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
