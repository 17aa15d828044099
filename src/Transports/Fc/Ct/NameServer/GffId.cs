using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GFF_ID: port ID object (4) → FC-4 features (128). FCP features are the low nibble of payload byte 7.</summary>
public sealed class GffId : ICtCommand<FcId, Fc4FeatureSet>
{
    private GffId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    public const ushort Command = GsNameServerCommands.GffId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = P + Fc4FeatureSet.Size;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, Fc4FeatureSet features)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        features.Write(ctIu[P..]);
        return AcceptLength;
    }

    public static Fc4FeatureSet ParseAccept(ReadOnlySpan<byte> ctIu) =>
        Fc4FeatureSet.Read(OpenAccept(ctIu, AcceptName).Bytes(P, Fc4FeatureSet.Size, "FC-4 features"));
}
