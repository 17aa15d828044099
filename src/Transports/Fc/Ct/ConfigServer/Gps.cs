using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>A GPS accept: port type and port state (Online, Offline, Testing, Fault).</summary>
public readonly record struct FcsPortState(byte PortType, byte State)
{
    /// <summary>The name of the port type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string PortTypeName => PortTypes.Table.NameOf(PortType);
    /// <summary>The name of the state, from the code tables ("unknown (0x..)" when not in them).</summary>
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

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gps;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, FcsPortState state)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 8, AcceptName);
        ctIu[P + 3] = state.PortType;
        ctIu[P + 7] = state.State;
        return P + 8;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static FcsPortState ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return new FcsPortState(r.U8(P + 3, "port type"), r.U8(P + 7, "port state"));
    }
}
