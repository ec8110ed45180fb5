using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Awards.Web.Data;

/// <summary>
/// Inserts many new rows of one entity type inside the caller's transaction with one prepared
/// statement. EF 6 writes each added entity with a command of its own, prepared again every time:
/// assigning a province's 30,000 judge-entry pairs held SQLite's write lock (and every judge's
/// save) for about three seconds. The columns and their conversions come from the EF model, so a
/// column added to the entity is written too; the entities are not tracked and get no ids back.
/// </summary>
internal static class BulkInsert
{
    public static async Task<int> RunAsync<T>(AwardsDbContext db, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.ValueGenerated != ValueGenerated.OnAdd).ToList();
        if (columns.Any(p => p.IsShadowProperty()) || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
        {
            throw new InvalidOperationException($"{typeof(T).Name} has shadow or owned properties, which a bulk insert does not write.");
        }

        if (db.Database.CurrentTransaction?.GetDbTransaction() is not SqliteTransaction transaction)
        {
            throw new InvalidOperationException("A bulk insert runs inside the caller's transaction (ImmediateTransaction).");
        }

        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName(table)}\""))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
        var parameters = columns.Select((_, i) => command.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToList();
        var getters = columns.Select(c => (Get: c.GetGetter(), Converter: c.GetTypeMapping().Converter)).ToList();
        var count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                var value = getters[i].Get.GetClrValue(row);
                if (value is not null && getters[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }

                parameters[i].Value = value ?? DBNull.Value;
            }

            try
            {
                // The same command each time: Microsoft.Data.Sqlite keeps its prepared statement.
                count += await command.ExecuteNonQueryAsync(cancellationToken);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                // As EF reports it, so that ImmediateTransaction retries a unique collision (a
                // placement's random verification code) as it did when EF wrote these rows.
                throw new DbUpdateException($"A new {typeof(T).Name} row broke a constraint.", ex);
            }
        }

        return count;
    }
}
