using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GFPN_ID: port ID object (4) → fabric port name (8).</summary>
public sealed class GfpnId : ICtCommand<FcId, Wwn>
{
    private GfpnId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    public const ushort Command = GsNameServerCommands.GfpnId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = CtIuHeader.Size + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, Wwn name) => NsCodec.BuildWwnAccept(ctIu, name, AcceptName);

    public static Wwn ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseWwnAccept(ctIu, AcceptName);
}
