using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100).IsRequired();
        builder.Property(u => u.Language).HasMaxLength(10);
        builder.HasOne(u => u.Unit).WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(u => u.InvitedById).OnDelete(DeleteBehavior.Restrict);
        builder.Property(u => u.FormerNames).HasConversion(JsonColumn.Strings, JsonColumn.StringsComparer).IsRequired().HasDefaultValue(new List<string>());
        builder.Property(u => u.FormerPhones).HasConversion(JsonColumn.Strings, JsonColumn.StringsComparer).IsRequired().HasDefaultValue(new List<string>());
        builder.Property(u => u.FormerUnitIds).HasConversion(JsonColumn.Ids, JsonColumn.IdsComparer).IsRequired().HasDefaultValue(new List<int>());
        builder.Property(u => u.ConflictUnitIds).HasConversion(JsonColumn.Ids, JsonColumn.IdsComparer).IsRequired().HasDefaultValue(new List<int>());
        builder.Property(u => u.LeaderTrackIds).HasConversion(JsonColumn.Ids, JsonColumn.IdsComparer).IsRequired().HasDefaultValue(new List<int>());
        builder.Ignore(u => u.IsPendingInvitation);
    }
}
