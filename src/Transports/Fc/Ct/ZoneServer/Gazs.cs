using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GAZS, get active zone set: no request payload → zone set object (name, zone count, zones).</summary>
public static class Gazs
{
    public const ushort Command = GsZoneServerCommands.Gazs;
    public const int DefaultMaxResponseBytes = P + 65536;
    private const string RequestName = "GAZS request", AcceptName = "GAZS accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ZoneSet active)
    {
        var length = P + ZoneCodec.ZoneSetLength(active);
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, AcceptName);
        ZoneCodec.WriteZoneSet(ctIu[P..], active);
        return length;
    }

    public static ZoneSet ParseAccept(ReadOnlySpan<byte> ctIu) => ZoneCodec.ReadZoneSet(OpenAccept(ctIu, AcceptName), P);
}
