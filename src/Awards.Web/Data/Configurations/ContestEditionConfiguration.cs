using Awards.Core.Contests;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class ContestEditionConfiguration : IEntityTypeConfiguration<ContestEdition>
{
    public void Configure(EntityTypeBuilder<ContestEdition> builder)
    {
        builder.Property(c => c.Name).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.Rules).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.IssuingOffice).HasConversion(JsonColumn.Bilingual).IsRequired();
        builder.Property(c => c.DocumentNumber).HasMaxLength(DocumentNumber.MaxLength).IsRequired();
        builder.Property(c => c.AnthologyPreface).HasMaxLength(20_000).IsRequired();
        builder.OwnsOne(c => c.Schedule, s =>
        {
            s.Property(x => x.SubmissionOpensAt).HasColumnName("SubmissionOpensAt");
            s.Property(x => x.SubmissionClosesAt).HasColumnName("SubmissionClosesAt");
            s.Property(x => x.JudgingClosesAt).HasColumnName("JudgingClosesAt");
            s.Property(x => x.NoticeStartsAt).HasColumnName("NoticeStartsAt");
            s.Property(x => x.NoticeEndsAt).HasColumnName("NoticeEndsAt");
        });
        builder.Navigation(c => c.Schedule).IsRequired();
        builder.HasMany(c => c.Tracks).WithOne().HasForeignKey(t => t.ContestEditionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Tracks).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.Year).IsUnique();
    }
}
