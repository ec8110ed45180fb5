using Awards.Core.Entries;
using Awards.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class EntryConfiguration : IEntityTypeConfiguration<Entry>
{
    public void Configure(EntityTypeBuilder<Entry> builder)
    {
        builder.Property(e => e.Code).HasMaxLength(EntryCode.Length).IsRequired();
        builder.HasIndex(e => e.Code).IsUnique();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Title).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Body).IsRequired();
        builder.Property(e => e.JudgeTitle).HasMaxLength(200);
        builder.Ignore(e => e.Length);
        builder.Ignore(e => e.IsEditable);
        builder.HasOne(e => e.Track).WithMany().HasForeignKey(e => e.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Unit>().WithMany().HasForeignKey(e => e.NomineeUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(e => e.Nominee, n =>
        {
            n.Property(x => x.Name).HasColumnName("NomineeName").HasMaxLength(100);
            n.Property(x => x.Gender).HasColumnName("NomineeGender").HasConversion<string>().HasMaxLength(10);
            n.Property(x => x.BirthYear).HasColumnName("NomineeBirthYear");
            n.Property(x => x.Position).HasColumnName("NomineePosition").HasMaxLength(200);
            n.Property(x => x.Contact).HasColumnName("NomineeContact").HasMaxLength(100);
        });
        builder.HasMany(e => e.Attachments).WithOne(a => a.Entry).HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(e => e.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The quota guards (SECURITY.md §5): whatever races past the count, the second holder of
        // a slot fails here.
        builder.HasIndex(e => new { e.TrackId, e.UnitId, e.UnitSlot }).IsUnique().HasFilter("\"UnitSlot\" IS NOT NULL");
        builder.HasIndex(e => new { e.TrackId, e.OwnerUserId, e.OwnerSlot }).IsUnique().HasFilter("\"OwnerSlot\" IS NOT NULL");
        builder.Property(e => e.CreationKey).HasMaxLength(40);
        builder.HasIndex(e => new { e.OwnerUserId, e.CreationKey }).IsUnique().HasFilter("\"CreationKey\" IS NOT NULL");
        // With the code and the submission time, so that a track's entries and codes (the judging
        // round's page, the ranking CSV, the results) and the lists' newest-first order come from
        // the index without reading the entries' rows, one page each.
        builder.HasIndex(e => new { e.TrackId, e.Status, e.Code, e.SubmittedAt });

        // The entries still without a judge rendition, which every start looks for
        // (JudgeRenditions.BackfillAsync): without this index the start read every entry's texts,
        // 1.7 s on a cold province database, to find none (docs/PERFORMANCE.md).
        builder.HasIndex(e => e.Status).HasFilter("\"JudgeBody\" IS NULL").HasDatabaseName("IX_Entries_MissingRendition");

        // The long texts go last in the row: SQLite reads a row's columns in order, so a column
        // stored after an essay means walking the essay's overflow pages first. The judge queue
        // and every list read the short columns only (docs/PERFORMANCE.md).
        var order = 0;
        builder.Property(e => e.Id).HasColumnOrder(order++);
        builder.Property(e => e.Code).HasColumnOrder(order++);
        builder.Property(e => e.TrackId).HasColumnOrder(order++);
        builder.Property(e => e.Status).HasColumnOrder(order++);
        builder.Property(e => e.StatusReason).HasColumnOrder(order++);
        builder.Property(e => e.Title).HasColumnOrder(order++);
        builder.Property(e => e.JudgeTitle).HasColumnOrder(order++);
        builder.Property(e => e.UnitId).HasColumnOrder(order++);
        builder.Property(e => e.OwnerUserId).HasColumnOrder(order++);
        builder.Property(e => e.NomineeUnitId).HasColumnOrder(order++);
        builder.Property(e => e.CreatedAt).HasColumnOrder(order++);
        builder.Property(e => e.UpdatedAt).HasColumnOrder(order++);
        builder.Property(e => e.SubmittedAt).HasColumnOrder(order++);
        builder.Property(e => e.CreationKey).HasColumnOrder(order++);
        builder.Property(e => e.OwnerSlot).HasColumnOrder(order++);
        builder.Property(e => e.UnitSlot).HasColumnOrder(order++);
        builder.Property(e => e.DeclaredOriginalAt).HasColumnOrder(order++);
        builder.Property(e => e.RedactionCount).HasColumnOrder(order++);
        builder.OwnsOne(e => e.Nominee, n =>
        {
            n.Property(x => x.Name).HasColumnOrder(order++);
            n.Property(x => x.Gender).HasColumnOrder(order++);
            n.Property(x => x.BirthYear).HasColumnOrder(order++);
            n.Property(x => x.Position).HasColumnOrder(order++);
            n.Property(x => x.Contact).HasColumnOrder(order++);
        });
        builder.Property(e => e.RecommendationOpinion).HasColumnOrder(order++);
        builder.Property(e => e.Body).HasColumnOrder(order++);
        builder.Property(e => e.JudgeBody).HasColumnOrder(order++);

        // Added later, so last: SQLite appends a new column, and moving the others would rebuild the table.
        builder.Property(e => e.ResubmitBy).HasColumnOrder(order);
    }
}
