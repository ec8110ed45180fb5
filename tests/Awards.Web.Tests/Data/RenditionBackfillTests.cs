using Awards.Core.Entries;
using Awards.Web.Features.Entries;
using Awards.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Data;

/// <summary>
/// At every start the site gives submitted entries that have no judge rendition one
/// (JudgeRenditions.BackfillAsync). The look-up must find such an entry, and must not read every
/// entry to learn that there is none: at province scale that was 1.7 s of a cold start.
/// </summary>
public sealed class RenditionBackfillTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public async Task AnEntryWithoutItsRendition_GetsTheSameOneBack_AndOnlyOnce()
    {
        _ = factory.Server;
        var (id, title, body) = factory.WithDb(db => db.Entries.AsNoTracking()
            .Where(e => e.Status == EntryStatus.Submitted && e.JudgeBody != null)
            .OrderBy(e => e.Id)
            .Select(e => new Tuple<int, string?, string?>(e.Id, e.JudgeTitle, e.JudgeBody))
            .First()).ToValueTuple();
        factory.WithDb(db => db.Database.ExecuteSqlRaw("UPDATE Entries SET JudgeTitle = NULL, JudgeBody = NULL WHERE Id = {0}", id));

        Assert.Equal(1, await BackfillAsync());
        Assert.Equal(0, await BackfillAsync());

        var after = factory.WithDb(db => db.Entries.AsNoTracking().Where(e => e.Id == id).Select(e => new { e.JudgeTitle, e.JudgeBody }).Single());
        Assert.Equal(title, after.JudgeTitle);
        Assert.Equal(body, after.JudgeBody);
    }

    [Fact]
    public void TheLookUp_ReadsThePartialIndex_NotTheEntries()
    {
        _ = factory.Server;
        var plan = factory.WithDb(db =>
        {
            using var scope = factory.Services.CreateScope();
            var sql = scope.ServiceProvider.GetRequiredService<JudgeRenditions>().Missing().ToQueryString();
            return SqlText.Column(db, "EXPLAIN QUERY PLAN " + sql, column: 3);
        });

        // The bundled SQLite's plan (the sqlite3 tool's may differ): entries through the index, the
        // track by its key; never "SCAN e" alone, which reads every row with its texts.
        Assert.Contains(plan, s => s.Contains("USING INDEX IX_Entries_MissingRendition", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, s => s.StartsWith("SCAN e", StringComparison.Ordinal) && !s.Contains("USING", StringComparison.Ordinal));
    }

    private async Task<int> BackfillAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<JudgeRenditions>().BackfillAsync();
    }
}
