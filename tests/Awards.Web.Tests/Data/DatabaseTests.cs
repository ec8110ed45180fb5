using Awards.Core.Entries;
using Awards.Core.Tracks;
using Awards.Web.Data.Seed;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

public sealed class DatabaseTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public void CheckedInMigrations_MatchTheModel()
    {
        _ = factory.Server;
        factory.WithDb(db =>
        {
            var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot;
            Assert.NotNull(snapshot);
            var differ = db.GetService<IMigrationsModelDiffer>();
            var snapshotModel = snapshot!.Model;
            if (snapshotModel is IMutableModel mutable)
            {
                snapshotModel = mutable.FinalizeModel();
            }

            snapshotModel = db.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel);
            var differences = differ.GetDifferences(snapshotModel.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
            Assert.True(differences.Count == 0, "The model has changes without a migration: " + string.Join(", ", differences.Select(d => d.GetType().Name)));
            return 0;
        });
    }

    [Fact]
    public void Database_IsInWalMode_WithMigrationsApplied()
    {
        _ = factory.Server;
        factory.WithDb(db =>
        {
            Assert.Empty(db.Database.GetPendingMigrations());
            db.Database.OpenConnection();
            using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            Assert.Equal("wal", command.ExecuteScalar() as string);
            return 0;
        });
    }

    [Fact]
    public void Seed_CreatesTheDefaultContest_FromPRODUCTmd()
    {
        _ = factory.Server;
        var tracks = factory.WithDb(db => db.Tracks.Include(t => t.AwardLevels).Include(t => t.Criteria).Include(t => t.Rounds).AsSplitQuery().ToList());

        Assert.Equal(8, tracks.Count);
        foreach (var code in new[] { "innovation", "endeavor", "contribution", "dedication", "org-innovation" })
        {
            var track = Assert.Single(tracks, t => t.Code == code);
            Assert.Equal(TrackKind.Nomination, track.Kind);
            Assert.Equal(10, track.TotalQuota);
            Assert.Equal(2, track.Limits.PerUnit);
        }

        foreach (var code in new[] { "help-story", "journey" })
        {
            var track = Assert.Single(tracks, t => t.Code == code);
            Assert.Equal([5, 10, 20, 50], track.AwardLevels.OrderBy(l => l.Rank).Select(l => l.Quota));
            Assert.Equal(1, track.Limits.PerAuthor);
            Assert.Equal(1000, track.Limits.MinLength);
            Assert.Equal(6000, track.Limits.MaxLength);
            Assert.Equal(2, track.Rounds.Count);
            Assert.Equal(3, track.Rounds.Single(r => r.Kind == RoundKind.Preliminary).JudgesPerEntry);
        }

        Assert.Equal(5, tracks.Single(t => t.Code == "outstanding-organization").TotalQuota);
        Assert.Equal(Entrant.Organisation, tracks.Single(t => t.Code == "org-innovation").Entrant);
        Assert.All(tracks, t => t.EnsureRubricIsComplete());
        Assert.All(tracks.SelectMany(t => t.Criteria), c => Assert.NotEmpty(c.Levels));
    }

    [Fact]
    public void Seed_SampleEntries_HaveRandomCodes_AndFitTheirLengthLimits()
    {
        _ = factory.Server;
        var entries = factory.WithDb(db => db.Entries.Include(e => e.Track).ToList());

        Assert.True(entries.Count >= 10);
        Assert.All(entries, e => Assert.True(EntryCode.IsWellFormed(e.Code), e.Code));
        Assert.Equal(entries.Count, entries.Select(e => e.Code).Distinct().Count());
        Assert.All(entries, e => Assert.True(e.Track.Limits.LengthFits(e.Length), $"{e.Title}: {e.Length}"));
        Assert.Contains(entries, e => e.Status == EntryStatus.Draft);
        Assert.Contains(entries, e => e.Track.Kind == TrackKind.Essay && e.Body.Contains("the", StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Nominee is { Name: "李秀兰", BirthYear: 1981 });
        Assert.Contains(entries, e => e.NomineeUnitId is not null);
    }

    [Fact]
    public void Seed_TimesAreStoredAndReadAsUtc()
    {
        _ = factory.Server;
        var contest = factory.WithDb(db => db.Contests.Single());

        Assert.Equal(DateTimeKind.Utc, contest.Schedule.SubmissionClosesAt.Kind);
        // "+30d 18:00" in UTC+8 is 10:00 UTC.
        Assert.Equal(10, contest.Schedule.SubmissionClosesAt.Hour);
    }

    [Fact]
    public async Task Seeding_Again_ChangesNothing()
    {
        _ = factory.Server;
        var before = factory.WithDb(db => (db.Contests.Count(), db.Tracks.Count(), db.Units.Count(), db.Users.Count(), db.Entries.Count()));

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync();
            Assert.False(result.ContestCreated);
            Assert.Equal(0, result.DemoUsers);
        }

        Assert.Equal(before, factory.WithDb(db => (db.Contests.Count(), db.Tracks.Count(), db.Units.Count(), db.Users.Count(), db.Entries.Count())));
    }

    [Fact]
    public void TwoEntries_CannotShareACode()
    {
        _ = factory.Server;
        factory.WithDb(db =>
        {
            var codes = db.Entries.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Code).Take(2).ToList();
            var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() =>
                db.Database.ExecuteSqlRaw("UPDATE Entries SET Code = {0} WHERE Code = {1}", codes[0], codes[1]));
            Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
            return 0;
        });
    }
}
