using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GSNN_NN: WWNN (8) → symbolic node name (length @0, name @1, ≤ 255 bytes).</summary>
public sealed class GsnnNn : ICtCommand<Wwn, string>
{
    private GsnnNn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => MaxAcceptLength;

    public const ushort Command = GsNameServerCommands.GsnnNn;
    public const int RequestLength = NsCodec.NameRequestLength;
    public const int MaxAcceptLength = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn nodeName, int maxResponseBytes = MaxAcceptLength) =>
        NsCodec.BuildNameRequest(ctIu, Command, nodeName, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, string symbolicNodeName) =>
        NsCodec.BuildSymbolicNameAccept(ctIu, symbolicNodeName, AcceptName);

    public static string ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseSymbolicNameAccept(ctIu, AcceptName);
}
