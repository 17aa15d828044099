using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>RFT_ID: register FC-4 types: port ID object @0 (4), FC-4 types bitmap @4 (32). Accepted with a bare header.</summary>
public sealed class RftId : ICtCommand<(FcId Port, Fc4TypeSet Types), CtIuHeader>
{
    private RftId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<(FcId Port, Fc4TypeSet Types), CtIuHeader>.BuildRequest(Span<byte> ctIu, (FcId Port, Fc4TypeSet Types) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.Port, argument.Types);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.RftId;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P + 36;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId port, Fc4TypeSet types)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, Command, P, RequestLength, RequestName);
        port.Write(ctIu[(P + 1)..]);
        types.Write(ctIu[(P + 4)..]);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (FcId Port, Fc4TypeSet Types) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.FcId(P + 1, "port ID"), Fc4TypeSet.Read(r.Bytes(P + 4, Fc4TypeSet.Size, "FC-4 types")));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
