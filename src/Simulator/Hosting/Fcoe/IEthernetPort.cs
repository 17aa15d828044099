using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// One Ethernet port of the software FCF: where frames leave. Frames come in through
/// <see cref="FcoeForwarder.Receive"/>, called by whoever owns the port (the AF_PACKET loop, or a test's in-memory link).
/// </summary>
public interface IEthernetPort
{
    string Name { get; }
    /// <summary>The port's own MAC: the FCF-MAC it advertises and sends from.</summary>
    MacAddress Address { get; }
    /// <summary>Largest Ethernet payload (the interface MTU).</summary>
    int Mtu { get; }
    /// <summary>Sends one whole Ethernet frame (destination MAC first). False when the link refused it.</summary>
    bool Send(ReadOnlySpan<byte> frame);
}

/// <summary>A failure of the FCF's own plumbing (no such interface, no permission for a raw socket), naming what and the errno.</summary>
public sealed class FcfException(string message, int errno = 0) : Exception(message)
{
    public int Errno { get; } = errno;
}
