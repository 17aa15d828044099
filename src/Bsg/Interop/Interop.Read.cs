using System.Runtime.InteropServices;

namespace BsgKit.Bsg.Interop;

internal static unsafe partial class Libc
{
    internal const int O_NOCTTY = 0x100;

    /// <summary>read(2). Returns the bytes read, 0 at end of file, -1 with the last P/Invoke error set.</summary>
    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nuint count);
}
