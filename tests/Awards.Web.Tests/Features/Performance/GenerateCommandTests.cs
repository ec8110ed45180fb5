using System.Security.Cryptography;
using System.Text;
using Awards.Web.Cli;
using Microsoft.Data.Sqlite;

namespace Awards.Web.Tests.Features.Performance;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "awards-generate-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task GenerateCity_FillsAFreshDatabase_AndTheSameSeedGivesTheSameContest()
    {
        var (code, output) = await RunAsync(["generate", "city", "--seed", "11", .. Settings("first")]);
        Assert.Equal(0, code);
        Assert.Contains("200 nominations, 2000 essays", output, StringComparison.Ordinal);

        // What was written is in the database file, not left in a write-ahead log as large as the
        // data for the site's first writer to fold in (its connections are still in the pool here).
        var wal = new FileInfo(Path.Combine(_root, "first.db-wal"));
        Assert.True(!wal.Exists || wal.Length == 0, $"the WAL holds {wal.Length} bytes after generate");

        Assert.Equal(200, Scalar("first", "SELECT COUNT(*) FROM Entries e JOIN Tracks t ON t.Id = e.TrackId WHERE t.Kind = 'Nomination' AND e.Status = 'Accepted'"));
        Assert.Equal(2_000, Scalar("first", "SELECT COUNT(*) FROM Entries e JOIN Tracks t ON t.Id = e.TrackId WHERE t.Kind = 'Essay' AND e.Status = 'Submitted'"));
        Assert.Equal(60, Scalar("first", "SELECT COUNT(*) FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE r.Name = 'Judge'"));
        Assert.Equal(0, Scalar("first", "SELECT COUNT(*) FROM Entries WHERE JudgeBody IS NULL"));

        // Every entry has its round's k judges (3 for the preliminary rounds), each with a submitted score.
        Assert.Equal(0, Scalar("first", "SELECT COUNT(*) FROM Assignments a LEFT JOIN Scores s ON s.AssignmentId = a.Id WHERE s.Status IS NOT 'Submitted'"));
        Assert.Equal(2_000 * 3, Scalar("first", "SELECT COUNT(*) FROM Assignments a JOIN Entries e ON e.Id = a.EntryId JOIN Tracks t ON t.Id = e.TrackId WHERE t.Kind = 'Essay'"));
        Assert.Equal(85, Scalar("first", "SELECT COUNT(*) FROM Placements p JOIN TrackResults r ON r.Id = p.TrackResultId WHERE r.Stage = 'Notice' AND p.LevelRank IS NOT NULL"));

        var (again, _) = await RunAsync(["generate", "city", "--seed", "11", .. Settings("second")]);
        Assert.Equal(0, again);
        Assert.Equal(Digest("first"), Digest("second"));
    }

    [Fact]
    public async Task Generate_OnADatabaseThatHoldsAContest_RefusesAndChangesNothing()
    {
        Assert.Equal(0, (await RunAsync(["seed", .. Settings("seeded")])).Code);
        var entries = Scalar("seeded", "SELECT COUNT(*) FROM Entries");

        var (code, output) = await RunAsync(["generate", "city", .. Settings("seeded")]);

        Assert.Equal(1, code);
        Assert.Contains("already holds a contest", output, StringComparison.Ordinal);
        Assert.Equal(entries, Scalar("seeded", "SELECT COUNT(*) FROM Entries"));
    }

    [Fact]
    public async Task Generate_InProductionMode_Refuses_SinceItsAccountsShareAPublishedPassword()
    {
        var (code, output) = await RunAsync(["generate", "town", .. Settings("production", "Production")]);

        Assert.Equal(1, code);
        Assert.Contains("demo mode only", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        var code = await CommandLine.RunAsync(args, output, new StringReader(string.Empty));
        return (code, output.ToString());
    }

    private string[] Settings(string name, string mode = "Demo") =>
    [
        $"--Awards:DatabasePath={Path.Combine(_root, name + ".db")}",
        $"--Awards:KeysPath={Path.Combine(_root, "keys")}",
        $"--Mail:PickupDirectory={Path.Combine(_root, "mail")}",
        $"--Awards:Mode={mode}",
    ];

    private long Scalar(string name, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, name + ".db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>A hash of what a seed decides: entry codes, texts, assignments with their queue order, score values, placements.</summary>
    private string Digest(string name)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_root, name + ".db")};Pooling=False");
        connection.Open();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var sql in new[]
        {
            "SELECT Code, Title, Body, UnitId, OwnerUserId FROM Entries ORDER BY Id",
            "SELECT e.Code, u.Email, a.QueueKey, s.\"Values\", s.Total FROM Assignments a JOIN Entries e ON e.Id = a.EntryId JOIN AspNetUsers u ON u.Id = a.JudgeUserId JOIN Scores s ON s.AssignmentId = a.Id ORDER BY a.Id",
            "SELECT e.Code, p.Place, p.LevelRank FROM Placements p JOIN Entries e ON e.Id = p.EntryId ORDER BY p.Position",
            "SELECT Email, DisplayName, UnitId FROM AspNetUsers ORDER BY Id",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    hash.AppendData(Encoding.UTF8.GetBytes((reader.IsDBNull(i) ? "∅" : reader.GetValue(i).ToString()) + "\u001f"));
                }
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
