using System.Collections.Concurrent;
using System.Data.Common;

namespace Awards.Web.Data;

/// <summary>
/// Writers of one database file take turns in the process before they ask SQLite for its write
/// lock (ADR 0001, docs/PERFORMANCE.md). SQLite has one writer at a time; a writer that finds the
/// lock taken waits in <see cref="SqliteBusyWait"/>, sleeping on its thread. With 32 judges saving
/// at once, those sleeps were a quarter of the scoring POST's sampled thread time: thread-pool
/// threads that no other request could use. Here the waiting writers await a semaphore instead,
/// holding no thread.
/// The turn covers exactly the time the writer holds SQLite's lock (one <c>SaveChanges</c>, or one
/// <see cref="ImmediateTransaction"/>), so it adds no wait that the lock did not already impose;
/// another process (the CLI) still meets the busy handler. A writer that has waited as long as the
/// busy handler would goes on without its turn and lets SQLite decide, as before.
/// </summary>
internal static class WriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>Waits for the database's turn; dispose the result to pass the turn on.</summary>
    public static async ValueTask<Turn> EnterAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var gate = For(connection);
        return await gate.WaitAsync(SqliteBusyWait.TimeoutMilliseconds, cancellationToken) ? new Turn(gate) : default;
    }

    /// <summary>The synchronous <see cref="EnterAsync"/>, for the synchronous <c>SaveChanges</c>.</summary>
    public static Turn Enter(DbConnection connection) =>
        For(connection) is var gate && gate.Wait(SqliteBusyWait.TimeoutMilliseconds) ? new Turn(gate) : default;

    private static SemaphoreSlim For(DbConnection connection) =>
        Gates.GetOrAdd(connection.DataSource, static _ => new SemaphoreSlim(1, 1));

    /// <summary>A writer's turn; the default one (the wait timed out) passes nothing on.</summary>
    public readonly struct Turn(SemaphoreSlim? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
