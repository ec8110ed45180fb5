using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class EntryStatusChangeConfiguration : IEntityTypeConfiguration<EntryStatusChange>
{
    public void Configure(EntityTypeBuilder<EntryStatusChange> builder)
    {
        builder.HasOne(c => c.Entry).WithMany().HasForeignKey(c => c.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.SetNull);
        builder.Property(c => c.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.HasIndex(c => c.EntryId);
    }
}
