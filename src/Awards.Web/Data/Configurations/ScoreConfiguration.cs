using Awards.Core.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class ScoreConfiguration : IEntityTypeConfiguration<Score>
{
    public void Configure(EntityTypeBuilder<Score> builder)
    {
        builder.HasKey(s => s.AssignmentId);
        builder.Property<Dictionary<int, decimal>>("_values")
            .HasColumnName("Values")
            .HasConversion(JsonColumn.ScoreValues, JsonColumn.ScoreValuesComparer)
            .IsRequired();
        builder.Ignore(s => s.Values);
        builder.Property(s => s.Comment).HasMaxLength(Score.MaxCommentLength);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);

        // Optimistic concurrency: an UPDATE that finds another version changes nothing and fails.
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}
