namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// A generated town (the <c>generate</c> verb's smallest contest) for one test class of its own,
/// which may change it: every judge's queue filled and scored, one theme on public notice.
/// </summary>
public sealed class GeneratedTown : IAsyncLifetime
{
    public GeneratedSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await GeneratedSite.CreateAsync("town");

    public Task DisposeAsync()
    {
        Site.Dispose();
        return Task.CompletedTask;
    }
}
