using System.Runtime.InteropServices;

namespace BsgKit.Bsg.Interop;

internal static unsafe partial class Libc
{
    /// <summary>ioctl(2) with a pointer argument. Returns -1 and sets the last P/Invoke error on failure.</summary>
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);
}
