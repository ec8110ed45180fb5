using System.Globalization;
using Awards.Web.Data;
using Awards.Web.Data.Seed;
using Awards.Web.Features.NextEdition;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Cli;

/// <summary>
/// <c>next-edition --out FOLDER [--year N]</c>: next year's contest starts from this year's
/// settings (<see cref="SeedWriter"/>), as seed files (<see cref="NextEditionFiles"/>, as the organizer's page makes them) that <c>seed</c> loads into a new database
/// (<c>--Awards:SeedPath=FOLDER</c>). This year's database stays as it is, the record of its results.
/// </summary>
internal static class NextEditionCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var folder = Path.GetFullPath(arguments.Required("--out"));
        var db = services.GetRequiredService<AwardsDbContext>();
        var contest = await services.GetRequiredService<SiteContext>().CurrentContestAsync(CancellationToken.None);
        if (contest is null)
        {
            await output.WriteLineAsync($"error: {db.Database.GetDbConnection().DataSource} holds no contest to start the next edition from.");
            return 1;
        }

        var year = arguments.Value("--year") is not { } text ? contest.Year + 1
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && NextEditionFiles.IsYearAfter(contest.Year, number) ? number
            : throw new ArgumentException($"--year must be a year after {contest.Year}, not '{text}'");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await output.WriteLineAsync($"error: {folder} is not empty; name a new folder, so that no seed files are overwritten.");
            return 1;
        }

        var package = await services.GetRequiredService<NextEditionFiles>().BuildAsync(contest, year, CancellationToken.None);
        Directory.CreateDirectory(folder);
        foreach (var file in package.Files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, file.Name), file.Content);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote the {year} edition's seed files to {folder}: {package.Units} units, {contest.Tracks.Count} awards and themes, every date {year - contest.Year} year(s) later."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"certificates.json carries {package.Certificates} certificates of this and earlier editions, so that their codes still check out on the new edition's site."));
        await output.WriteLineAsync("Check the contest's name, the rules and the dates in contest.json and the rules files, then start the new edition on a new database:");
        await output.WriteLineAsync($"  dotnet run --project src/Awards.Web -- seed --Awards:Mode=Production --Awards:SeedPath={folder} --Awards:DatabasePath=NEW.db");
        await output.WriteLineAsync("and run the site on NEW.db with the same options. Accounts are not carried over: create the organizer again (create-organizer);");
        await output.WriteLineAsync($"{NextEditionFiles.InvitationsFile} lists this year's unit coordinators, judges and leading group members, for the organizer to paste at /organizer/users/invite-many.");
        return 0;
    }
}
