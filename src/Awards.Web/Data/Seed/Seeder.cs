using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Units;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Data.Seed;

public sealed record SeedResult(bool ContestCreated, int Units, int Tracks, int DemoUsers, int DemoEntries);

/// <summary>
/// Loads seed/ into an empty database: the units and the default contest always, the demo
/// accounts and sample entries in demo mode only. Running it again changes nothing.
/// </summary>
public sealed class Seeder(
    AwardsDbContext db,
    UserManager<AppUser> userManager,
    RoleManager<IdentityRole<int>> roleManager,
    IOptions<AwardsOptions> options,
    IClock clock,
    ILogger<Seeder> logger)
{
    private readonly AwardsOptions _options = options.Value;

    public Task<SeedResult> SeedAsync(CancellationToken cancellationToken = default) =>
        SeedAsync(_options.Mode == SiteMode.Demo, cancellationToken);

    /// <summary>The roles, the units and the contest only, whatever the mode: what <c>generate</c> builds on.</summary>
    public Task<SeedResult> SeedContestAsync(CancellationToken cancellationToken = default) =>
        SeedAsync(demo: false, cancellationToken);

    private async Task<SeedResult> SeedAsync(bool demo, CancellationToken cancellationToken)
    {
        await EnsureRolesAsync();
        var folder = AppPaths.Resolve(_options.SeedPath);
        var now = clock.UtcNow;

        var units = 0;
        if (!await db.Units.AnyAsync(cancellationToken))
        {
            var file = SeedJson.Read<UnitsFile>(folder, "units.json");
            units = SeedUnits(file);
            await db.SaveChangesAsync(cancellationToken);
            await SeedHelpAsync(file, cancellationToken);
        }

        ContestEdition? contest = null;
        if (!await db.Contests.AnyAsync(cancellationToken))
        {
            contest = new ContestLoader(folder, now).Load();
            db.Contests.Add(contest);
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Seeded the contest {Name} with {Tracks} tracks", contest.Name.Zh, contest.Tracks.Count);
        }

        // The certificates of the editions before, when next-edition wrote them (optional).
        var certificates = 0;
        if (File.Exists(Path.Combine(folder, "certificates.json")) && !await db.ArchivedCertificates.AnyAsync(cancellationToken))
        {
            var file = SeedJson.Read<CertificatesFile>(folder, "certificates.json");
            db.ArchivedCertificates.AddRange(file.Certificates.Select(c => new ArchivedCertificate
            {
                Code = c.Code,
                Winner = c.Winner,
                Unit = c.Unit,
                Award = c.Award,
                Level = c.Level,
                Contest = c.Contest,
                FinalizedAt = DateTime.SpecifyKind(c.FinalizedAt, DateTimeKind.Utc),
            }));
            await db.SaveChangesAsync(cancellationToken);
            certificates = file.Certificates.Count;
        }

        var (demoUsers, demoEntries) = (0, 0);
        // A folder that next-edition wrote has no demo files: a demo site on it starts without demo data.
        if (demo && !await db.Users.AnyAsync(cancellationToken) && File.Exists(Path.Combine(folder, "demo-users.json")))
        {
            demoUsers = await SeedDemoUsersAsync(SeedJson.Read<DemoUsersFile>(folder, "demo-users.json"));
            demoEntries = await SeedDemoEntriesAsync(folder, SeedJson.Read<DemoEntriesFile>(folder, "demo-entries.json"), now, cancellationToken);
        }

        if (contest is not null || units > 0 || demoUsers > 0)
        {
            db.AuditLog.Add(new AuditEntry
            {
                At = now,
                Action = "Seed",
                EntityType = "Database",
                EntityKey = "seed",
                After = $"units={units}; contest={contest?.Year}; demoUsers={demoUsers}; demoEntries={demoEntries}; archivedCertificates={certificates}",
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new SeedResult(contest is not null, units, contest?.Tracks.Count ?? 0, demoUsers, demoEntries);
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roleManager.CreateAsync(new IdentityRole<int>(role)), role);
            }
        }
    }

    private int SeedUnits(UnitsFile file)
    {
        var byCode = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var seed in file.Units)
        {
            var parent = seed.Parent is null ? null
                : byCode.GetValueOrDefault(seed.Parent) ?? throw new InvalidDataException($"units.json: the parent '{seed.Parent}' of '{seed.Code}' must be listed before it.");
            var unit = new Unit(seed.Code, seed.Name, Enum.Parse<UnitKind>(seed.Kind, ignoreCase: true), parent);
            byCode.Add(seed.Code, unit);
            db.Units.Add(unit);
        }

        return byCode.Count;
    }

    /// <summary>The pairs of designated help (结对帮扶), once every unit has its id.</summary>
    private async Task SeedHelpAsync(UnitsFile file, CancellationToken cancellationToken)
    {
        var byCode = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        foreach (var seed in file.Units.Where(u => u.Helps is { Count: > 0 }))
        {
            byCode[seed.Code].SetHelped(seed.Helps!.Select(code => byCode.GetValueOrDefault(code)?.Id
                ?? throw new InvalidDataException($"units.json: '{seed.Code}' helps '{code}', which is not listed.")));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> SeedDemoUsersAsync(DemoUsersFile file)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Code);
        foreach (var seed in file.Users)
        {
            var user = new AppUser
            {
                UserName = seed.Email,
                Email = seed.Email,
                EmailConfirmed = true,
                DisplayName = seed.Name,
                PhoneNumber = seed.Phone,
                UnitId = seed.Unit is null ? null : UnitByCode(units, seed.Unit, "demo-users.json").Id,
                CreatedAt = clock.UtcNow,
            };
            EnsureSucceeded(await userManager.CreateAsync(user, file.Password), seed.Email);
            EnsureSucceeded(await userManager.AddToRoleAsync(user, seed.Role), seed.Email);
        }

        logger.LogInformation("Seeded {Count} demo accounts (see README, Demo accounts)", file.Users.Count);
        return file.Users.Count;
    }

    private async Task<int> SeedDemoEntriesAsync(string folder, DemoEntriesFile file, DateTime now, CancellationToken cancellationToken)
    {
        var contest = await db.Contests.Include(c => c.Tracks).SingleAsync(c => c.IsCurrent, cancellationToken);
        var tracks = contest.Tracks.ToDictionary(t => t.Code);
        var units = await db.Units.ToDictionaryAsync(u => u.Code, cancellationToken);
        var users = await db.Users.ToDictionaryAsync(u => u.Email!, cancellationToken);
        // Sample entries were "submitted" inside the submission window, even when the seed dates put now outside it.
        var at = contest.Schedule.AcceptsSubmissions(now) ? now : contest.Schedule.SubmissionOpensAt;

        foreach (var seed in file.Essays)
        {
            var owner = users[seed.Owner];
            var (title, body) = SplitTitle(File.ReadAllText(Path.Combine(folder, seed.File)));
            var entry = new Entry(tracks[seed.Track], title, body, owner.UnitId ?? throw new InvalidDataException($"{seed.Owner} has no unit."), owner.Id, at);
            entry.DeclareOriginal(true, at);
            Finish(entry, seed.Status, contest.Schedule, at);
        }

        foreach (var seed in file.Nominations)
        {
            var track = tracks[seed.Track];
            var entry = new Entry(track, seed.Title, File.ReadAllText(Path.Combine(folder, seed.DeedsFile)).Trim(), UnitByCode(units, seed.Unit, "demo-entries.json").Id, users[seed.Owner].Id, at);
            var nominee = seed.Nominee is null ? null
                : new Nominee(seed.Nominee.Name, Enum.Parse<Gender>(seed.Nominee.Gender, ignoreCase: true), seed.Nominee.BirthYear, seed.Nominee.Position, seed.Nominee.Contact);
            var opinion = seed.OpinionFile is null ? null : File.ReadAllText(Path.Combine(folder, seed.OpinionFile)).Trim();
            entry.DescribeNominee(nominee, seed.NomineeUnit is null ? null : UnitByCode(units, seed.NomineeUnit, "demo-entries.json").Id, opinion);
            Finish(entry, seed.Status, contest.Schedule, at);
        }

        await db.SaveChangesAsync(cancellationToken);
        return file.Essays.Count + file.Nominations.Count;
    }

    private void Finish(Entry entry, string status, ContestSchedule schedule, DateTime at)
    {
        db.EntryStatusChanges.Add(new EntryStatusChange { Entry = entry, To = EntryStatus.Draft, At = at, UserId = entry.OwnerUserId });
        if (status.Equals(nameof(EntryStatus.Submitted), StringComparison.OrdinalIgnoreCase))
        {
            db.EntryStatusChanges.Add(new EntryStatusChange { Entry = entry, From = EntryStatus.Draft, To = EntryStatus.Submitted, At = at, UserId = entry.OwnerUserId });
            var others = db.Entries.Local.Where(e => e.Track == entry.Track).ToList();
            entry.Submit(schedule, at, new TakenSlots(
                [.. others.Where(e => e.UnitId == entry.UnitId && e.UnitSlot is not null).Select(e => e.UnitSlot!.Value)],
                [.. others.Where(e => e.OwnerUserId == entry.OwnerUserId && e.OwnerSlot is not null).Select(e => e.OwnerSlot!.Value)]));
        }

        db.Entries.Add(entry);
    }

    private static (string Title, string Body) SplitTitle(string markdown)
    {
        var text = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart();
        if (!text.StartsWith("# ", StringComparison.Ordinal))
        {
            throw new InvalidDataException("An essay file must start with its title as '# Title'.");
        }

        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? (text[2..].Trim(), string.Empty) : (text[2..end].Trim(), text[(end + 1)..].Trim());
    }

    private static Unit UnitByCode(Dictionary<string, Unit> units, string code, string file) =>
        units.GetValueOrDefault(code) ?? throw new InvalidDataException($"{file}: no unit with the code '{code}' in units.json.");

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Seeding {what} failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
