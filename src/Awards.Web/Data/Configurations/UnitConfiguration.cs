using Awards.Core.Common;
using Awards.Core.Units;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(40).IsRequired();
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(u => u.FormerNames).HasConversion(JsonColumn.BilingualList, JsonColumn.BilingualListComparer).IsRequired().HasDefaultValue(Array.Empty<BilingualText>());
        builder.Property(u => u.HelpedUnitIds).HasConversion(JsonColumn.ReadOnlyIds, JsonColumn.ReadOnlyIdsComparer).IsRequired().HasDefaultValue(Array.Empty<int>());
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
