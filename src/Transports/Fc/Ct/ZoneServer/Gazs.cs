using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GAZS, get active zone set: no request payload → zone set object (name, zone count, zones).</summary>
public sealed class Gazs : ICtCommand<NoArgument, ZoneSet>
{
    private Gazs() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => P;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    static int ICtCommand<NoArgument, ZoneSet>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    public const ushort Command = GsZoneServerCommands.Gazs;
    public const int DefaultMaxResponseBytes = P + 65536;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

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
