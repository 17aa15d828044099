using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Fcoe.Interop;

internal static unsafe partial class Libc
{
    internal const int MsgDontwait = 0x40, MsgTrunc = 0x20;

    /// <summary>recv(2); with MSG_TRUNC a packet socket returns the real frame length even when the buffer was shorter.</summary>
    [LibraryImport("libc", EntryPoint = "recv", SetLastError = true)]
    internal static partial nint Recv(int fd, byte* buffer, nuint length, int flags);
}
