using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GID_PN: WWPN (8) → reserved @0, port ID @1. zfcp_show sends it to the unzoned name server (0xFA/0x02).</summary>
public sealed class GidPn : ICtCommand<Wwn, FcId>
{
    private GidPn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GidPn;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.NameRequestLength;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn portName, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildNameRequest(ctIu, Command, portName, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, FcId port)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        port.Write(ctIu[(P + 1)..]);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static FcId ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).FcId(P + 1, "port ID");
}
