using System.Globalization;
using Awards.Web.Data;
using Awards.Web.Data.Seed;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Cli;

/// <summary>
/// <c>next-edition --out FOLDER [--year N]</c>: next year's contest starts from this year's
/// settings (<see cref="SeedWriter"/>), as seed files that <c>seed</c> loads into a new database
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
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > contest.Year && number < 10_000 ? number
            : throw new ArgumentException($"--year must be a year after {contest.Year}, not '{text}'");
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            await output.WriteLineAsync($"error: {folder} is not empty; name a new folder, so that no seed files are overwritten.");
            return 1;
        }

        var units = await db.Units.AsNoTracking().ToListAsync();
        var files = SeedWriter.Write(contest, units, year);
        var invitations = await InvitationsAsync(db);
        var certificates = await CertificatesAsync(services, db);
        Directory.CreateDirectory(folder);
        foreach (var (name, content) in files)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, name), content);
        }

        await File.WriteAllTextAsync(Path.Combine(folder, InvitationsFile), invitations);
        await File.WriteAllTextAsync(Path.Combine(folder, "certificates.json"), SeedWriter.Json(new CertificatesFile(certificates)));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Wrote the {year} edition's seed files to {folder}: {units.Count} units, {contest.Tracks.Count} awards and themes, every date {year - contest.Year} year(s) later."));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"certificates.json carries {certificates.Count} certificates of this and earlier editions, so that their codes still check out on the new edition's site."));
        await output.WriteLineAsync("Check the contest's name, the rules and the dates in contest.json and the rules files, then start the new edition on a new database:");
        await output.WriteLineAsync($"  dotnet run --project src/Awards.Web -- seed --Awards:Mode=Production --Awards:SeedPath={folder} --Awards:DatabasePath=NEW.db");
        await output.WriteLineAsync("and run the site on NEW.db with the same options. Accounts are not carried over: create the organizer again (create-organizer);");
        await output.WriteLineAsync($"{InvitationsFile} lists this year's unit coordinators and judges, for the organizer to paste at /organizer/users/invite-many.");
        return 0;
    }

    private const string InvitationsFile = "invitations.txt";

    /// <summary>
    /// This edition's final prizes as their check page shows them, in Chinese and in English, and
    /// the certificates of the editions before that this database carries.
    /// </summary>
    private static async Task<List<CertificateSeed>> CertificatesAsync(IServiceProvider services, AwardsDbContext db)
    {
        var check = services.GetRequiredService<Features.Verify.Certificates>();
        var list = (await db.ArchivedCertificates.AsNoTracking().OrderBy(c => c.Code).ToListAsync())
            .Select(c => new CertificateSeed(c.Code, c.Winner, c.Unit, c.Award, c.Level, c.Contest, c.FinalizedAt)).ToList();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var code in await check.FinalCodesAsync(CancellationToken.None))
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Chinese);
                var zh = await check.CurrentAsync(code, CancellationToken.None);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.English);
                if (zh is null || await check.CurrentAsync(code, CancellationToken.None) is not { } en)
                {
                    // A prize of a track no longer in the edition: nothing to show for it.
                    continue;
                }

                list.Add(new CertificateSeed(code, new(zh.Winner, en.Winner), new(zh.Unit, en.Unit), new(zh.Award, en.Award), new(zh.Level, en.Level), new(zh.Contest, en.Contest), zh.FinalizedAt));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }

        return list;
    }

    /// <summary>This year's coordinators and judges, one per line as the organizer's "invite several" page reads them.</summary>
    private static async Task<string> InvitationsAsync(AwardsDbContext db)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where Core.Identity.Roles.Invited.Contains(r.Name!)
            orderby r.Name, u.Email
            select new { u.Email, u.DisplayName, Role = r.Name!, Unit = u.Unit == null ? null : u.Unit.Code }).ToListAsync();
        static string Field(string? value) => string.Join(' ', (value ?? string.Empty).Split([',', '，', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var text = new System.Text.StringBuilder()
            .AppendLine("# e-mail, name, role, unit: this edition's unit coordinators and judges, to invite at /organizer/users/invite-many");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{Field(row.Email)}, {Field(row.DisplayName)}, {row.Role}, {row.Unit}");
        }

        return text.ToString();
    }
}
