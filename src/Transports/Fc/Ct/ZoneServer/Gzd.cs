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

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsZoneServerCommands.Gzd;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 8192;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, string zoneSetName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, zoneSetName, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static string ParseRequest(ReadOnlySpan<byte> ctIu) => ZoneCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneSummary> zones) =>
        ZoneCodec.BuildNamedCountAccept(ctIu, zones, static x => x.Name, static x => x.MemberCount, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<ZoneSummary> ParseAccept(ReadOnlySpan<byte> ctIu) =>
        ZoneCodec.ParseNamedCountAccept(ctIu, "zone", "member count", static (name, count) => new ZoneSummary(name, count), AcceptName);
}
