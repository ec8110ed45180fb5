using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data;

/// <summary>
/// Check-then-write under SQLite's single writer (SECURITY.md §5, ADR 0001). The work runs
/// inside <c>BEGIN IMMEDIATE</c>, so the counts it reads cannot change before it writes: a
/// second writer waits for its turn (<see cref="WriteGate"/>) and SQLite's lock instead of
/// failing with "database is locked" when its deferred read lock would have to be upgraded.
/// Unique indexes stay as the backstop; a violation of one is retried a bounded number of times
/// with a fresh change tracker, so the work must load what it changes.
/// </summary>
public static class ImmediateTransaction
{
    private const int Attempts = 3;

    public static Task<T> RunAsync<T>(AwardsDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default) =>
        RunAsync(db, work, retry: true, cancellationToken);

    /// <summary>
    /// <see cref="RunAsync{T}(AwardsDbContext, Func{CancellationToken, Task{T}}, CancellationToken)"/>
    /// without the retry: a unique violation reaches the caller. For a check under the lock in front
    /// of changes that were made before the transaction began.
    /// </summary>
    public static Task<T> RunOnceAsync<T>(AwardsDbContext db, Func<CancellationToken, Task<T>> check, CancellationToken cancellationToken = default) =>
        RunAsync(db, check, retry: false, cancellationToken);

    private static async Task<T> RunAsync<T>(AwardsDbContext db, Func<CancellationToken, Task<T>> work, bool retry, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            using var turn = await WriteGate.EnterAsync(connection, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var transaction = connection.BeginTransaction(deferred: false);
                await db.Database.UseTransactionAsync(transaction, cancellationToken);
                var result = await work(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException ex) when (retry && attempt < Attempts && IsUniqueViolation(ex))
            {
                db.ChangeTracker.Clear();
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, cancellationToken);
                await db.Database.CloseConnectionAsync();
                Infrastructure.RowChanges.TransactionEnded(db);
            }
        }
    }

    public static bool IsUniqueViolation(DbUpdateException exception) =>
        exception.InnerException is SqliteException { SqliteErrorCode: 19 };
}
