using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>
/// GTIN (fabric configuration server): no request payload. Its accept layout is not in our references
/// (Wireshark does not dissect it), so the payload is returned as raw bytes for the caller to dump.
/// </summary>
public sealed class Gtin : ICtCommand<NoArgument, byte[]>
{
    private Gtin() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    static int ICtCommand<NoArgument, byte[]>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gtin;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildEmptyRequest(ctIu, Command, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseEmptyRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<byte> payload)
    {
        var length = PadToWord(P + payload.Length);
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, AcceptName);
        payload.CopyTo(ctIu[P..]);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static byte[] ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return r.Bytes(P, r.Length - P).ToArray();
    }
}
