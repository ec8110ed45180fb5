using Awards.Durability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Awards.Durability.Tests;

/// <summary>ADR 0001: in WAL mode with synchronous=NORMAL, a commit the site acknowledged survives the process being killed.</summary>
public sealed class CrashTests(ITestOutputHelper log)
{
    private static readonly string[] Authors = ["author.zhang@demo.example", "author.li@demo.example", "author.wu@demo.example", "author.he@demo.example"];

    [Fact]
    public async Task KillingTheSiteWhileItWrites_LosesNoAcknowledgedWrite_AndLeavesTheDatabaseIntact()
    {
        using var folder = new TestFolder();
        List<(string Author, string Code, string Title)> acknowledged;
        await using (var site = await ServerProcess.StartAsync(folder))
        {
            await using var writers = await DraftWriters.StartAsync(site.Address, Authors);
            await writers.UntilAsync(40);

            // SIGKILL while four authors are in the middle of saving.
            await site.KillAsync();
            await writers.StopAsync();
            acknowledged = writers.Acknowledged;
        }

        log.WriteLine($"{acknowledged.Count} drafts acknowledged before the kill");
        await using (var restarted = await ServerProcess.StartAsync(folder))
        {
            using var http = new HttpClient { BaseAddress = restarted.Address };
            using var health = await http.GetAsync("/health");
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

            var stored = Sqlite.Rows(folder.DatabasePath, "SELECT Code || '|' || Title FROM Entries;").ToHashSet(StringComparer.Ordinal);
            var lost = acknowledged.Where(a => !stored.Contains($"{a.Code}|{a.Title}")).ToList();
            Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged drafts are missing: {string.Join(", ", lost.Take(5))}");

            // And the author sees it: the last draft each of them was told about opens.
            var (author, code, title) = acknowledged[^1];
            using var client = await SiteClient.SignedInAsync(restarted.Address, author);
            Assert.Contains(title, await client.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
        }

        Assert.Equal("ok", Sqlite.IntegrityCheck(folder.DatabasePath));
    }
}
