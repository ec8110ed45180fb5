using System.Globalization;
using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Identity;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Awards.Web.Data.Seed;
using Awards.Web.Features.Entries;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data.Generate;

/// <summary>
/// Fills an empty database with a synthetic contest for measurements: the seed's contest, extra
/// nominating units, accounts, nominations and essays submitted through the domain's own rules
/// (<see cref="Entry.Submit"/>, judge renditions), then <see cref="GeneratedJudging"/> assigns and
/// scores them. Everything that is random comes from one seeded <see cref="Random"/>, so a seed
/// always gives the same contest (entry codes and queue orders included). Rows go in through EF in
/// batches with change detection off, the tracker cleared after each batch, in one transaction.
/// </summary>
public sealed class ContestGenerator(AwardsDbContext db, Seeder seeder, JudgeRenditions renditions, IPasswordHasher<AppUser> hasher, IClock clock)
{
    private const int Batch = 1_000;

    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private readonly HashSet<string> _codes = new(StringComparer.Ordinal);

    private readonly Dictionary<(int Track, int Unit), int> _unitSlots = [];

    private Random _random = new(0);

    public async Task<GeneratedContest> GenerateAsync(GeneratedScale scale, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scale);
        if (await db.Contests.AnyAsync(cancellationToken) || await db.Users.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The database already holds a contest; generate fills only a fresh database.");
        }

        await seeder.SeedContestAsync(cancellationToken);
        var random = _random = new Random(seed);
        var now = clock.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var contest = await db.Contests.AsSplitQuery().Include(c => c.Tracks).ThenInclude(t => t.Rounds)
            .Include(c => c.Tracks).ThenInclude(t => t.Criteria)
            .Include(c => c.Tracks).ThenInclude(t => t.AwardLevels)
            .SingleAsync(c => c.IsCurrent, cancellationToken);
        var city = await db.Units.SingleAsync(u => u.Kind == UnitKind.City, cancellationToken);
        var units = await AddUnitsAsync(scale, city, cancellationToken);
        var people = await AddAccountsAsync(scale, city, units, random, now, cancellationToken);

        var nominations = contest.Tracks.Where(t => t.Kind == TrackKind.Nomination).OrderBy(t => t.SortOrder).ToList();
        var essays = contest.Tracks.Where(t => t.Kind == TrackKind.Essay).OrderBy(t => t.SortOrder).ToList();
        var entries = new List<GeneratedEntry>(scale.Nominations + scale.Essays);
        var drafts = new List<Entry>(Batch);
        foreach (var track in nominations)
        {
            for (var u = 0; u < units.Count; u++)
            {
                for (var slot = 0; slot < 2; slot++)
                {
                    drafts.Add(Nomination(track, units[u], people.Coordinators[u], random, now));
                    await FlushIfFullAsync(drafts, entries, contest.Schedule, now, cancellationToken);
                }
            }
        }

        for (var a = 0; a < people.Authors.Count; a++)
        {
            foreach (var track in essays)
            {
                var author = people.Authors[a];
                var entry = new Entry(track, SyntheticText.Title(random), SyntheticText.Body(random, track.Limits.MinLength, track.Limits.MaxLength), author.UnitId!.Value, author.Id, now);
                entry.DeclareOriginal(true, now);
                drafts.Add(entry);
                await FlushIfFullAsync(drafts, entries, contest.Schedule, now, cancellationToken);
            }
        }

        await FlushAsync(drafts, entries, contest.Schedule, now, cancellationToken);
        var judged = await new GeneratedJudging(db, random, now).AssignAndScoreAsync(contest, entries, people.Judges, cancellationToken);
        db.AuditLog.Add(new AuditEntry
        {
            At = now,
            Action = "Generate",
            EntityType = "Database",
            EntityKey = "generate",
            After = string.Create(CultureInfo.InvariantCulture, $"scale={scale.Name}; seed={seed}; nominations={scale.Nominations}; essays={scale.Essays}; judges={scale.Judges}"),
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        return new GeneratedContest(units.Count, people.Count, scale.Nominations, scale.Essays, judged.Assignments, judged.Scores);
    }

    private static Entry Nomination(Track track, Unit unit, AppUser coordinator, Random random, DateTime now)
    {
        var name = SyntheticText.PersonName(random);
        var title = track.Entrant == Entrant.Individual ? $"{name}：{track.Name.Zh}推荐" : $"{unit.Name.Zh}：{track.Name.Zh}推荐";
        var entry = new Entry(track, title, SyntheticText.Body(random, track.Limits.MinLength, Math.Min(track.Limits.MaxLength, 3_000)), unit.Id, coordinator.Id, now);
        var nominee = track.Entrant == Entrant.Individual
            ? new Nominee(name, random.Next(2) == 0 ? Gender.Female : Gender.Male, 1960 + random.Next(40), "村党支部书记", Phone(random))
            : null;
        entry.DescribeNominee(nominee, nominee is null ? unit.Id : null, "同意推荐。");
        return entry;
    }

    private async Task FlushIfFullAsync(List<Entry> drafts, List<GeneratedEntry> entries, ContestSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        if (drafts.Count >= Batch)
        {
            await FlushAsync(drafts, entries, schedule, now, cancellationToken);
        }
    }

    /// <summary>Submits a batch of drafts (nominations are also accepted by the organizer), with their history, and saves it.</summary>
    private async Task FlushAsync(List<Entry> drafts, List<GeneratedEntry> entries, ContestSchedule schedule, DateTime now, CancellationToken cancellationToken)
    {
        // The tracker was cleared after the last batch: the tracks are known rows, not new ones.
        foreach (var track in drafts.Select(e => e.Track).Distinct().Where(t => db.Entry(t).State == EntityState.Detached))
        {
            db.Attach(track);
        }

        foreach (var entry in drafts)
        {
            // Each unit's nominations take its quota slots one after another; each author has one essay per theme.
            var key = (entry.TrackId, entry.UnitId);
            var held = entry.Track.Kind == TrackKind.Nomination ? _unitSlots.GetValueOrDefault(key) : 0;
            entry.Submit(schedule, now, new TakenSlots([.. Enumerable.Range(1, held)], []));
            _unitSlots[key] = held + 1;
            db.Entries.Add(entry);
            db.Entry(entry).Property(e => e.Code).CurrentValue = NextCode();
            db.EntryStatusChanges.Add(new EntryStatusChange { Entry = entry, To = EntryStatus.Draft, At = now, UserId = entry.OwnerUserId });
            db.EntryStatusChanges.Add(new EntryStatusChange { Entry = entry, From = EntryStatus.Draft, To = EntryStatus.Submitted, At = now, UserId = entry.OwnerUserId });
            if (entry.Track.Kind == TrackKind.Nomination)
            {
                entry.Accept(now);
                db.EntryStatusChanges.Add(new EntryStatusChange { Entry = entry, From = EntryStatus.Submitted, To = EntryStatus.Accepted, At = now });
            }

            await renditions.ApplyAsync(entry, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        entries.AddRange(drafts.Select(e => new GeneratedEntry(e.Id, e.TrackId, e.UnitId, e.Track.Kind)));
        drafts.Clear();
        db.ChangeTracker.Clear();
    }

    /// <summary>An <see cref="EntryCode"/> from the seeded random instead of the system's, unique within the contest.</summary>
    private string NextCode()
    {
        while (true)
        {
            var chars = new char[EntryCode.Length];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = i == 4 ? '-' : CodeAlphabet[_random.Next(CodeAlphabet.Length)];
            }

            var code = new string(chars);
            if (_codes.Add(code))
            {
                return code;
            }
        }
    }

    private static string Phone(Random random) => string.Create(CultureInfo.InvariantCulture, $"139{random.Next(100_000_000):D8}");

    private async Task<List<Unit>> AddUnitsAsync(GeneratedScale scale, Unit city, CancellationToken cancellationToken)
    {
        var units = new List<Unit>(scale.NominatingUnits);
        for (var i = 1; i <= scale.NominatingUnits; i++)
        {
            var number = i.ToString("D3", CultureInfo.InvariantCulture);
            units.Add(i % 2 == 1
                ? new Unit($"gen-county-{number}", new BilingualText($"第{number}区", $"District {number}"), UnitKind.County, city)
                : new Unit($"gen-helper-{number}", new BilingualText($"第{number}帮扶单位", $"Helping unit {number}"), UnitKind.HelpingUnit, city));
        }

        db.Units.AddRange(units);
        await db.SaveChangesAsync(cancellationToken);
        return units;
    }

    private async Task<GeneratedPeople> AddAccountsAsync(GeneratedScale scale, Unit city, List<Unit> units, Random random, DateTime now, CancellationToken cancellationToken)
    {
        // One hash for every account: hashing each of 10,000 passwords would take minutes.
        var hash = hasher.HashPassword(new AppUser(), GeneratedAccounts.Password);
        AppUser Account(string email, string name, int? unitId, string? phone = null)
        {
            var stamp = new byte[16];
            random.NextBytes(stamp);
            return new AppUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = hash,
                SecurityStamp = Convert.ToHexString(stamp),
                ConcurrencyStamp = new Guid(stamp).ToString(),
                LockoutEnabled = true,
                DisplayName = name,
                PhoneNumber = phone,
                UnitId = unitId,
                CreatedAt = now,
            };
        }

        var organizer = Account(GeneratedAccounts.Organizer, "组织方（生成）", city.Id);
        var coordinators = units.Select((u, i) => Account(GeneratedAccounts.Coordinator(i + 1), SyntheticText.PersonName(random), u.Id)).ToList();
        // A third of the judges are outside experts without a unit; the others belong to a unit whose entries they may not judge.
        var judges = Enumerable.Range(1, scale.Judges)
            .Select(i => Account(GeneratedAccounts.Judge(i), SyntheticText.PersonName(random), i % 3 == 0 ? null : units[random.Next(units.Count)].Id)).ToList();
        var authors = Enumerable.Range(1, scale.Authors)
            .Select(i => Account(GeneratedAccounts.Author(i), SyntheticText.PersonName(random), units[random.Next(units.Count)].Id, Phone(random))).ToList();

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        var all = new List<(AppUser User, string Role)> { (organizer, Roles.Organizer) };
        all.AddRange(coordinators.Select(u => (u, Roles.UnitCoordinator)));
        all.AddRange(judges.Select(u => (u, Roles.Judge)));
        all.AddRange(authors.Select(u => (u, Roles.Author)));
        foreach (var chunk in all.Chunk(Batch * 5))
        {
            db.Users.AddRange(chunk.Select(x => x.User));
            await db.SaveChangesAsync(cancellationToken);
            db.UserRoles.AddRange(chunk.Select(x => new IdentityUserRole<int> { UserId = x.User.Id, RoleId = roles[x.Role] }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        return new GeneratedPeople(coordinators, judges, authors);
    }
}

internal sealed record GeneratedEntry(int Id, int TrackId, int UnitId, TrackKind Kind);

internal sealed record GeneratedPeople(List<AppUser> Coordinators, List<AppUser> Judges, List<AppUser> Authors)
{
    public int Count => 1 + Coordinators.Count + Judges.Count + Authors.Count;
}
