namespace Awards.Web.Infrastructure;

/// <summary>
/// Caps glibc's malloc at two arenas (its default is eight per core). SQLite's page caches and
/// statements, and the runtime's own native memory, are allocated from whichever thread-pool
/// thread happens to run a query; with an arena per thread, memory freed in one arena is not
/// reused by the others and the process keeps it. Measured under the judge's load (docs/PERFORMANCE.md):
/// 20–24 MB less resident memory at the peak with two arenas, and no more CPU per request.
/// <para>
/// Runs first thing in <c>Main</c>, for the site and the CLI: arenas made before the call stay.
/// An operator's own <c>MALLOC_ARENA_MAX</c> wins. Elsewhere than on glibc it does nothing.
/// </para>
/// </summary>
internal static class MallocArenas
{
    public const int Count = 2;

    // M_ARENA_MAX in glibc's malloc.h.
    private const int ArenaMax = -8;

    /// <summary>Whether this process capped its arenas.</summary>
    public static bool Limited { get; private set; }

    public static void Limit()
    {
        if (Limited || !OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX") is not null)
        {
            return;
        }

        try
        {
            Limited = Glibc.Mallopt(ArenaMax, Count) == 1;
        }
        catch (Exception e) when (Glibc.Missing(e))
        {
            // Not glibc: its allocator has no arenas to cap.
        }
    }
}
