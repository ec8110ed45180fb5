using Awards.Web.Data;
using Awards.Web.Data.Seed;
using Awards.Web.Features.Entries;
using Awards.Web.Features.Users;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Awards.Web.Infrastructure;

/// <summary>
/// Before the server takes requests: creates the database, applies migrations, loads seed/ into
/// an empty database, and creates the first organizer from configuration. Then says where the site is.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceScopeFactory scopes,
    IServer server,
    IOptions<AwardsOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AwardsDbContext>();
        await DatabaseSetup.MigrateAsync(db, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<Seeder>().SeedAsync(cancellationToken);

        // Judges read renditions; entries seeded or submitted before renditions existed get theirs now.
        var built = await scope.ServiceProvider.GetRequiredService<JudgeRenditions>().BackfillAsync(cancellationToken);
        if (built > 0)
        {
            logger.LogInformation("Built the judge rendition of {Count} entries", built);
        }

        var initial = options.Value.InitialOrganizer;
        if (!string.IsNullOrWhiteSpace(initial.Email))
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<Invitations>()
                .EnsureInitialOrganizerAsync(initial.Email, initial.Name ?? initial.Email, initial.Password);
            logger.LogInformation("Initial organizer {Email}: {Outcome}", initial.Email, outcome);
        }
    }

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        logger.LogInformation(
            "Awards is running at {Urls} ({Mode} mode, database {Database}). Demo sign-ins are listed in README.md, section 'Demo accounts'.",
            string.Join(", ", addresses),
            options.Value.Mode,
            AppPaths.Resolve(options.Value.DatabasePath));
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
