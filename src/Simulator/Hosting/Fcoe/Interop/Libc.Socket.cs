using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Fcoe.Interop;

internal static partial class Libc
{
    internal const int AfPacket = 17, SockRaw = 3, SockCloexec = 0x80000, SockNonblock = 0x800;

    /// <summary>socket(2); for AF_PACKET the protocol is the EtherType in network byte order.</summary>
    [LibraryImport("libc", EntryPoint = "socket", SetLastError = true)]
    internal static partial int Socket(int domain, int type, int protocol);
}
