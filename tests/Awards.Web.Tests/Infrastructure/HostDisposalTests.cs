namespace Awards.Web.Tests.Infrastructure;

/// <summary>Counts the process's inotify instances, so it runs alone: another class's sites must not add to the count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class InotifyCounting
{
    public const string Name = "Inotify counting";
}

/// <summary>
/// A site that stops gives back the file watchers it took (the web root's, which the stamped
/// static-file links watch): each leaked one holds an inotify instance, of which a user has 128,
/// and a process that starts many sites (these tests; a host restarted in place) ran out.
/// </summary>
[Collection(InotifyCounting.Name)]
public sealed class HostDisposalTests
{
    [Fact]
    public async Task ASiteStartedAndStopped_HoldsNoInotifyInstanceAfterwards()
    {
        var before = Inotify();
        for (var i = 0; i < 3; i++)
        {
            using var factory = new AwardsFactory();
            var home = await new Browser(factory).GetStringAsync("/");
            // The page stamps its script with the file's hash, which watches the web root.
            Assert.Contains("/js/site.js?v=", home, StringComparison.Ordinal);
        }

        Assert.Equal(before, Inotify());
    }

    private static int Inotify() =>
        new DirectoryInfo("/proc/self/fd").EnumerateFileSystemInfos().Count(fd => fd.LinkTarget == "anon_inode:inotify");
}
