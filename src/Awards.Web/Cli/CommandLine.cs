using Awards.Core.Common;
using Awards.Web.Data;
using Awards.Web.Data.Backups;
using Awards.Web.Data.Seed;
using Awards.Web.Features.Exports;
using Awards.Web.Features.Users;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Awards.Web.Cli;

/// <summary>
/// Admin verbs in the site's own executable: <c>dotnet run --project src/Awards.Web -- VERB</c>.
/// They use the same configuration (appsettings, environment, --Awards:DatabasePath=...) as the site.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, (string Usage, Func<IServiceProvider, Arguments, TextWriter, Task<int>> Run)> Verbs = new(StringComparer.Ordinal)
    {
        ["migrate"] = ("migrate                      create the database if needed and apply migrations", MigrateAsync),
        ["seed"] = ("seed                         migrate, then load seed/ into an empty database", SeedAsync),
        ["create-organizer"] = ("create-organizer --email E --name N [--password-stdin]\n" +
                                "                             add an organizer (the first, or another when none can sign in):\n" +
                                "                             with a password read from standard input, or else print (and\n" +
                                "                             mail) an invitation link", CreateOrganizerAsync),
        ["rank"] = ("rank --track CODE --scores FILE [--method raw-mean|trimmed-mean|z-score] [--minimum N|none]\n" +
                    "                             rank a scores sheet (.csv or .xlsx: entry code, judge, one column per\n" +
                    "                             criterion) with the track's settings, overrides and tie orders from the\n" +
                    "                             database, and print the ranking and prizes as .csv, as the site computes them", RankCommand.RunAsync),
        ["export"] = ($"export KIND --out FILE [--proposed]   (KIND: {string.Join(", ", ExportKinds.ContestWide)})\n" +
                      "                             write an export of the final results of the current contest (or, with\n" +
                      "                             --proposed, of results on public notice too), as the export page does\n" +
                      "  export judge-packet --judge EMAIL --round ID --out FILE\n" +
                      "                             a judge's entries of a round in their judge renditions, as a .docx", ExportCommand.RunAsync),
        ["backup"] = ("backup --out FILE            copy the database, uploaded files included, into FILE with SQLite's online\n" +
                      "                             backup API; safe while the site runs", BackupCommand.BackupAsync),
        ["restore"] = ("restore FILE [--yes]         replace the database with a backup after checking it; refuses while the site\n" +
                       "                             runs, asks for confirmation (--yes in scripts), keeps the old database aside", BackupCommand.RestoreAsync),
        ["next-edition"] = ("next-edition --out FOLDER [--year N]\n" +
                            "                             write next year's seed files from this year's settings (units, awards,\n" +
                            "                             rubrics, prize levels and quotas, rounds, rules; every date a year on), for\n" +
                            "                             seed to load into a new database with --Awards:SeedPath=FOLDER, and this\n" +
                            "                             year's coordinators, judges and leading group to invite (invitations.txt)", NextEditionCommand.RunAsync),
        ["generate"] = ("generate city|province|town [--seed N]\n" +
                        "                             fill a fresh database with a synthetic contest for measurements (demo mode:\n" +
                        "                             accounts with a published password; see docs/PERFORMANCE.md)", GenerateCommand.RunAsync),
    };

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Verbs.ContainsKey(args[0]) || args[0] is "--help" or "-h" or "help");

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, TextReader? input = null)
    {
        output ??= Console.Out;
        if (args[0] is "--help" or "-h" or "help")
        {
            await WriteHelpAsync(output);
            return 0;
        }

        var (usage, run) = Verbs[args[0]];
        // Tests pass their own input and answer like a person at a terminal.
        var arguments = Arguments.Parse(args.Skip(1), input ?? Console.In, input is not null || !Console.IsInputRedirected);
        if (arguments.Positional is { } unexpected && args[0] is not ("export" or "restore" or "generate"))
        {
            await output.WriteLineAsync($"error: unexpected argument '{unexpected}'\nusage: {usage}");
            return 2;
        }

        var builder = SiteSetup.CreateBuilder(arguments.Configuration);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();

        // Like the site, every verb but restore holds the database lock shared, so that a restore never pulls the file from under it.
        var database = AppPaths.Resolve(scope.ServiceProvider.GetRequiredService<IOptions<AwardsOptions>>().Value.DatabasePath);
        var restoring = args[0] == "restore";
        using var shared = restoring ? null : DatabaseLock.TryShared(database);
        if (shared is null && !restoring)
        {
            await output.WriteLineAsync($"error: a restore of {database} is in progress; try again when it has finished.");
            return 1;
        }

        try
        {
            return await run(scope.ServiceProvider, arguments, output);
        }
        catch (ArgumentException e)
        {
            await output.WriteLineAsync($"error: {e.Message}\nusage: {usage}");
            return 2;
        }
        catch (DomainException e)
        {
            // What the site would refuse with a message (an export that would name nobody): the same message, not a stack trace.
            await output.WriteLineAsync($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task WriteHelpAsync(TextWriter output)
    {
        await output.WriteLineAsync("Awards: the site, or an admin verb.");
        await output.WriteLineAsync();
        await output.WriteLineAsync("usage: dotnet run --project src/Awards.Web -- [VERB] [OPTIONS] [--Section:Key=value ...]");
        await output.WriteLineAsync("       (no verb: run the site)");
        await output.WriteLineAsync();
        foreach (var (_, (usage, _)) in Verbs)
        {
            await output.WriteLineAsync("  " + usage);
        }

        await output.WriteLineAsync("  --help                       this text");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Configuration options such as --Awards:DatabasePath=/srv/awards.db apply to every verb.");
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var db = services.GetRequiredService<AwardsDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        await output.WriteLineAsync($"Database ready: {db.Database.GetDbConnection().DataSource}");
        return 0;
    }

    private static async Task<int> SeedAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        await MigrateAsync(services, arguments, output);
        var result = await services.GetRequiredService<Seeder>().SeedAsync();
        await output.WriteLineAsync(result is { ContestCreated: false, Units: 0, DemoUsers: 0 }
            ? "The database already holds a contest; nothing was changed."
            : $"Seeded: {result.Units} units, {result.Tracks} tracks, {result.DemoUsers} demo accounts, {result.DemoEntries} sample entries.");
        return 0;
    }

    private static async Task<int> CreateOrganizerAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var email = arguments.Required("--email");
        var name = arguments.Required("--name");
        var password = arguments.Flag("--password-stdin") ? arguments.Input.ReadLine()?.Trim() : null;
        if (arguments.Flag("--password-stdin") && string.IsNullOrEmpty(password))
        {
            throw new ArgumentException("--password-stdin was given but standard input had no password.");
        }

        await MigrateAsync(services, arguments, output);
        await services.GetRequiredService<Seeder>().SeedAsync();
        var result = await services.GetRequiredService<Invitations>().CreateOrganizerAsync(email, name, password);
        if (!result.Succeeded)
        {
            await output.WriteLineAsync("error: " + string.Join("; ", result.Errors));
            return 1;
        }

        // The site is not running here to deliver the outbox: the invitation goes now (or, if the
        // mail server refuses it, when the site next runs).
        await services.GetRequiredService<Infrastructure.Mail.MailDelivery>().DeliverDueAsync(CancellationToken.None);

        await output.WriteLineAsync(result.Link is null
            ? $"Organizer {email} created; sign in with the password given."
            : $"Organizer {email} invited. Open this link to set the password (also mailed):\n{result.Link}");
        return 0;
    }
}
