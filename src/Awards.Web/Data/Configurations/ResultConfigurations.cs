using Awards.Core.Entries;
using Awards.Core.Results;
using Awards.Core.Tracks;
using Awards.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class TrackResultConfiguration : IEntityTypeConfiguration<TrackResult>
{
    public void Configure(EntityTypeBuilder<TrackResult> builder)
    {
        builder.HasOne<Track>().WithMany().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<JudgingRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(r => r.TrackId).IsUnique();
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Stage).HasConversion<string>().HasMaxLength(20);
        builder.Property<List<int>>("_tieOrder")
            .HasColumnName("TieOrder")
            .HasConversion(JsonColumn.Ids, JsonColumn.IdsComparer)
            .IsRequired();
        builder.Ignore(r => r.TieOrder);
        builder.Property<List<int>>("_picks")
            .HasColumnName("Picks")
            .HasConversion(JsonColumn.Ids, JsonColumn.IdsComparer)
            .IsRequired();
        builder.Ignore(r => r.Picks);

        // Optimistic concurrency: two organizers cannot publish over each other's edits unseen.
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

internal sealed class ResultOverrideConfiguration : IEntityTypeConfiguration<ResultOverride>
{
    public void Configure(EntityTypeBuilder<ResultOverride> builder)
    {
        builder.HasOne<TrackResult>().WithMany().HasForeignKey(o => o.TrackResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(o => o.ByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Reason).HasMaxLength(ResultOverride.MaxReasonLength).IsRequired();
        builder.HasIndex(o => new { o.TrackResultId, o.EntryId });
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.HasOne<TrackResult>().WithMany().HasForeignKey(p => p.TrackResultId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entry>().WithMany().HasForeignKey(p => p.EntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.TrackResultId, p.Position }).IsUnique();
        builder.HasIndex(p => p.EntryId);

        // A result's winners in prize order (the notice, the final results, the exports) without
        // reading every ranked entry of it: 85 rows of 10,000 in a province theme.
        builder.HasIndex(p => new { p.TrackResultId, p.LevelRank, p.Position });
        builder.Property(p => p.VerifyCode).HasMaxLength(VerifyCode.Length).IsRequired();
        builder.HasIndex(p => p.VerifyCode).IsUnique();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.RevokedByUserId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.RevocationReason).HasMaxLength(ResultOverride.MaxReasonLength);
        builder.Property(p => p.RevocationDocument).HasMaxLength(Placement.MaxDocumentLength);
    }
}

internal sealed class ObjectionConfiguration : IEntityTypeConfiguration<Objection>
{
    public void Configure(EntityTypeBuilder<Objection> builder)
    {
        builder.HasOne<Track>().WithMany().HasForeignKey(o => o.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(o => o.EntryCode).HasMaxLength(EntryCode.Length);
        builder.Property(o => o.Name).HasMaxLength(Objection.MaxNameLength).IsRequired();
        builder.Property(o => o.Contact).HasMaxLength(Objection.MaxContactLength).IsRequired();
        builder.Property(o => o.Text).HasMaxLength(Objection.MaxTextLength).IsRequired();
        builder.Property(o => o.Resolution).HasMaxLength(Objection.MaxResolutionLength);
        builder.Property(o => o.Reference).HasMaxLength(ObjectionReference.Length).IsRequired();
        builder.HasIndex(o => o.Reference).IsUnique();
        builder.Property(o => o.Language).HasMaxLength(Objection.MaxLanguageLength);
        builder.Property(o => o.Outcome).HasConversion<string>().HasMaxLength(20);

        // An objection is decided once, and its objector mailed once: of two organizers resolving
        // it at the same moment, the second save finds it resolved and changes nothing.
        builder.Property(o => o.ResolvedAt).IsConcurrencyToken();
        builder.HasIndex(o => new { o.TrackId, o.ResolvedAt });
    }
}

internal sealed class ObjectionInquiryConfiguration : IEntityTypeConfiguration<ObjectionInquiry>
{
    public void Configure(EntityTypeBuilder<ObjectionInquiry> builder)
    {
        builder.HasOne<Objection>().WithMany().HasForeignKey(i => i.ObjectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entry>().WithMany().HasForeignKey(i => i.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Response).HasMaxLength(ObjectionInquiry.MaxResponseLength);
        builder.HasIndex(i => i.ObjectionId);
        builder.HasIndex(i => i.EntryId);

        // A response is given once: of two coordinators of a unit answering at the same moment,
        // the second save finds it answered and changes nothing.
        builder.Property(i => i.RespondedAt).IsConcurrencyToken();
    }
}

internal sealed class ExportJobConfiguration : IEntityTypeConfiguration<ExportJob>
{
    public void Configure(EntityTypeBuilder<ExportJob> builder)
    {
        builder.HasOne<AppUser>().WithMany().HasForeignKey(j => j.RequestedByUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(j => j.Kind).HasMaxLength(20).IsRequired();
        builder.Property(j => j.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(j => j.FileName).HasMaxLength(200);
        builder.Property(j => j.StoredAs).HasMaxLength(100);
        builder.Property(j => j.Error).HasMaxLength(ExportJob.MaxErrorLength);
        builder.HasIndex(j => j.Status);
    }
}
