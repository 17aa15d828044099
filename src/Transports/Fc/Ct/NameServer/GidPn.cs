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

    public const ushort Command = GsNameServerCommands.GidPn;
    public const int RequestLength = NsCodec.NameRequestLength;
    public const int AcceptLength = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn portName, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildNameRequest(ctIu, Command, portName, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, FcId port)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        port.Write(ctIu[(P + 1)..]);
        return AcceptLength;
    }

    public static FcId ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).FcId(P + 1, "port ID");
}
