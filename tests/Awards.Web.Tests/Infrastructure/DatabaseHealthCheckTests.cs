using System.Net;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>/health, for the operator's monitor: the database's state and nothing else.</summary>
public sealed class DatabaseHealthCheckTests
{
    [Fact]
    public async Task Health_SaysHealthy_ToAnyone_AndIsNeverCached()
    {
        using var factory = new AwardsFactory();
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Health_SaysUnhealthy_WhenTheDatabaseFileIsBroken_WithoutSayingWhy()
    {
        using var factory = new AwardsFactory();
        using var client = factory.CreateClient();
        (await client.GetAsync("/health")).Dispose();

        // The disk under the site went bad: the file is no longer a database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(factory.DatabasePath + "-wal");
        File.Delete(factory.DatabasePath + "-shm");
        await File.WriteAllTextAsync(factory.DatabasePath, new string('x', 8192));
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("Unhealthy", await response.Content.ReadAsStringAsync());
    }
}
