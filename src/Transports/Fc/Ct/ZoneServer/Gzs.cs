using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZS, get zone set: zone set name → zone set object (name, zone count, zones).</summary>
public sealed class Gzs : ICtCommand<string, ZoneSet>
{
    private Gzs() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => ZoneCodec.MaxNameRequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsZoneServerCommands.Gzs;
    public const int DefaultMaxResponseBytes = P + 65536;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, string zoneSetName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, zoneSetName, maxResponseBytes, RequestName);

    public static string ParseRequest(ReadOnlySpan<byte> ctIu) => ZoneCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ZoneSet zoneSet)
    {
        var length = P + ZoneCodec.ZoneSetLength(zoneSet);
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, AcceptName);
        ZoneCodec.WriteZoneSet(ctIu[P..], zoneSet);
        return length;
    }

    public static ZoneSet ParseAccept(ReadOnlySpan<byte> ctIu) => ZoneCodec.ReadZoneSet(OpenAccept(ctIu, AcceptName), P);
}
