using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>Speed capability mask and operating speed bit, decoded with <see cref="PortSpeeds.Link"/>
/// (the RPSC/RDP bit set, not the FDMI one).</summary>
public readonly record struct PortSpeedInfo(ushort Capabilities, ushort OperatingSpeed)
{
    /// <summary>The name of the capability, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string CapabilityNames => PortSpeeds.Link.Describe(Capabilities);
    /// <summary>The name of the operating speed, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string OperatingSpeedName => PortSpeeds.Link.Find(OperatingSpeed) ?? PortSpeeds.Link.Describe(OperatingSpeed);
}

/// <summary>GPSC (fabric configuration server): WWPN (8) → speed capability be16 @0, operating speed be16 @2 (FC link speed bits).</summary>
public sealed class Gpsc : ICtCommand<Wwn, PortSpeedInfo>
{
    private Gpsc() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gpsc;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, PortSpeedInfo speed)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 4, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(ctIu[P..], speed.Capabilities);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(ctIu[(P + 2)..], speed.OperatingSpeed);
        return P + 4;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static PortSpeedInfo ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return new PortSpeedInfo(r.U16(P, "speed capabilities"), r.U16(P + 2, "operating speed"));
    }
}
