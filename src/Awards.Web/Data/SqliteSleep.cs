using System.Runtime.InteropServices;

namespace Awards.Web.Data;

/// <summary>
/// SQLite's own short pauses, made as short as SQLite asks. The e_sqlite3 build that SQLitePCLRaw
/// 2.0.6 ships was compiled without usleep, so every sleep of its Unix VFS is rounded up to whole
/// seconds. Besides the busy timeout (see <see cref="SqliteBusyWait"/>), SQLite sleeps when a
/// reader starts its snapshot of a WAL database while writers and the checkpointer move the log
/// on under it: after five quick retries it pauses 1 µs, then a little longer each time. Each of
/// those pauses slept a whole second. Measured under the scoring POST's load (strace of the
/// site): the one-second sleeps came from <c>walTryBeginRead</c>, and the runs that had them were
/// the runs with a p99 of 0.7 to 1 s; when the sleeping reader was a writer starting its
/// transaction, every writer behind it waited that second too.
/// <para>
/// This registers, as the default VFS, a copy of the Unix VFS whose sleep waits the microseconds
/// asked for, rounded up to the millisecond, or yields the thread for less than one
/// (docs/decisions/0001-sqlite-durability.md). Everything else is the Unix VFS's own functions and
/// data. It must run before a connection opens; connections opened earlier keep the old VFS.
/// Windows' VFS sleeps in milliseconds already and is left alone.
/// </para>
/// </summary>
internal static class SqliteSleep
{
    public const string VfsName = "awards-unix";

    private const int SqliteOk = 0;

    // Kept in a static field: SQLite holds the function pointer for the life of the process.
    private static readonly SleepCallback Callback = Sleep;

    // Tried once per process, before the first connection opens.
    private static readonly Lazy<bool> Installation = new(TryInstall);

    private static long _sleeps;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int SleepCallback(IntPtr vfs, int microseconds);

    /// <summary>Whether this process's default VFS is the millisecond one.</summary>
    public static bool Installed => Installation.IsValueCreated && Installation.Value;

    /// <summary>How many times SQLite has paused through this VFS in this process.</summary>
    public static long Sleeps => Interlocked.Read(ref _sleeps);

    /// <summary>Installs the VFS once per process; true when it is (or already was) the default.</summary>
    public static bool EnsureInstalled() => Installation.Value;

    private static bool TryInstall()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        try
        {
            var unix = NativeMethods.VfsFind(IntPtr.Zero);
            if (unix == IntPtr.Zero)
            {
                return false;
            }

            var vfs = Marshal.PtrToStructure<Vfs>(unix);
            if (vfs.Version != 3)
            {
                // The layout below is version 3's, the Unix VFS's since SQLite 3.7.6.
                return false;
            }

            vfs.Next = IntPtr.Zero;
            vfs.Name = Marshal.StringToCoTaskMemUTF8(VfsName);
            vfs.Sleep = Marshal.GetFunctionPointerForDelegate(Callback);
            var copy = Marshal.AllocHGlobal(Marshal.SizeOf<Vfs>());
            Marshal.StructureToPtr(vfs, copy, fDeleteOld: false);
            return NativeMethods.VfsRegister(copy, makeDefault: 1) == SqliteOk;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // SQLite calls this on the thread that is stepping a statement; it returns the time asked for.
    private static int Sleep(IntPtr vfs, int microseconds)
    {
        Interlocked.Increment(ref _sleeps);
        Thread.Sleep(microseconds < 1_000 ? 0 : (microseconds + 999) / 1_000);
        return microseconds;
    }

    // struct sqlite3_vfs, version 3 (sqlite3.h).
    [StructLayout(LayoutKind.Sequential)]
    private struct Vfs
    {
        public int Version;
        public int FileSize;
        public int MaxPathname;
        public IntPtr Next;
        public IntPtr Name;
        public IntPtr AppData;
        public IntPtr Open;
        public IntPtr Delete;
        public IntPtr Access;
        public IntPtr FullPathname;
        public IntPtr DlOpen;
        public IntPtr DlError;
        public IntPtr DlSym;
        public IntPtr DlClose;
        public IntPtr Randomness;
        public IntPtr Sleep;
        public IntPtr CurrentTime;
        public IntPtr GetLastError;
        public IntPtr CurrentTimeInt64;
        public IntPtr SetSystemCall;
        public IntPtr GetSystemCall;
        public IntPtr NextSystemCall;
    }

    private static class NativeMethods
    {
        [DllImport("e_sqlite3", EntryPoint = "sqlite3_vfs_find", CallingConvention = CallingConvention.Cdecl)]
        public static extern IntPtr VfsFind(IntPtr name);

        [DllImport("e_sqlite3", EntryPoint = "sqlite3_vfs_register", CallingConvention = CallingConvention.Cdecl)]
        public static extern int VfsRegister(IntPtr vfs, int makeDefault);
    }
}
