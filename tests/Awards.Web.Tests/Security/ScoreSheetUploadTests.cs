using System.IO.Compression;
using System.Net;
using Awards.Web.Features.Judging;
using Awards.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Awards.Web.Tests.Security;

/// <summary>
/// ASVS 12.1.x (SECURITY.md §4) for the third upload endpoint: an organizer's score sheet. Hostile
/// or broken files get a message in Chinese on the import page, and not one score is stored.
/// </summary>
public sealed class ScoreSheetUploadTests(AwardsFactory factory) : IClassFixture<AwardsFactory>
{
    // A List, not an array: EF Core 6 cannot translate Contains over a span.
    private static readonly List<string> Panel = ["judge.huang@demo.example", "judge.lin@demo.example", "judge.gao@demo.example"];

    private const string NotASheet = "该文件不是评分表，请另存为 Excel 工作簿（.xlsx）或 CSV 后重新上传。";
    private const string Damaged = "Excel 工作簿已损坏，无法读取。";

    public static TheoryData<string, string, string> Cases() => new()
    {
        // 200 MB of one part in a 200 KB zip, without a workbook: refused before anything is inflated.
        { "bomb", "scores.xlsx", NotASheet },
        { "entries", "scores.xlsx", "Excel 工作簿解压后过大。" },
        { "corrupt", "scores.xlsx", Damaged },
        { "exe", "scores.xlsx", Damaged },
        { "exe", "scores.csv", NotASheet },
        { "oversize", "scores.csv", "文件超过 5 MB" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileSheet_GetsAClearMessage_AndNoScoreIsStored(string kind, string fileName, string message)
    {
        var round = await RoundWithAssignmentsAsync();
        var organizer = await Nominating.SignedInAsync(factory, "organizer@demo.example");

        using var response = await organizer.UploadAsync($"/organizer/judging/{round}/import", $"/organizer/judging/{round}/import", fileName, File(kind));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Equal(0, factory.WithDb(db => db.Scores.Count(s => s.Assignment.RoundId == round)));
    }

    private async Task<int> RoundWithAssignmentsAsync()
    {
        var round = factory.WithDb(db => db.Rounds.Single(r => r.Sequence == 1 && db.Tracks.Any(t => t.Id == r.TrackId && t.Code == "help-story")).Id);
        if (factory.WithDb(db => db.Assignments.Any(a => a.RoundId == round)))
        {
            return round;
        }

        var judgeIds = factory.WithDb(db => db.Users.Where(u => Panel.Contains(u.Email!)).Select(u => u.Id).ToList());
        using var scope = factory.Services.CreateScope();
        var setup = scope.ServiceProvider.GetRequiredService<JudgingSetup>();
        await setup.SetPanelAsync(round, judgeIds, default);
        await setup.ApplyAsync(round, seed: 3, default);
        return round;
    }

    private static byte[] File(string kind) => kind switch
    {
        "bomb" => Zip(zip => Fill(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize), 200 * 1024 * 1024, 0)),
        "entries" => Zip(zip =>
        {
            for (var i = 0; i < 1001; i++)
            {
                Fill(zip.CreateEntry($"xl/media/p{i}.xml"), 1, (byte)'x');
            }
        }),
        "corrupt" => [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Repeat((byte)0xA5, 4000)],
        "exe" => [0x4D, 0x5A, 0x90, 0x00, .. Enumerable.Repeat((byte)0x00, 4000)],
        "oversize" => new byte[9 * 1024 * 1024],
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static byte[] Zip(Action<ZipArchive> fill)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            fill(zip);
        }

        return buffer.ToArray();
    }

    private static void Fill(ZipArchiveEntry entry, int bytes, byte value)
    {
        using var stream = entry.Open();
        var chunk = Enumerable.Repeat(value, 64 * 1024).ToArray();
        for (var written = 0; written < bytes; written += chunk.Length)
        {
            stream.Write(chunk, 0, Math.Min(chunk.Length, bytes - written));
        }
    }
}
