using Awards.Core.Identity;
using Awards.Web.Data;
using Awards.Web.Features.Exports;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Cli;

/// <summary>
/// <c>export KIND --out FILE [--proposed]</c>: the same files as the export page, for the final
/// results of the current contest (or the proposed ones). A judge packet needs
/// <c>--judge EMAIL --round ID</c>.
/// </summary>
internal static class ExportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, Arguments arguments, TextWriter output)
    {
        var kind = arguments.Positional ?? throw new ArgumentException($"name the export: {string.Join(", ", ExportKinds.ContestWide.Append(ExportKinds.JudgePacket))}");
        if (!ExportKinds.IsKnown(kind))
        {
            throw new ArgumentException($"there is no export '{kind}'; exports: {string.Join(", ", ExportKinds.ContestWide.Append(ExportKinds.JudgePacket))}");
        }

        var path = Path.GetFullPath(arguments.Required("--out"));
        if (Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
        {
            throw new ArgumentException($"the folder {folder} does not exist");
        }

        var db = services.GetRequiredService<AwardsDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        var runner = services.GetRequiredService<ExportRunner>();
        var temporary = path + ".part";
        string? name;
        try
        {
            name = await WriteAsync(db, runner, kind, arguments, temporary);
        }
        catch
        {
            // A refused export (nothing to export, an unknown judge) leaves no half-written file behind.
            File.Delete(temporary);
            throw;
        }

        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync($"Wrote {path} ({new FileInfo(path).Length / 1024} KB; the site would name it {name}).");
        return 0;
    }

    private static async Task<string?> WriteAsync(AwardsDbContext db, ExportRunner runner, string kind, Arguments arguments, string temporary)
    {
        string? name;
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            if (kind == ExportKinds.JudgePacket)
            {
                var email = arguments.Required("--judge").ToUpperInvariant();
                var round = int.TryParse(arguments.Required("--round"), out var id) ? id : throw new ArgumentException("--round must be a round's number id");
                var judge = await db.Users.Where(u => u.NormalizedEmail == email && db.UserRoles.Any(r => r.UserId == u.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Judge)))
                    .Select(u => (int?)u.Id).FirstOrDefaultAsync() ?? throw new ArgumentException($"no judge has the e-mail {email.ToLowerInvariant()}");
                name = await runner.WriteJudgePacketAsync(judge, round, file, CancellationToken.None) ?? throw new ArgumentException($"there is no round {round}");
            }
            else
            {
                name = await runner.WriteAsync(kind, arguments.Flag("--proposed"), file, null, CancellationToken.None);
            }
        }

        return name;
    }
}
