using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZD, get zone list: zone set name → count u32 @0, then {zone name, member count u32}.</summary>
public static class Gzd
{
    public const ushort Command = GsZoneServerCommands.Gzd;
    public const int DefaultMaxResponseBytes = P + 8192;
    private const string RequestName = "GZD request", AcceptName = "GZD accept";

    public static int BuildRequest(Span<byte> ctIu, string zoneSetName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, zoneSetName, maxResponseBytes, RequestName);

    public static string ParseRequest(ReadOnlySpan<byte> ctIu) => ZoneCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSummary> zones) =>
        ZoneCodec.BuildNamedCountAccept(ctIu, zones, static x => x.Name, static x => x.MemberCount, AcceptName);

    public static IReadOnlyList<ZoneSummary> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        ZoneCodec.ParseNamedCountAccept(ctIu, "zone", "member count", static (name, count) => new ZoneSummary(name, count), AcceptName);
}
