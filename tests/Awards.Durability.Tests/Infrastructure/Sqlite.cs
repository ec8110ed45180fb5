using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Awards.Durability.Tests.Infrastructure;

/// <summary>Looks into a database file directly, as an operator would with sqlite3.</summary>
public static class Sqlite
{
    public static List<string> Rows(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : reader.GetValue(i) switch
            {
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
                var value => value.ToString(),
            })));
        }

        return rows;
    }

    /// <summary>Makes a database file of its own, e.g. one that is SQLite but not Awards.</summary>
    public static void Create(string database, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public static string IntegrityCheck(string database) => string.Join("; ", Rows(database, "PRAGMA integrity_check;"));

    /// <summary>Every row of every table, sorted (the full-text index has tables without rowids): equal dumps, the same data.</summary>
    public static SortedDictionary<string, List<string>> Dump(string database)
    {
        var dump = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in Rows(database, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';"))
        {
            dump[table] = [.. Rows(database, $"SELECT * FROM \"{table}\";").Order(StringComparer.Ordinal)];
        }

        return dump;
    }
}
