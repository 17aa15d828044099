using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GFN (fabric configuration server): interconnect element name (8) → fabric name (8) @0.</summary>
public sealed class Gfn : ICtCommand<Wwn, Wwn>
{
    private Gfn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gfn;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, Wwn fabricName) => FcsCodec.BuildWwnAccept(ctIu, fabricName, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static Wwn ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).Wwn(P, "fabric name");
}
