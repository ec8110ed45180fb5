using Awards.Web.Infrastructure;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>
/// The site caps glibc's malloc arenas when it starts (docs/PERFORMANCE.md: 20–24 MB less resident
/// memory under the judge's load), unless the operator set MALLOC_ARENA_MAX themselves.
/// </summary>
public sealed class MallocArenasTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    [Fact]
    public void StartingTheSite_CapsTheArenas_OnLinux()
    {
        _ = factory.Server;

        var expected = OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is null;
        Assert.Equal(expected, MallocArenas.Limited);
    }
}
