using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> builder)
    {
        builder.Property(c => c.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Description).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property<List<CriterionLevel>>("_levels")
            .HasColumnName("Levels")
            .HasConversion(JsonColumn.Levels, JsonColumn.LevelsComparer)
            .IsRequired();
        builder.Ignore(c => c.Levels);
        builder.HasIndex(c => new { c.TrackId, c.Order }).IsUnique();
    }
}
