using Awards.Core.Common;
using Awards.Core.Identity;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Web.Data;
using Awards.Web.Features.Entries;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.TrackSettings;

/// <summary>
/// The organizer's settings of one track of the running edition: its name and description, its
/// entry limits, its rubric, and its prize levels' names and bonuses. Quotas are set on the results page, phase dates on the contest's
/// settings, round closing times on each round's page. Every page reads the track through the
/// contest cache, which a save here moves on (ContestChanges).
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/contest/tracks/{code}")]
public sealed class TrackSettingsController(AwardsDbContext db, SiteContext site, AuditLog audit, JudgeRenditions renditions, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string code, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest || contest.Tracks.FirstOrDefault(t => t.Code == code) is not { } track)
        {
            return NotFound();
        }

        return View(await PageAsync(track, TrackSettingsForm.From(track), cancellationToken));
    }

    [HttpPost("")]
    public async Task<IActionResult> Save(string code, TrackSettingsForm form, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest || contest.Tracks.FirstOrDefault(t => t.Code == code) is not { } shown)
        {
            return NotFound();
        }

        // A criterion, level or round being removed needs no valid fields.
        IgnoreRemoved(nameof(form.Criteria), form.Criteria.Select(c => c.Remove));
        IgnoreRemoved(nameof(form.Levels), form.Levels.Select(l => l.Remove));
        IgnoreRemoved(nameof(form.Rounds), form.Rounds.Select(r => r.Remove));

        var settings = form.Parse((field, key, arguments) => ModelState.AddModelError(field, arguments is [] ? l[key] : l[key, [l[arguments[0]].Value, .. arguments[1..]]]));
        if (!ModelState.IsValid || settings is null)
        {
            // The page is long: the top says so, the messages stand under their fields.
            ModelState.AddModelError(string.Empty, l["Nothing was saved: correct the fields marked below."]);
            return View("Index", await PageAsync(shown, form, cancellationToken));
        }

        // The check against the page's stamp and the write in one transaction: two organizers
        // saving at the same moment cannot both pass the check, and no score is written between
        // the check for scores and a change of the rubric. (A judge's save that read the old
        // rubric before this commit checks the rubric again under the write lock, and is refused.)
        TrackSettingsForm? saved = null;
        var overLimit = 0;
        SavedNow.Outcome outcome;
        try
        {
            outcome = await ImmediateTransaction.RunAsync(db, async ct =>
            {
                var track = await db.Tracks.Include(t => t.Criteria).Include(t => t.AwardLevels).Include(t => t.Rounds).SingleOrDefaultAsync(t => t.Id == shown.Id, ct);
                if (track is null)
                {
                    return SavedNow.Outcome.Missing;
                }

                var before = TrackSettingsForm.Read(track);
                var described = TrackSettingsForm.Describe(before);
                if (described == TrackSettingsForm.Describe(settings))
                {
                    // Nothing to change: a second click on the same form, or a save without edits.
                    return SavedNow.Outcome.Unchanged;
                }

                if (form.Stamp != TrackSettingsForm.StampOf(described))
                {
                    // Someone saved since this page was opened: their change is not overwritten unseen.
                    saved = TrackSettingsForm.From(track);
                    return SavedNow.Outcome.Stale;
                }

                var (assigned, staffed) = await RoundsInUseAsync(track.Id, ct);
                track.Rename(settings.Name, settings.Description);
                track.SetLimits(settings.Limits);
                track.SetBlind(settings.Blind, assigned.Count > 0);
                track.ShowsPanelScores = settings.PanelScores;
                track.ReviseRubric(settings.Criteria, await ScoredAsync(track.Id, ct));
                var result = await db.TrackResults.FirstOrDefaultAsync(r => r.TrackId == track.Id, ct);
                var overrides = result is null ? [] : await db.ResultOverrides.Where(o => o.TrackResultId == result.Id && o.LevelRank != null).ToListAsync(ct);
                var published = await PublishedAsync(track.Id, ct);
                var ranks = track.ReviseLevels(settings.Levels, published, overrides.Select(o => o.LevelRank!.Value).ToHashSet(), await FinalAsync(track.Id, ct));
                foreach (var o in overrides.Where(o => ranks[o.LevelRank!.Value] != o.LevelRank))
                {
                    // A level above the one an override names was removed: it names the same level at its new rank.
                    o.Renumber(ranks[o.LevelRank!.Value]);
                }

                // A removed round goes with nothing of anyone's (staffed); results that ranked it
                // rank the last round with scores again (the foreign key sets their RoundId to null).
                track.ReviseRounds(settings.Rounds, assigned, staffed, site.UtcNow, published);

                if (before.Blind != settings.Blind)
                {
                    // What judges read of each submitted entry names the nominee, or not, as the award now asks.
                    await renditions.RefreshTrackAsync(track.Id, ct);
                }

                overLimit = await RenumberSlotsAsync(track.Id, before.Limits, settings.Limits, ct);
                audit.Record("EditTrack", "Track", track.Code, TrackSettingsForm.AuditSummary(before), TrackSettingsForm.AuditSummary(settings));
                return SavedNow.Outcome.Saved;
            }, cancellationToken);
        }
        catch (DomainException ex)
        {
            // The transaction rolled back; the tracked track is this request's alone and is not saved.
            ModelState.AddModelError(string.Empty, l.Rule(ex));
            return View("Index", await PageAsync(shown, form, cancellationToken));
        }

        var page = $"/organizer/contest/tracks/{code}";
        switch (outcome)
        {
            case SavedNow.Outcome.Missing:
                return NotFound();
            case SavedNow.Outcome.Stale:
                SavedNow.KeepForResave(this, form, saved!, l["The settings of this award were changed by someone else since you opened this page, so nothing was saved. Under the fields is what is saved now; save again to replace it with what you typed."]);
                return View("Index", await PageAsync(shown, form, cancellationToken));
            case SavedNow.Outcome.Unchanged:
                TempData["Message"] = l["Nothing was changed."].Value;
                return Redirect(page);
            default:
                TempData["Message"] = overLimit == 0
                    ? l["The settings of {0} are saved.", settings.Name.ForCurrentCulture()].Value
                    : l["The settings of {0} are saved. {1} units or accounts already have more entries than the new limit allows: their entries stay, and they cannot submit more.", settings.Name.ForCurrentCulture(), overLimit].Value;
                return Redirect(page);
        }
    }

    [HttpGet("/organizer/contest/new-track")]
    public async Task<IActionResult> New(CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return NotFound();
        }

        var templates = Templates(contest);
        ViewData["Templates"] = templates;
        return View(new NewTrackForm { From = templates.FirstOrDefault(t => t.Kind == TrackKind.Essay)?.Code ?? string.Empty });
    }

    /// <summary>
    /// Adds an award or essay theme, set up like an existing one, while submissions are still open
    /// (a new track after they close could receive no entries). It goes after the last track of
    /// its kind, and its settings page opens to finish it.
    /// </summary>
    [HttpPost("/organizer/contest/new-track")]
    public async Task<IActionResult> Create(NewTrackForm form, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest)
        {
            return NotFound();
        }

        var templates = Templates(contest);
        ViewData["Templates"] = templates;
        var template = templates.FirstOrDefault(t => t.Code == form.From);
        if (template is null)
        {
            ModelState.AddModelError(nameof(form.From), l["Please choose the award or theme to set it up like."]);
        }

        if (site.UtcNow >= contest.Schedule.SubmissionClosesAt)
        {
            ModelState.AddModelError(string.Empty, l["Submissions have closed, so a new award or theme could receive no entries. Extend the submission deadline in the contest settings first."]);
        }

        if (!ModelState.IsValid || template is null)
        {
            return View("New", form);
        }

        var name = form.Name();
        bool added;
        try
        {
            added = await ImmediateTransaction.RunAsync(db, async ct =>
            {
                var edition = await db.Contests.Include(c => c.Tracks).SingleAsync(c => c.Id == contest.Id, ct);
                if (edition.Tracks.FirstOrDefault(t => t.Code == form.Code) is { } existing && existing.Name == name)
                {
                    // The same form twice (a second click): it is there already.
                    return false;
                }

                var source = await db.Tracks.Include(t => t.Criteria).Include(t => t.AwardLevels).Include(t => t.Rounds).SingleAsync(t => t.Id == template.Id, ct);
                var copy = source.CopyAs(form.Code, name);
                var after = edition.Tracks.Where(t => t.Kind == source.Kind).Max(t => t.SortOrder);
                foreach (var later in edition.Tracks.Where(t => t.SortOrder > after))
                {
                    later.SortOrder++;
                }

                copy.SortOrder = after + 1;
                edition.AddTrack(copy);
                audit.Record("AddTrack", "Track", copy.Code, null, $"{name.Zh} / {name.En}; set up like {source.Code}");
                return true;
            }, cancellationToken);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(nameof(form.Code), l.Rule(ex));
            return View("New", form);
        }

        TempData["Message"] = added
            ? l["{0} is added, set up like {1}. Check its description, limits and rubric below; its prize quotas are on its results page.", name.ForCurrentCulture(), template.Name.ForCurrentCulture()].Value
            : l["Nothing was changed."].Value;
        return Redirect($"/organizer/contest/tracks/{form.Code}");
    }

    /// <summary>Removes an award or theme that has no entries at all, drafts included: nobody's work goes with it.</summary>
    [HttpPost("remove")]
    public async Task<IActionResult> Remove(string code, CancellationToken cancellationToken)
    {
        if (await site.CurrentContestAsync(cancellationToken) is not { } contest || contest.Tracks.FirstOrDefault(t => t.Code == code) is not { } shown)
        {
            return NotFound();
        }

        string? refused = null;
        await ImmediateTransaction.RunAsync(db, async ct =>
        {
            var track = await db.Tracks.Include(t => t.Criteria).Include(t => t.AwardLevels).Include(t => t.Rounds).SingleOrDefaultAsync(t => t.Id == shown.Id, ct);
            if (track is null)
            {
                return false;
            }

            // Nobody's work and nothing published goes with it: no entry at all (drafts included),
            // and no results on notice or final (the Outstanding Organization Award has no entries).
            var count = await EntriesAsync(track.Id, ct);
            if (count > 0)
            {
                refused = l["{0} has {1} entries, drafts included, so it cannot be removed.", shown.Name.ForCurrentCulture(), count].Value;
                return false;
            }

            if (await PublishedAsync(track.Id, ct))
            {
                refused = l["The results of {0} are published, so it cannot be removed.", shown.Name.ForCurrentCulture()].Value;
                return false;
            }

            db.Tracks.Remove(track);
            audit.Record("RemoveTrack", "Track", track.Code, $"{track.Name.Zh} / {track.Name.En}", null);
            return true;
        }, cancellationToken);

        if (refused is not null)
        {
            TempData["Message"] = refused;
            return Redirect($"/organizer/contest/tracks/{code}");
        }

        TempData["Message"] = l["{0} is removed.", shown.Name.ForCurrentCulture()].Value;
        return Redirect("/organizer/contest");
    }

    /// <summary>The tracks a new one can copy: every award and theme that takes entries.</summary>
    private static List<Track> Templates(Core.Contests.ContestEdition contest) =>
        [.. contest.Tracks.Where(t => t.Kind != TrackKind.UnitAward).OrderBy(t => t.SortOrder)];

    /// <summary>The form, with the track as saved and whether scores lock its rubric's scale beside it for the view.</summary>
    private async Task<TrackSettingsForm> PageAsync(Track track, TrackSettingsForm form, CancellationToken cancellationToken)
    {
        ViewData["Track"] = track;
        ViewData["Scored"] = await ScoredAsync(track.Id, cancellationToken);
        ViewData["Entries"] = await EntriesAsync(track.Id, cancellationToken);
        ViewData["Published"] = await PublishedAsync(track.Id, cancellationToken);
        ViewData["Final"] = await FinalAsync(track.Id, cancellationToken);
        var (assigned, staffed) = await RoundsInUseAsync(track.Id, cancellationToken);
        ViewData["Assigned"] = assigned;
        ViewData["Staffed"] = staffed;
        return form;
    }

    /// <summary>How many entries the track has, drafts included: with any, it cannot be removed.</summary>
    private Task<int> EntriesAsync(int trackId, CancellationToken cancellationToken) =>
        db.Entries.CountAsync(e => e.TrackId == trackId, cancellationToken);

    /// <summary>Drops the binding errors of the rows (of <paramref name="list"/>) ticked for removal.</summary>
    private void IgnoreRemoved(string list, IEnumerable<bool> removed)
    {
        foreach (var (remove, i) in removed.Select((r, i) => (r, i)))
        {
            if (remove)
            {
                foreach (var key in ModelState.Keys.Where(k => k.StartsWith($"{list}[{i}].", StringComparison.Ordinal)).ToList())
                {
                    ModelState.Remove(key);
                }
            }
        }
    }

    /// <summary>
    /// The numbers of the track's rounds that have judges assigned (their judges per entry stay),
    /// and of those that have judges on their panel or assigned (they cannot be removed).
    /// </summary>
    private async Task<(IReadOnlySet<int> Assigned, IReadOnlySet<int> Staffed)> RoundsInUseAsync(int trackId, CancellationToken cancellationToken)
    {
        var rounds = await db.Rounds.Where(r => r.TrackId == trackId)
            .Select(r => new { r.Sequence, Assigned = db.Assignments.Any(a => a.RoundId == r.Id), Paneled = db.PanelMembers.Any(p => p.RoundId == r.Id) })
            .ToListAsync(cancellationToken);
        return (rounds.Where(r => r.Assigned).Select(r => r.Sequence).ToHashSet(), rounds.Where(r => r.Assigned || r.Paneled).Select(r => r.Sequence).ToHashSet());
    }

    /// <summary>Whether the track's results are on notice or final: its prize levels' names are in published documents.</summary>
    private Task<bool> PublishedAsync(int trackId, CancellationToken cancellationToken) =>
        db.TrackResults.AnyAsync(r => r.TrackId == trackId && r.Stage != ResultStage.Draft, cancellationToken);

    /// <summary>Whether the track's results are final: the bonus payment sheet is drawn from them, so its bonuses stay (ADR 0020).</summary>
    private Task<bool> FinalAsync(int trackId, CancellationToken cancellationToken) =>
        db.TrackResults.AnyAsync(r => r.TrackId == trackId && r.Stage == ResultStage.Final, cancellationToken);

    /// <summary>Whether any judge has saved a score, draft or submitted, in any round of the track.</summary>
    private Task<bool> ScoredAsync(int trackId, CancellationToken cancellationToken) =>
        (from s in db.Scores
         join a in db.Assignments on s.AssignmentId equals a.Id
         join r in db.Rounds on a.RoundId equals r.Id
         where r.TrackId == trackId
         select s.AssignmentId).AnyAsync(cancellationToken);

    /// <summary>
    /// Numbers again the places that entries hold under a per-unit or per-account limit that has
    /// changed (<c>Entry.Submit</c> takes the lowest free place up to the limit). Every entry that
    /// was ever submitted and not withdrawn holds one, numbered in the order they were submitted,
    /// so that a unit with as many entries as the new limit is full, whatever the old limit was
    /// (none, or one that left gaps). Returns how many units or accounts hold more than their new
    /// limit: what they have stays, and they cannot submit more.
    /// </summary>
    private async Task<int> RenumberSlotsAsync(int trackId, TrackLimits before, TrackLimits after, CancellationToken cancellationToken) =>
        await RenumberAsync(trackId, before.PerUnit, after.PerUnit, "UnitSlot", "UnitId", cancellationToken)
        + await RenumberAsync(trackId, before.PerAuthor, after.PerAuthor, "OwnerSlot", "OwnerUserId", cancellationToken);

    /// <summary>One limit's places (<paramref name="slot"/>), counted per <paramref name="holder"/>: column names of this class's own, never input.</summary>
    private async Task<int> RenumberAsync(int trackId, int? before, int? after, string slot, string holder, CancellationToken cancellationToken)
    {
        if (before == after)
        {
            return 0;
        }

        await db.Database.ExecuteSqlRawAsync($"UPDATE \"Entries\" SET \"{slot}\" = NULL WHERE \"TrackId\" = {{0}} AND \"{slot}\" IS NOT NULL", [trackId], cancellationToken);
        if (after is not int limit)
        {
            return 0;
        }

        await db.Database.ExecuteSqlRawAsync(
            $$"""
            UPDATE "Entries" SET "{{slot}}" = ranked.n
            FROM (SELECT "Id", ROW_NUMBER() OVER (PARTITION BY "{{holder}}" ORDER BY "SubmittedAt", "Id") AS n
                  FROM "Entries" WHERE "TrackId" = {0} AND "Status" NOT IN ('Draft', 'Withdrawn')) AS ranked
            WHERE "Entries"."Id" = ranked."Id"
            """,
            [trackId],
            cancellationToken);

        // Inside the transaction that ImmediateTransaction opened on this context's connection.
        var transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT COUNT(DISTINCT \"{holder}\") FROM \"Entries\" WHERE \"TrackId\" = $track AND \"{slot}\" > $limit";
        command.Parameters.AddWithValue("$track", trackId);
        command.Parameters.AddWithValue("$limit", limit);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
