using System.Globalization;
using System.Text;
using System.Text.Json;
using Awards.Core.Common;
using Awards.Core.Contests;
using Awards.Web.Data;
using Awards.Web.Data.Seed;
using Awards.Web.Features.Verify;
using Awards.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Features.NextEdition;

/// <summary>One seed file of next year's package: its name and its text (UTF-8, no byte order mark).</summary>
public sealed record SeedFile(string Name, string Content);

/// <summary>A date of the new edition as its contest.json gives it.</summary>
public sealed record DatePreview(string Label, DateTime At);

/// <summary>An award or theme of the new edition: its name, prize levels with quotas, and rounds with their closing times.</summary>
public sealed record TrackPreview(BilingualText Name, IReadOnlyList<(BilingualText Name, int Quota)> Levels, IReadOnlyList<(BilingualText Name, DateTime ClosesAt)> Rounds);

/// <summary>
/// Next year's seed files and what they carry, read back from the files themselves, so that the
/// page shows what the download holds: the name, every date, the awards and themes, and the counts.
/// </summary>
public sealed record NextEditionPackage(
    int FromYear,
    int Year,
    BilingualText Name,
    IReadOnlyList<DatePreview> Dates,
    IReadOnlyList<TrackPreview> Tracks,
    int Units,
    IReadOnlyDictionary<string, int> InvitationsByRole,
    int Certificates,
    IReadOnlyList<SeedFile> Files);

/// <summary>
/// The one way next year's seed files are made, for the <c>next-edition</c> verb (which writes them
/// to a folder) and the organizer's page (which sends them as a .zip): the contest's settings
/// (<see cref="SeedWriter"/>), <c>invitations.txt</c> and <c>certificates.json</c>.
/// </summary>
public sealed class NextEditionFiles(AwardsDbContext db, SiteContext site, Certificates check)
{
    public const string InvitationsFile = "invitations.txt";

    public const string CertificatesFile = "certificates.json";

    /// <summary>The years the next edition may have: after this one, with four digits at most.</summary>
    public static bool IsYearAfter(int thisYear, int year) => year > thisYear && year < 10_000;

    /// <summary>The current contest, or null when the database holds none.</summary>
    public Task<ContestEdition?> ContestAsync(CancellationToken cancellationToken) => site.CurrentContestAsync(cancellationToken);

    /// <summary>The files of the edition of <paramref name="year"/> (a year after the contest's) from <paramref name="contest"/>'s settings.</summary>
    public async Task<NextEditionPackage> BuildAsync(ContestEdition contest, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contest);
        if (!IsYearAfter(contest.Year, year))
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, $"The next edition's year must come after {contest.Year}.");
        }

        var units = await db.Units.AsNoTracking().ToListAsync(cancellationToken);
        var written = SeedWriter.Write(contest, units, year);
        var (invitations, byRole) = await InvitationsAsync(cancellationToken);
        var certificates = await CertificatesAsync(cancellationToken);
        List<SeedFile> files =
        [
            .. written.Select(f => new SeedFile(f.Key, f.Value)),
            new(InvitationsFile, invitations),
            new(CertificatesFile, SeedWriter.Json(new Data.Seed.CertificatesFile(certificates))),
        ];

        var seed = JsonSerializer.Deserialize<ContestFile>(written["contest.json"], SeedJson.Options)!;
        var offset = SeedDate.ParseOffset(seed.TimeZone);
        DateTime At(string text) => SeedDate.Parse(text, site.UtcNow, offset);
        var s = seed.Schedule;
        var dates = new ContestSchedule(At(s.SubmissionOpensAt), At(s.SubmissionClosesAt), At(s.JudgingClosesAt), At(s.NoticeStartsAt), At(s.NoticeEndsAt))
            .Dates.Select(d => new DatePreview(d.Label, d.At)).ToList();
        var tracks = seed.Tracks.Select(t => new TrackPreview(
            t.Name,
            [.. t.AwardLevels.Select(l => (l.Name, l.Quota))],
            [.. t.Rounds.Select(r => (r.Name, At(r.ClosesAt)))])).ToList();
        return new NextEditionPackage(contest.Year, year, seed.Name, dates, tracks, units.Count, byRole, certificates.Count, files);
    }

    /// <summary>
    /// This edition's final prizes as their check page shows them, in Chinese and in English, and
    /// the certificates of the editions before that this database carries.
    /// </summary>
    private async Task<List<CertificateSeed>> CertificatesAsync(CancellationToken cancellationToken)
    {
        var list = (await db.ArchivedCertificates.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken))
            .Select(c => new CertificateSeed(c.Code, c.Winner, c.Unit, c.Award, c.Level, c.Contest, c.FinalizedAt)).ToList();
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            foreach (var code in await check.FinalCodesAsync(cancellationToken))
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.Chinese);
                var zh = await check.CurrentAsync(code, cancellationToken);
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(Cultures.English);
                if (zh is null || await check.CurrentAsync(code, cancellationToken) is not { } en)
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

    /// <summary>This year's coordinators, judges and leading group, one per line as the organizer's "invite several" page reads them, and how many of each role.</summary>
    private async Task<(string Text, IReadOnlyDictionary<string, int> ByRole)> InvitationsAsync(CancellationToken cancellationToken)
    {
        var rows = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles on u.Id equals ur.UserId
            join r in db.Roles on ur.RoleId equals r.Id
            where Core.Identity.Roles.Invited.Contains(r.Name!)
            orderby r.Name, u.Email
            select new { u.Email, u.DisplayName, Role = r.Name!, Unit = u.Unit == null ? null : u.Unit.Code, u.LeaderTrackIds, Off = u.DeactivatedAt != null }).ToListAsync(cancellationToken);
        // A leader's awards go by code, which next year's seed keeps (ADR 0018).
        var codes = await db.Tracks.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Code, cancellationToken);
        static string Field(string? value) => string.Join(' ', (value ?? string.Empty).Split([',', '，', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        string Line(string? email, string? name, string role, string? unit, IEnumerable<int> leaderTracks)
        {
            var awards = string.Join(' ', leaderTracks.Where(codes.ContainsKey).Select(id => codes[id]));
            return $"{Field(email)}, {Field(name)}, {role}, {unit}{(awards.Length > 0 ? ", " + awards : "")}";
        }

        var text = new StringBuilder()
            .AppendLine("# e-mail, name, role, unit (and a leading group member's awards, when not all): this edition's unit coordinators, judges and leading group members, to invite at /organizer/users/invite-many");
        foreach (var row in rows.Where(r => !r.Off))
        {
            text.AppendLine(Line(row.Email, row.DisplayName, row.Role, row.Unit, row.LeaderTrackIds));
        }

        // An account turned off this year is not invited again unasked: its line stays, commented
        // out, for the organizer to take back by removing the '#'.
        if (rows.Any(r => r.Off))
        {
            text.AppendLine("# turned off this year, not invited unless the '#' is removed:");
            foreach (var row in rows.Where(r => r.Off))
            {
                text.AppendLine("# " + Line(row.Email, row.DisplayName, row.Role, row.Unit, row.LeaderTrackIds));
            }
        }

        var byRole = Core.Identity.Roles.Invited.ToDictionary(role => role, role => rows.Count(r => r.Role == role && !r.Off), StringComparer.Ordinal);
        return (text.ToString(), byRole);
    }
}
