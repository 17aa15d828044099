using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GPPN (fabric configuration server): port name (8) → physical port number (be32 @0).</summary>
public static class Gppn
{
    public const ushort Command = GsConfigServerCommands.Gppn;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 4;
    private const string RequestName = "GPPN request", AcceptName = "GPPN accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, uint physicalPortNumber) => FcsCodec.BuildWordAccept(ctIu, physicalPortNumber, AcceptName);

    public static uint ParseAccept(ReadOnlySpan<byte> ctIu) => OpenAccept(ctIu, AcceptName).U32(P, "physical port number");
}
