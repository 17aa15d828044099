using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Fcoe.Interop;

internal static unsafe partial class Libc
{
    /// <summary>send(2) of one whole Ethernet frame on a bound packet socket.</summary>
    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    internal static partial nint Send(int fd, byte* buffer, nuint length, int flags);
}
