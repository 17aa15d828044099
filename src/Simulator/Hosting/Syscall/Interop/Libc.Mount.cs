using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    internal const ulong MsRdonly = 1, MsBind = 4096, MsRec = 16384, MsPrivate = 1 << 18;

    [LibraryImport("libc", EntryPoint = "mount", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Mount(string? source, string target, string? fileSystemType, ulong flags, nint data);
}
