using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>A GPS accept: port type and port state (Online, Offline, Testing, Fault).</summary>
public readonly record struct FcsPortState(byte PortType, byte State)
{
    public string PortTypeName => PortTypes.Table.NameOf(PortType);
    public string StateName => GsConfigServerObjects.PortStates.NameOf(State);
}

/// <summary>GPS (fabric configuration server): port name (8) → port type @3, port state @7.</summary>
public sealed class Gps : ICtCommand<Wwn, FcsPortState>
{
    private Gps() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsConfigServerCommands.Gps;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, FcsPortState state)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 8, AcceptName);
        ctIu[P + 3] = state.PortType;
        ctIu[P + 7] = state.State;
        return P + 8;
    }

    public static FcsPortState ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return new FcsPortState(r.U8(P + 3, "port type"), r.U8(P + 7, "port state"));
    }
}
