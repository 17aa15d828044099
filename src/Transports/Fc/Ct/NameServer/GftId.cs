using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>GFT_ID: port ID object (4) → FC-4 types bitmap (32).</summary>
public sealed class GftId : ICtCommand<FcId, Fc4TypeSet>
{
    private GftId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    public const ushort Command = GsNameServerCommands.GftId;
    public const int RequestLength = NsCodec.PortIdRequestLength;
    public const int AcceptLength = P + Fc4TypeSet.Size;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, Fc4TypeSet types)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        types.Write(ctIu[P..]);
        return AcceptLength;
    }

    public static Fc4TypeSet ParseAccept(ReadOnlySpan<byte> ctIu) =>
        Fc4TypeSet.Read(OpenAccept(ctIu, AcceptName).Bytes(P, Fc4TypeSet.Size, "FC-4 types"));
}
