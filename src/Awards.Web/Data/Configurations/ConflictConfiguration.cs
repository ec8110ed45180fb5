using Awards.Core.Entries;
using Awards.Core.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class ConflictConfiguration : IEntityTypeConfiguration<Conflict>
{
    public void Configure(EntityTypeBuilder<Conflict> builder)
    {
        builder.HasOne<Entry>().WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.JudgeUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.EntryId, c.JudgeUserId }).IsUnique();
        builder.Property(c => c.Reason).HasMaxLength(500);
    }
}
