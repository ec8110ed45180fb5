using System.Globalization;
using Awards.Core.Identity;
using Awards.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Awards.Web.Features.NextEdition;

/// <summary>The page's one field, the new edition's year, as typed; empty means the year after this one.</summary>
public sealed record NextEditionForm
{
    public string? Year { get; set; }
}

/// <summary>The page: the year as typed, and what the files of that year carry (null while the year is refused).</summary>
public sealed record NextEditionPage(NextEditionForm Form, int ThisYear, NextEditionPackage? Package);

/// <summary>
/// Next year's seed files from the web, for an organizer without a shell: what they carry, and
/// their download as one .zip with the commands that start the new edition on a new database
/// (ADR 0021: the running site never switches its own database). The download holds e-mail
/// addresses, so it is a POST recorded in the audit log.
/// </summary>
[Authorize(Roles = Roles.Organizer)]
[Route("organizer/next-edition")]
public sealed class NextEditionController(NextEditionFiles files, AuditLog audit, Data.AwardsDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] NextEditionForm form, CancellationToken cancellationToken)
    {
        if (await files.ContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        var package = Year(form, contest.Year) is int year ? await files.BuildAsync(contest, year, cancellationToken) : null;
        return View(new NextEditionPage(form, contest.Year, package));
    }

    [HttpPost("download")]
    public async Task<IActionResult> Download(NextEditionForm form, CancellationToken cancellationToken)
    {
        if (await files.ContestAsync(cancellationToken) is not { } contest)
        {
            return View("NoContest");
        }

        if (Year(form, contest.Year) is not int year)
        {
            // Nothing is sent: the page again, with the reason under the year.
            return View(nameof(Index), new NextEditionPage(form, contest.Year, null));
        }

        var package = await files.BuildAsync(contest, year, cancellationToken);
        var zip = NextEditionZip.Write(package);
        audit.Record("DownloadNextEdition", "ContestEdition", contest.Year.ToString(CultureInfo.InvariantCulture), after: string.Create(CultureInfo.InvariantCulture,
            $"{year}: {package.Units} units, {package.Tracks.Count} awards and themes, {package.InvitationsByRole.Values.Sum()} people to invite, {package.Certificates} certificates"));
        await db.SaveChangesAsync(cancellationToken);
        return File(zip, "application/zip", l["Seed files of the {0} edition", year].Value + ".zip");
    }

    /// <summary>The year asked for (the next one when none is), or null with the reason under the field.</summary>
    private int? Year(NextEditionForm form, int thisYear)
    {
        var text = form.Year?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return thisYear + 1;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && NextEditionFiles.IsYearAfter(thisYear, year))
        {
            return year;
        }

        ModelState.AddModelError(nameof(form.Year), l["The new edition's year must be a year after {0}, before 10000.", thisYear]);
        return null;
    }
}
