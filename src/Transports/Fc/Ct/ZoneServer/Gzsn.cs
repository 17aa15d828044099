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

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSetSummary> sets)
    {
        var length = P + 4;
        foreach (var s in sets) length += ZoneCodec.NameLength(s.Name) + 4;
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)sets.Count);
        var at = P + 4;
        foreach (var s in sets)
        {
            at += ZoneCodec.WriteName(ctIu[at..], s.Name);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[at..], s.ZoneCount);
            at += 4;
        }
        return length;
    }

    public static IReadOnlyList<ZoneSetSummary> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = ZoneCodec.Count(r, P, ZoneCodec.MinNameSize + 4, "zone set");
        var list = new List<ZoneSetSummary>(count);
        var at = P + 4;
        for (var i = 0; i < count; i++)
        {
            var (name, next) = ZoneCodec.ReadName(r, at);
            list.Add(new ZoneSetSummary(name, r.U32(next, "zone count")));
            at = next + 4;
        }
        return list;
    }
}
