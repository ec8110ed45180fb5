using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Awards.Web.Data;

/// <summary>
/// The site's writers take turns in the process before they reach SQLite's lock (ADR 0001).
/// SQLite lets one writer in at a time; the others poll, every millisecond (SqliteBusyWait), each
/// on a blocked thread. Under load that is a convoy: the lock is free most of each millisecond
/// while its waiters sleep, and 32 judges saving at once held 32 threads. Here a waiting writer
/// awaits a semaphore instead, holding no thread, and gets the turn the moment the last writer
/// is done. One gate per database file. A writer that has waited the busy timeout goes on
/// without its turn and meets SQLite's lock as before, so a writer that somehow waits on itself
/// fails as it did, with "database is locked", instead of hanging. Other processes (the CLI)
/// are not in the gate; SQLite's lock still orders them.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    public static async Task<Turn> EnterAsync(DbContext db, CancellationToken cancellationToken)
    {
        var gate = For(db);
        return new Turn(await gate.WaitAsync(SqliteBusyWait.TimeoutMilliseconds, cancellationToken) ? gate : null);
    }

    public static Turn Enter(DbContext db)
    {
        var gate = For(db);
        return new Turn(gate.Wait(SqliteBusyWait.TimeoutMilliseconds) ? gate : null);
    }

    private static SemaphoreSlim For(DbContext db) =>
        Gates.GetOrAdd(db.Database.GetDbConnection().DataSource ?? string.Empty, _ => new SemaphoreSlim(1, 1));

    /// <summary>A writer's turn; disposing it lets the next writer in.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
