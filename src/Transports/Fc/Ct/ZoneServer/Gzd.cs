using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZD, get zone list: zone set name → count u32 @0, then {zone name, member count u32}.</summary>
public sealed class Gzd : ICtCommand<string, IReadOnlyList<ZoneSummary>>
{
    private Gzd() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => ZoneCodec.MaxNameRequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    public const ushort Command = GsZoneServerCommands.Gzd;
    public const int DefaultMaxResponseBytes = P + 8192;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, string zoneSetName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, zoneSetName, maxResponseBytes, RequestName);

    public static string ParseRequest(ReadOnlySpan<byte> ctIu) => ZoneCodec.ParseNameRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSummary> zones) =>
        ZoneCodec.BuildNamedCountAccept(ctIu, zones, static x => x.Name, static x => x.MemberCount, AcceptName);

    public static IReadOnlyList<ZoneSummary> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        ZoneCodec.ParseNamedCountAccept(ctIu, "zone", "member count", static (name, count) => new ZoneSummary(name, count), AcceptName);
}
