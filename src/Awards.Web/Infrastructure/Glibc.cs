using System.Runtime.InteropServices;

namespace Awards.Web.Infrastructure;

/// <summary>
/// glibc's malloc tuning, for <see cref="MallocArenas"/> and <see cref="MallocTrim"/>. Elsewhere
/// than on glibc (musl has no libc.so.6) a call throws <see cref="DllNotFoundException"/> or
/// <see cref="EntryPointNotFoundException"/>, which <see cref="Missing"/> tells apart.
/// </summary>
internal static class Glibc
{
    /// <summary>Whether the exception says this is not glibc, so there is nothing to tune.</summary>
    public static bool Missing(Exception e) => e is DllNotFoundException or EntryPointNotFoundException;

    /// <summary><c>mallopt</c>: 1 on success.</summary>
    public static int Mallopt(int param, int value) => NativeMethods.Mallopt(param, value);

    /// <summary><c>malloc_trim</c>: 1 when memory was released.</summary>
    public static int MallocTrim(nuint pad) => NativeMethods.MallocTrim(pad);

    private static class NativeMethods
    {
        [DllImport("libc.so.6", EntryPoint = "mallopt", CallingConvention = CallingConvention.Cdecl)]
        public static extern int Mallopt(int param, int value);

        [DllImport("libc.so.6", EntryPoint = "malloc_trim", CallingConvention = CallingConvention.Cdecl)]
        public static extern int MallocTrim(nuint pad);
    }
}
