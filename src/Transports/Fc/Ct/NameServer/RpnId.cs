using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RPN_ID: register port name (fc_ns_rn_id, 12): port ID object @0, WWN @4. Accepted with a bare header.</summary>
public sealed class RpnId : ICtCommand<(FcId Port, Wwn Name), CtIuHeader>
{
    private RpnId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<(FcId Port, Wwn Name), CtIuHeader>.BuildRequest(Span<byte> ctIu, (FcId Port, Wwn Name) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.Port, argument.Name);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.RpnId;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + 12;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId port, Wwn name)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, RequestLength, RequestName);
        port.Write(ctIu[(P + 1)..]);
        name.Write(ctIu[(P + 4)..]);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (FcId Port, Wwn Name) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.FcId(P + 1, "port ID"), r.Wwn(P + 4, "name"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
