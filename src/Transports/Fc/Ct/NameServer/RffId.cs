using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RFF_ID: register FC-4 features (fc_ns_rff_id, 8): port ID object @0, reserved @4 (2), features @6, FC-4 type @7. Accepted with a bare header.</summary>
public sealed class RffId : ICtCommand<(FcId Port, byte Fc4Type, byte Features), CtIuHeader>
{
    private RffId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<(FcId Port, byte Fc4Type, byte Features), CtIuHeader>.BuildRequest(Span<byte> ctIu, (FcId Port, byte Fc4Type, byte Features) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.Port, argument.Fc4Type, argument.Features);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.RffId;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + 8;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId port, byte fc4Type, byte features)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, RequestLength, RequestName);
        port.Write(ctIu[(P + 1)..]);
        ctIu[P + 6] = features;
        ctIu[P + 7] = fc4Type;
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (FcId Port, byte Fc4Type, byte Features) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.FcId(P + 1, "port ID"), r.U8(P + 7, "FC-4 type"), r.U8(P + 6, "FC-4 features"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
