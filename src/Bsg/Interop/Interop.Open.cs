using System.Runtime.InteropServices;

namespace BsgKit.Bsg.Interop;

internal static partial class Libc
{
    internal const int O_RDONLY = 0, O_RDWR = 2, O_CLOEXEC = 0x80000, O_NONBLOCK = 0x800;

    /// <summary>open(2). Our own entry point (not File.OpenHandle) so the errno reaches the error message intact.</summary>
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags, int mode);
}
