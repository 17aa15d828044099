using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GIELN (fabric configuration server): interconnect element name (8) → logical name: length @0, name @1.</summary>
public sealed class Gieln : ICtCommand<Wwn, string>
{
    private Gieln() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsConfigServerCommands.Gieln;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, string logicalName)
    {
        var bytes = EncodeText(logicalName, MaxTextBytes, "logical name");
        var length = PadToWord(P + 1 + bytes.Length);
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, AcceptName);
        ctIu[P] = (byte)bytes.Length;
        bytes.CopyTo(ctIu[(P + 1)..]);
        return length;
    }

    public static string ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        return DecodeText(r.Bytes(P + 1, r.U8(P, "name length"), "logical name"));
    }
}
