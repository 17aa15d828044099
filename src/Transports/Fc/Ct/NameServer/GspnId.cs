using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GSPN_ID: port ID object (4) → symbolic port name (length @0, name @1, ≤ 255 bytes).</summary>
public sealed class GspnId : ICtCommand<FcId, string>
{
    private GspnId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => MaxAcceptLength;

    public const ushort Command = GsNameServerCommands.GspnId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int MaxAcceptLength = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = MaxAcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, string symbolicPortName) =>
        NsCodec.BuildSymbolicNameAccept(ctIu, symbolicPortName, AcceptName);

    public static string ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseSymbolicNameAccept(ctIu, AcceptName);
}
