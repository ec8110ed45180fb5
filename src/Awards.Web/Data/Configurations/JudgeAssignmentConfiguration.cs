using Awards.Core.Entries;
using Awards.Core.Scoring;
using Awards.Core.Tracks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Awards.Web.Data.Configurations;

internal sealed class JudgeAssignmentConfiguration : IEntityTypeConfiguration<JudgeAssignment>
{
    public void Configure(EntityTypeBuilder<JudgeAssignment> builder)
    {
        builder.ToTable("Assignments");
        builder.HasOne<JudgingRound>().WithMany().HasForeignKey(a => a.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.JudgeUserId).OnDelete(DeleteBehavior.Restrict);

        // One score per judge, entry and round (SECURITY.md §5).
        builder.HasIndex(a => new { a.RoundId, a.EntryId, a.JudgeUserId }).IsUnique();
        // A judge's queue in its own order, read from the index alone: the scoring POST's next entry
        // seeks to its place instead of reading and sorting the judge's whole queue with each
        // entry's row (docs/PERFORMANCE.md). The rowid (Id) ends every index, so it breaks ties.
        builder.HasIndex(a => new { a.JudgeUserId, a.RoundId, a.QueueKey, a.EntryId });
        builder.HasOne(a => a.Score).WithOne(s => s.Assignment).HasForeignKey<Score>(s => s.AssignmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
