using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class ArchivedCertificateConfiguration : IEntityTypeConfiguration<ArchivedCertificate>
{
    public void Configure(EntityTypeBuilder<ArchivedCertificate> builder)
    {
        builder.Property(c => c.Code).HasMaxLength(32).IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.Winner).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Unit).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Award).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Level).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Contest).HasConversion(JsonColumn.Bilingual).IsRequired();
    }
}
