using Awards.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Tests.Infrastructure;

/// <summary>One column of every row of a raw SQL statement, as text: for tests that check what SQLite stores or plans.</summary>
public static class SqlText
{
    public static List<string> Column(AwardsDbContext db, string sql, int column = 0)
    {
        db.Database.OpenConnection();
        using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(column), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return values;
    }
}
