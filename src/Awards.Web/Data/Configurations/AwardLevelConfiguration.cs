using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class AwardLevelConfiguration : IEntityTypeConfiguration<AwardLevel>
{
    public void Configure(EntityTypeBuilder<AwardLevel> builder)
    {
        builder.Property(l => l.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(l => l.Bonus).HasDefaultValue(0);
        builder.HasIndex(l => new { l.TrackId, l.Rank }).IsUnique();
    }
}
