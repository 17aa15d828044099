using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GMID (fabric configuration server): interconnect element name (8) → management identifier (FC address @1, 3 bytes).</summary>
public sealed class Gmid : ICtCommand<Wwn, FcId>
{
    private Gmid() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsConfigServerCommands.Gmid;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 4;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, FcId managementId)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 4, AcceptName);
        managementId.Write(ctIu[(P + 1)..]);
        return P + 4;
    }

    public static FcId ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).FcId(P + 1, "management ID");
}
