using Awards.Core.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class AnnouncementConfiguration : IEntityTypeConfiguration<Announcement>
{
    public void Configure(EntityTypeBuilder<Announcement> builder)
    {
        builder.Property(a => a.Title).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(a => a.Body).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(a => a.CreationKey).HasMaxLength(32);
        builder.HasIndex(a => a.CreationKey).IsUnique();
        builder.HasOne<ContestEdition>().WithMany().HasForeignKey(a => a.ContestEditionId).OnDelete(DeleteBehavior.Cascade);

        // The public list's question: the edition's published ones, pinned first, newest first.
        builder.HasIndex(a => new { a.ContestEditionId, a.PublishedAt });
    }
}
