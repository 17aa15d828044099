using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Fcoe.Interop;

/// <summary>struct packet_mreq (linux/if_packet.h), 16 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PacketMreq
{
    public int IfIndex;
    public ushort Type;
    public ushort AddressLength;
    public fixed byte Address[8];
}

internal static unsafe partial class Libc
{
    internal const int SolPacket = 263, PacketAddMembership = 1, PacketMrPromisc = 1;

    [LibraryImport("libc", EntryPoint = "setsockopt", SetLastError = true)]
    internal static partial int SetSockOpt(int fd, int level, int name, void* value, int length);
}
