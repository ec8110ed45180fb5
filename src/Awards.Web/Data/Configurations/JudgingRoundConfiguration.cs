using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class JudgingRoundConfiguration : IEntityTypeConfiguration<JudgingRound>
{
    public void Configure(EntityTypeBuilder<JudgingRound> builder)
    {
        builder.Property(r => r.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(r => new { r.TrackId, r.Sequence }).IsUnique();
    }
}
