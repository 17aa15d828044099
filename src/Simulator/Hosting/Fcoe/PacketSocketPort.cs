using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Simulator.Hosting.Fcoe.Interop;
using BsgKit.Simulator.Hosting.Fcoe.Wire;
using Microsoft.Win32.SafeHandles;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// A real Ethernet interface through AF_PACKET: one raw socket bound to the FIP EtherType and one to the FCoE EtherType
/// (protocol-bound packet sockets see only incoming frames, never the switch's own), the interface in promiscuous mode so
/// frames to fabric-provided MACs and to the FIP multicast groups arrive. Needs CAP_NET_RAW. Both sockets close on Dispose.
/// </summary>
public sealed unsafe class PacketSocketPort : IEthernetPort, IDisposable
{
    private readonly SafeFileHandle _fip, _fcoe;

    private PacketSocketPort(string name, int ifIndex, MacAddress address, int mtu, SafeFileHandle fip, SafeFileHandle fcoe)
    {
        Name = name;
        IfIndex = ifIndex;
        Address = address;
        Mtu = mtu;
        _fip = fip;
        _fcoe = fcoe;
    }

    /// <summary>The interface name.</summary>
    public string Name { get; }
    /// <summary>The interface index (if_nametoindex).</summary>
    public int IfIndex { get; }
    /// <summary>The interface's MAC address: the FCF-MAC in advertisements.</summary>
    public MacAddress Address { get; }
    /// <summary>The interface MTU, bytes (FCoE needs 2,158 or more for full-size frames).</summary>
    public int Mtu { get; }
    /// <summary>The file descriptor of the FIP socket (EtherType 0x8914), to poll.</summary>
    public int FipDescriptor => (int)_fip.DangerousGetHandle();
    /// <summary>The file descriptor of the FCoE socket (EtherType 0x8906), to poll.</summary>
    public int FcoeDescriptor => (int)_fcoe.DangerousGetHandle();
    /// <summary>Frames send(2) refused.</summary>
    public long SendFailures { get; private set; }

    /// <summary>Opens AF_PACKET sockets for FIP and FCoE on the interface, joined to the FIP multicast groups; <see cref="FcfException"/> when it cannot.</summary>
    public static PacketSocketPort Open(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Contains('/') || name.Length > 15)
            throw new FcfException($"interface '{name}': not an interface name", failure: FcfFailure.BadInterfaceList);
        var index = (int)Libc.IfNameToIndex(name);
        if (index == 0) throw new FcfException($"interface {name}: no such network interface", Marshal.GetLastPInvokeError(), FcfFailure.NoSuchInterface);
        var sys = Path.Combine("/sys/class/net", name);
        var mac = MacAddress.Parse(File.ReadAllText(Path.Combine(sys, "address")).Trim());
        var mtu = int.Parse(File.ReadAllText(Path.Combine(sys, "mtu")).Trim(), CultureInfo.InvariantCulture);
        var fip = OpenSocket(name, index, FipCodes.EtherType, promiscuous: true);
        try
        {
            var fcoe = OpenSocket(name, index, FcoeFrame.EtherType, promiscuous: false);
            return new PacketSocketPort(name, index, mac, mtu, fip, fcoe);
        }
        catch
        {
            fip.Dispose();
            throw;
        }
    }

    private static SafeFileHandle OpenSocket(string name, int index, ushort etherType, bool promiscuous)
    {
        var protocol = BinaryPrimitives.ReverseEndianness(etherType);
        var fd = Libc.Socket(Libc.AfPacket, Libc.SockRaw | Libc.SockCloexec | Libc.SockNonblock, protocol);
        if (fd < 0) throw Failed(name, "socket(AF_PACKET, SOCK_RAW)");
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var address = new SockaddrLl { Family = Libc.AfPacket, Protocol = protocol, IfIndex = index };
            if (Libc.Bind(fd, &address, sizeof(SockaddrLl)) != 0) throw Failed(name, "bind");
            if (promiscuous)
            {
                var mreq = new PacketMreq { IfIndex = index, Type = Libc.PacketMrPromisc };
                if (Libc.SetSockOpt(fd, Libc.SolPacket, Libc.PacketAddMembership, &mreq, sizeof(PacketMreq)) != 0)
                    throw Failed(name, "setsockopt(PACKET_ADD_MEMBERSHIP, PROMISC)");
            }
            return handle;
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    private static FcfException Failed(string name, string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        var hint = errno is Errno.EPERM or Errno.EACCES ? " (raw sockets need root or CAP_NET_RAW)" : "";
        return new FcfException($"interface {name}: {call} failed: {Errno.Describe(errno)}{hint}", errno);
    }

    /// <summary>Sends one Ethernet frame; false when send(2) failed (counted in <see cref="SendFailures"/>).</summary>
    public bool Send(ReadOnlySpan<byte> frame)
    {
        fixed (byte* p = frame)
        {
            if (Libc.Send(FipDescriptor, p, (nuint)frame.Length, 0) == frame.Length) return true;
        }
        SendFailures++;
        return false;
    }

    /// <summary>Reads one waiting frame from the socket (FIP or FCoE) into <paramref name="buffer"/>: its length, 0 when none waits, −1 when it was longer than the buffer.</summary>
    public int Receive(bool fcoe, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            var n = Libc.Recv(fcoe ? FcoeDescriptor : FipDescriptor, p, (nuint)buffer.Length, Libc.MsgDontwait | Libc.MsgTrunc);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is Errno.EAGAIN or Errno.EINTR) return 0;
                throw new FcfException($"interface {Name}: recv failed: {Errno.Describe(errno)}", errno);
            }
            return n > buffer.Length ? -1 : (int)n;
        }
    }

    /// <summary>Closes both sockets.</summary>
    public void Dispose()
    {
        _fcoe.Dispose();
        _fip.Dispose();
    }

    /// <summary>"NAME (MAC, mtu N)".</summary>
    public override string ToString() => $"{Name} ({Address}, mtu {Mtu})";
}
