using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>DA_ID: deregister all objects of a port: port ID object @0 (4). Accepted with a bare header.</summary>
public sealed class DaId : ICtCommand<FcId, CtIuHeader>
{
    private DaId() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => NsCodec.EmptyAcceptLength;
    static int ICtCommand<FcId, CtIuHeader>.BuildRequest(Span<byte> ctIu, FcId argument, int maxResponseBytes) => BuildRequest(ctIu, argument);

    public const ushort Command = GsNameServerCommands.DaId;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public const int RequestLength = NsCodec.PortIdRequestLength;

    public static int BuildRequest(Span<byte> ctIu, FcId port) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, P, RequestName);

    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu) => NsCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => NsCodec.ParseEmptyAccept(ctIu, AcceptName);
}
