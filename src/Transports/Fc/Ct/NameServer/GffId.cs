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

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GffId;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.PortIdRequestLength;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + Fc4FeatureSet.Size;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId port, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, port, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, Fc4FeatureSet features)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        features.Write(ctIu[P..]);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static Fc4FeatureSet ParseAccept(ReadOnlySpan<byte> ctIu) =>
        Fc4FeatureSet.Read(OpenAccept(ctIu, AcceptName).Bytes(P, Fc4FeatureSet.Size, "FC-4 features"));
}
