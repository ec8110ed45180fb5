using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace Awards.Web.Data;

/// <summary>
/// How a connection waits for another writer's lock. The e_sqlite3 build that SQLitePCLRaw 2.0.6
/// ships was compiled without usleep, so <c>PRAGMA busy_timeout</c> sleeps in whole seconds: a
/// writer blocked by a lock held for 2 ms waited 1,000 ms (measured; Microsoft.Data.Sqlite's own
/// retry waits 150 ms). Scores and submissions are many short writes, so every collision cost a
/// second. This handler polls every millisecond instead, for the same 10 s in all (ADR 0001).
/// SQLitePCLRaw 2.0.6 does not expose sqlite3_busy_handler, so it is called in the same native
/// library directly; where that fails the connection keeps busy_timeout.
/// </summary>
internal static partial class SqliteBusyWait
{
    public const int TimeoutMilliseconds = 10_000;

    public const string FallbackPragma = "PRAGMA busy_timeout = 10000;";

    // Kept in a static field: the native library holds the function pointer for the connection's lifetime.
    private static readonly BusyCallback Callback = OnBusy;

    private static long _waits;

    [ThreadStatic]
    private static long _waitStarted;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int BusyCallback(IntPtr argument, int count);

    /// <summary>How many times a connection of this process has waited for another's lock.</summary>
    public static long Waits => Interlocked.Read(ref _waits);

    /// <summary>Installs the handler; false when the native call is not available here.</summary>
    public static bool TryInstall(SqliteConnection connection)
    {
        try
        {
            return connection.Handle is { } handle && NativeMethods.BusyHandler(handle.DangerousGetHandle(), Callback, IntPtr.Zero) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // SQLite calls this on the thread that is stepping the statement, with count 0 at the start of
    // each wait; non-zero means "try again".
    private static int OnBusy(IntPtr argument, int count)
    {
        if (count == 0)
        {
            _waitStarted = Stopwatch.GetTimestamp();
            Interlocked.Increment(ref _waits);
        }
        else if (Stopwatch.GetElapsedTime(_waitStarted).TotalMilliseconds >= TimeoutMilliseconds)
        {
            return 0;
        }

        Thread.Sleep(1);
        return 1;
    }

    private static class NativeMethods
    {
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_busy_handler", CallingConvention = CallingConvention.Cdecl)]
        public static extern int BusyHandler(IntPtr database, BusyCallback callback, IntPtr argument);
    }
}
