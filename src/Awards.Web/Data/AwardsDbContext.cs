using Awards.Core.Contests;
using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data;

public class AwardsDbContext(DbContextOptions<AwardsDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<int>, int>(options)
{
    public DbSet<ContestEdition> Contests => Set<ContestEdition>();

    public DbSet<Track> Tracks => Set<Track>();

    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();

    public DbSet<AwardLevel> AwardLevels => Set<AwardLevel>();

    public DbSet<JudgingRound> Rounds => Set<JudgingRound>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Entry> Entries => Set<Entry>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();

    public DbSet<EntryStatusChange> EntryStatusChanges => Set<EntryStatusChange>();

    public DbSet<PanelMember> PanelMembers => Set<PanelMember>();

    public DbSet<JudgeAssignment> Assignments => Set<JudgeAssignment>();

    public DbSet<Score> Scores => Set<Score>();

    public DbSet<Conflict> Conflicts => Set<Conflict>();

    public DbSet<TrackResult> TrackResults => Set<TrackResult>();

    public DbSet<ResultOverride> ResultOverrides => Set<ResultOverride>();

    public DbSet<Placement> Placements => Set<Placement>();

    public DbSet<Objection> Objections => Set<Objection>();

    public DbSet<ObjectionInquiry> ObjectionInquiries => Set<ObjectionInquiry>();

    public DbSet<ExportJob> ExportJobs => Set<ExportJob>();

    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    public DbSet<ArchivedCertificate> ArchivedCertificates => Set<ArchivedCertificate>();

    public DbSet<OutboxMail> MailOutbox => Set<OutboxMail>();

    public DbSet<UserSession> UserSessions => Set<UserSession>();

    public DbSet<Announcement> Announcements => Set<Announcement>();

    /// <summary>Saves in the process's turn for the database (<see cref="WriteGate"/>), unless a transaction already holds it.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        if (Database.CurrentTransaction is not null)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var turn = WriteGate.Enter(Database.GetDbConnection());
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <inheritdoc cref="SaveChanges(bool)"/>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var turn = await WriteGate.EnterAsync(Database.GetDbConnection(), cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AwardsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite keeps no time zone: every DateTime is UTC, and comes back marked as UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();

        // SQLite cannot compare or sum decimals stored as text; weights and scores are REAL.
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}
