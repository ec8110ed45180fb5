using System.Net;
using System.Security.Cryptography;
using Awards.Durability.Tests.Infrastructure;
using Awards.Web.Data.Backups;
using Xunit.Abstractions;

namespace Awards.Durability.Tests;

/// <summary>ADR 0008: <c>backup</c> on the live site, <c>restore</c> into a stopped one.</summary>
public sealed class BackupRestoreTests(ITestOutputHelper log)
{
    /// <summary>A 1×1 PNG: an uploaded supporting file, which lives in the database.</summary>
    private static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
        0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
        0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
        0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
        0x42, 0x60, 0x82,
    ];

    [Fact]
    public async Task ABackupTakenWhileTheSiteWrites_RestoresIntoTheStoppedSite_WithTheSameData()
    {
        using var folder = new TestFolder();
        var backup = folder.PathOf("backup.db");
        string nomination;
        List<(string Author, string Code, string Title)> beforeBackup, afterBackup;
        await using (var site = await ServerProcess.StartAsync(folder))
        {
            using (var coordinator = await SiteClient.SignedInAsync(site.Address, "coordinator.qingshan@demo.example"))
            {
                nomination = await NominationWithAFileAsync(coordinator);
            }

            await using var writers = await DraftWriters.StartAsync(site.Address, "author.zhang@demo.example", "author.li@demo.example", "author.wu@demo.example");
            await writers.UntilAsync(10);
            beforeBackup = writers.Acknowledged;
            var (backedUp, output) = await Cli.RunAsync(folder, "", "backup", "--out", backup);
            log.WriteLine(output);
            Assert.Equal(0, backedUp);
            var sentAtBackupEnd = writers.Sent;
            await writers.UntilAsync(writers.Count + 10);

            // The operator forgets to stop the site first.
            var (refused, refusal) = await Cli.RunAsync(folder, "", "restore", backup, "--yes");
            Assert.Equal(1, refused);
            Assert.Contains("is running", refusal, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder.Root, "awards.db.before-restore-*"));
            Assert.False(File.Exists(folder.DatabasePath + ".restoring"));

            await writers.StopAsync();
            afterBackup = writers.AcknowledgedSentAfter(sentAtBackupEnd);
            Assert.NotEmpty(afterBackup);
            await site.StopAsync();
        }

        var backupCodes = Sqlite.Rows(backup, "SELECT Code FROM Entries;");
        Assert.All(beforeBackup, w => Assert.Contains(w.Code, backupCodes));
        var current = Sqlite.Dump(folder.DatabasePath);
        Assert.All(afterBackup, w => Assert.Contains(current["Entries"], row => row.Contains(w.Code, StringComparison.Ordinal)));

        var (restored, restoreOutput) = await Cli.RunAsync(folder, "", "restore", backup, "--yes");
        log.WriteLine(restoreOutput);
        Assert.Equal(0, restored);
        Assert.Equal(Sqlite.Dump(backup), Sqlite.Dump(folder.DatabasePath));
        Assert.Equal("ok", Sqlite.IntegrityCheck(folder.DatabasePath));
        var aside = Assert.Single(Directory.GetFiles(folder.Root, "awards.db.before-restore-*"));
        Assert.Equal(current, Sqlite.Dump(aside));

        // The site starts on the restored database: what was saved before the backup is there, later drafts are not.
        await using var again = await ServerProcess.StartAsync(folder);
        using var author = await SiteClient.SignedInAsync(again.Address, "author.zhang@demo.example");
        foreach (var (_, code, title) in beforeBackup.Where(w => w.Author == "author.zhang@demo.example"))
        {
            Assert.Contains(title, await author.GetStringAsync($"/essays/{code}"), StringComparison.Ordinal);
        }

        foreach (var (_, code, _) in afterBackup.Where(w => w.Author == "author.zhang@demo.example"))
        {
            using var gone = await author.Http.GetAsync($"/essays/{code}");
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        }

        using var coordinatorAgain = await SiteClient.SignedInAsync(again.Address, "coordinator.qingshan@demo.example");
        var token = Assert.Single(Sqlite.Rows(folder.DatabasePath, $"SELECT a.Token FROM Attachments a JOIN Entries e ON e.Id = a.EntryId WHERE e.Code = '{nomination}';"));
        Assert.Equal(Png, await coordinatorAgain.Http.GetByteArrayAsync($"/nominations/{nomination}/attachments/{token}"));
    }

    [Fact]
    public async Task Restore_RefusesWhatIsNotAnIntactAwardsBackup_OrIsNotConfirmed_AndChangesNothing()
    {
        using var folder = new TestFolder();
        Assert.Equal(0, (await Cli.RunAsync(folder, "", "seed")).Code);
        var good = folder.PathOf("good.db");
        Assert.Equal(0, (await Cli.RunAsync(folder, "", "backup", "--out", good)).Code);
        var bytes = await File.ReadAllBytesAsync(good);

        var notes = folder.PathOf("notes.txt");
        await File.WriteAllTextAsync(notes, "这不是备份");
        var truncated = folder.PathOf("truncated.db");
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var damaged = folder.PathOf("damaged.db");
        var broken = bytes.ToArray();
        Array.Fill(broken, (byte)0x55, bytes.Length / 4, bytes.Length / 4);
        await File.WriteAllBytesAsync(damaged, broken);
        var foreign = folder.PathOf("foreign.db");
        Sqlite.Create(foreign, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var before = Fingerprint(folder);
        foreach (var (file, answer, expected) in new[]
        {
            (notes, "", new[] { "is not an SQLite database" }),
            (truncated, "", ["is damaged", "integrity check"]),
            (damaged, "", ["is damaged", "integrity check"]),
            (foreign, "", ["not an Awards backup"]),
            (good, "no\n", ["Not restored"]),
        })
        {
            var args = answer.Length == 0 ? new[] { "restore", file, "--yes" } : ["restore", file];
            var (code, output) = await Cli.RunAsync(folder, answer, args);
            log.WriteLine(output);
            Assert.Equal(1, code);
            Assert.Contains(expected, reason => output.Contains(reason, StringComparison.Ordinal));
            Assert.Contains("Nothing was changed", output, StringComparison.Ordinal);
            Assert.Equal(before, Fingerprint(folder));
        }
    }

    [Fact]
    public async Task Restore_RunFromAScriptWithoutYes_RefusesRatherThanGuessAnAnswer()
    {
        using var folder = new TestFolder();
        var backup = folder.PathOf("backup.db");
        Sqlite.Create(backup, "CREATE TABLE notes (text TEXT);");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ServerProcess.SiteDll, "restore", backup }.Concat(folder.Settings))
        {
            start.ArgumentList.Add(arg);
        }

        using var restore = System.Diagnostics.Process.Start(start)!;
        restore.StandardInput.Close();
        var output = await restore.StandardOutput.ReadToEndAsync();
        await restore.WaitForExitAsync();

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("pass --yes", output, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DatabasePath));
    }

    [Fact]
    public async Task TheSite_RefusesToStart_WhileARestoreHoldsTheDatabase()
    {
        using var folder = new TestFolder();
        using var restoring = DatabaseLock.TryExclusive(folder.DatabasePath);
        Assert.NotNull(restoring);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(folder));

        Assert.Contains("A restore of", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DatabasePath), "the site made a database while a restore was under way");
    }

    private static async Task<string> NominationWithAFileAsync(SiteClient coordinator)
    {
        var fields = new Dictionary<string, string>
        {
            ["Form.Title"] = "扎根山村的带头人",
            ["Form.NomineeName"] = "李秀兰",
            ["Form.NomineeGender"] = "Female",
            ["Form.NomineeBirthYear"] = "1981",
            ["Form.NomineePosition"] = "青山县石桥镇副镇长",
            ["Form.NomineeContact"] = "0791-5550101",
            ["Form.Deeds"] = string.Concat(Enumerable.Repeat("她带领村民发展扶贫车间，建起电商服务站，带动三百户脱贫。", 33)),
            ["Form.Opinion"] = "同意推荐。",
        };
        using var created = await coordinator.PostFormAsync("/nominations/new/endeavor", "/nominations/new/endeavor", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var code = created.Headers.Location!.OriginalString["/nominations/".Length..];
        using var uploaded = await coordinator.UploadAsync($"/nominations/{code}", $"/nominations/{code}/attachments", "照片.png", Png);
        Assert.Equal($"/nominations/{code}", uploaded.Headers.Location?.OriginalString);
        return code;
    }

    /// <summary>The database's files and every file beside it, with their contents: equal fingerprints, nothing changed.</summary>
    private static string Fingerprint(TestFolder folder) => string.Join("\n", Directory.GetFiles(folder.Root, "awards.db*").Order(StringComparer.Ordinal)
        .Select(f => $"{Path.GetFileName(f)} {Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))}"));
}
