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

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSummary> zones)
    {
        var length = P + 4;
        foreach (var z in zones) length += ZoneCodec.NameLength(z.Name) + 4;
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)zones.Count);
        var at = P + 4;
        foreach (var z in zones)
        {
            at += ZoneCodec.WriteName(ctIu[at..], z.Name);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[at..], z.MemberCount);
            at += 4;
        }
        return length;
    }

    public static IReadOnlyList<ZoneSummary> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = ZoneCodec.Count(r, P, ZoneCodec.MinNameSize + 4, "zone");
        var list = new List<ZoneSummary>(count);
        var at = P + 4;
        for (var i = 0; i < count; i++)
        {
            var (name, next) = ZoneCodec.ReadName(r, at);
            list.Add(new ZoneSummary(name, r.U32(next, "member count")));
            at = next + 4;
        }
        return list;
    }
}
