using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("UserSessions");
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.Stamp).HasMaxLength(256).IsRequired();
        builder.Property(s => s.Browser).HasMaxLength(UserSession.MaxBrowserLength).IsRequired();
        builder.Property(s => s.Address).HasMaxLength(45).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(64).IsRequired();
        builder.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => s.UserId);

        // The ended sessions still in their cookie's lifetime, read once at start (SessionEnds).
        builder.HasIndex(s => s.EndedAt);
    }
}
