using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.Property(t => t.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(t => new { t.ContestEditionId, t.Code }).IsUnique();
        builder.Property(t => t.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(t => t.Description).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Entrant).HasConversion<string>().HasMaxLength(20);
        builder.OwnsOne(t => t.Limits, l =>
        {
            l.Property(x => x.MinLength).HasColumnName("MinLength");
            l.Property(x => x.MaxLength).HasColumnName("MaxLength");
            l.Property(x => x.PerUnit).HasColumnName("PerUnitLimit");
            l.Property(x => x.PerAuthor).HasColumnName("PerAuthorLimit");
        });
        builder.Navigation(t => t.Limits).IsRequired();
        builder.HasMany(t => t.Criteria).WithOne().HasForeignKey(c => c.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.AwardLevels).WithOne().HasForeignKey(l => l.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Rounds).WithOne().HasForeignKey(r => r.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Criteria).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.AwardLevels).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(t => t.Rounds).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
