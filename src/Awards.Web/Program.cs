using Awards.Web.Cli;
using Awards.Web.Infrastructure;

// Before anything allocates on more threads (docs/PERFORMANCE.md).
MallocArenas.Limit();

if (CommandLine.IsVerb(args))
{
    return await CommandLine.RunAsync(args);
}

await SiteSetup.Build(args).RunAsync();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
