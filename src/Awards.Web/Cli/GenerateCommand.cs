using System.Diagnostics;
using System.Globalization;
using Awards.Web.Data;
using Awards.Web.Data.Generate;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Cli;

/// <summary>
/// <c>generate city|province [--seed N]</c>: a synthetic contest in a fresh database, for the
/// measurements in docs/PERFORMANCE.md. Demo mode only, since every account it makes has the same
/// published password.
/// </summary>
internal static class GenerateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var scale = GeneratedScale.Named(arguments.Positional) ?? throw new ArgumentException("name the scale: city, province (or town, a tenth of the city)");
        var seed = arguments.Value("--seed") is not { } text ? 1
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number
            : throw new ArgumentException($"--seed must be a whole number, not '{text}'");
        if (services.GetRequiredService<IOptions<AwardsOptions>>().Value.Mode != SiteMode.Demo)
        {
            await output.WriteLineAsync("error: generate makes accounts with a published password, so it runs in demo mode only (Awards:Mode=Demo).");
            return 1;
        }

        var db = services.GetRequiredService<AwardsDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var path = db.Database.GetDbConnection().DataSource;
        if (await db.Contests.AnyAsync() || await db.Users.AnyAsync())
        {
            await output.WriteLineAsync($"error: {path} already holds a contest; generate fills only a fresh database (name a new file with --Awards:DatabasePath=...).");
            return 1;
        }

        var watch = Stopwatch.StartNew();
        var generated = await ActivatorUtilities.CreateInstance<ContestGenerator>(services).GenerateAsync(scale, seed);
        int prizes;
        await using (var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope())
        {
            prizes = await GeneratedNotice.PublishAsync(scope.ServiceProvider, CancellationToken.None);
        }

        // Everything written so far sits in the WAL (about 1 GB at province scale), which no one
        // would checkpoint before the site's first writes: fold it into the database file now.
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Generated the {scale.Name} contest (seed {seed}) in {path} in {watch.Elapsed.TotalSeconds:F1} s: {generated.Units} extra units, {generated.Accounts} accounts, " +
            $"{generated.Nominations} nominations, {generated.Essays} essays, {generated.Assignments} assignments, {generated.Scores} submitted scores; " +
            $"'{GeneratedNotice.Track}' is on public notice with {prizes} prizes."));
        await output.WriteLineAsync($"Every generated account has the password {GeneratedAccounts.Password}: {GeneratedAccounts.Organizer}, {GeneratedAccounts.Judge(1)} ... {GeneratedAccounts.Judge(scale.Judges)}, " +
            $"{GeneratedAccounts.Author(1)} ... {GeneratedAccounts.Author(scale.Authors)}, {GeneratedAccounts.Coordinator(1)} ... {GeneratedAccounts.Coordinator(scale.NominatingUnits)}.");
        return 0;
    }
}
