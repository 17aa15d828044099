using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZSN, get zone set list: no request payload → count u32 @0, then {zone set name, zone count u32}.</summary>
public static class Gzsn
{
    public const ushort Command = GsZoneServerCommands.Gzsn;
    public const int DefaultMaxResponseBytes = P + 4096;
    private const string RequestName = "GZSN request", AcceptName = "GZSN accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSetSummary> sets) =>
        ZoneCodec.BuildNamedCountAccept(ctIu, sets, static x => x.Name, static x => x.ZoneCount, AcceptName);

    public static IReadOnlyList<ZoneSetSummary> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        ZoneCodec.ParseNamedCountAccept(ctIu, "zone set", "zone count", static (name, count) => new ZoneSetSummary(name, count), AcceptName);
}
