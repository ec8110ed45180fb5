using Awards.Core.Entries;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.Token).HasMaxLength(16).IsRequired();
        builder.HasIndex(a => a.Token).IsUnique();
        builder.Property(a => a.FileName).HasMaxLength(Attachment.MaxFileNameLength).IsRequired();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Sha256).HasMaxLength(64).IsRequired();
    }
}
