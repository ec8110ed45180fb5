using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class OutboxMailConfiguration : IEntityTypeConfiguration<OutboxMail>
{
    public void Configure(EntityTypeBuilder<OutboxMail> builder)
    {
        builder.ToTable("MailOutbox");
        builder.Property(m => m.To).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        builder.Property(m => m.About).HasMaxLength(OutboxMail.MaxAboutLength).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutboxMail.MaxErrorLength);

        // The delivery's question: what is waiting and due, oldest first.
        builder.HasIndex(m => new { m.Status, m.NextAttemptAt });
    }
}
