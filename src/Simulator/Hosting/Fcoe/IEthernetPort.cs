using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// One Ethernet port of the software FCF: where frames leave. Frames come in through
/// <see cref="FcoeForwarder.Receive"/>, called by whoever owns the port (the AF_PACKET loop, or a test's in-memory link).
/// </summary>
public interface IEthernetPort
{
    /// <summary>The interface name (eth0, veth-fcf).</summary>
    string Name { get; }
    /// <summary>The port's own MAC: the FCF-MAC it advertises and sends from.</summary>
    MacAddress Address { get; }
    /// <summary>Largest Ethernet payload (the interface MTU).</summary>
    int Mtu { get; }
    /// <summary>Sends one whole Ethernet frame (destination MAC first). False when the link refused it.</summary>
    bool Send(ReadOnlySpan<byte> frame);
}

/// <summary>What kind of FCF plumbing failure an <see cref="FcfException"/> is, so a caller can map it to its own codes.</summary>
public enum FcfFailure
{
    /// <summary>A system call failed (socket, bind, poll, recv); see <see cref="FcfException.Errno"/>.</summary>
    System,
    /// <summary>The interface list itself is wrong (empty, a name given twice, not an interface name).</summary>
    BadInterfaceList,
    /// <summary>No network interface has the given name.</summary>
    NoSuchInterface,
}

/// <summary>A failure of the FCF's own plumbing (no such interface, no permission for a raw socket), naming what and the errno.</summary>
public sealed class FcfException(string message, int errno = 0, FcfFailure failure = FcfFailure.System) : Exception(message)
{
    /// <summary>The errno of the failed call, or 0.</summary>
    public int Errno { get; } = errno;
    /// <summary>What kind of failure this is.</summary>
    public FcfFailure Failure { get; } = failure;
}
