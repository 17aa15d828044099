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

    public const ushort Command = GsConfigServerCommands.Gtin;
    public const int RequestLength = P;
    public const int DefaultMaxResponseBytes = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildEmptyRequest(ctIu, Command, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseEmptyRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ReadOnlySpan<byte> payload)
    {
        var length = PadToWord(P + payload.Length);
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, AcceptName);
        payload.CopyTo(ctIu[P..]);
        return length;
    }

    public static byte[] ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return r.Bytes(P, r.Length - P).ToArray();
    }
}
