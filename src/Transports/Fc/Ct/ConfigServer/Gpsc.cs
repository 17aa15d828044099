using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>Speed capability mask and operating speed bit, decoded with <see cref="PortSpeeds.Link"/>
/// (the RPSC/RDP bit set, not the FDMI one).</summary>
public readonly record struct PortSpeedInfo(ushort Capabilities, ushort OperatingSpeed)
{
    public string CapabilityNames => PortSpeeds.Link.Describe(Capabilities);
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

    public const ushort Command = GsConfigServerCommands.Gpsc;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, PortSpeedInfo speed)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 4, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(ctIu[P..], speed.Capabilities);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16BigEndian(ctIu[(P + 2)..], speed.OperatingSpeed);
        return P + 4;
    }

    public static PortSpeedInfo ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return new PortSpeedInfo(r.U16(P, "speed capabilities"), r.U16(P + 2, "operating speed"));
    }
}
