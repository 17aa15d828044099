using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZSN, get zone set list: no request payload → count u32 @0, then {zone set name, zone count u32}.</summary>
public sealed class Gzsn : ICtCommand<NoArgument, IReadOnlyList<ZoneSetSummary>>
{
    private Gzsn() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => P;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    static int ICtCommand<NoArgument, IReadOnlyList<ZoneSetSummary>>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    public const ushort Command = GsZoneServerCommands.Gzsn;
    public const int DefaultMaxResponseBytes = P + 4096;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSetSummary> sets) =>
        ZoneCodec.BuildNamedCountAccept(ctIu, sets, static x => x.Name, static x => x.ZoneCount, AcceptName);

    public static IReadOnlyList<ZoneSetSummary> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        ZoneCodec.ParseNamedCountAccept(ctIu, "zone set", "zone count", static (name, count) => new ZoneSetSummary(name, count), AcceptName);
}
