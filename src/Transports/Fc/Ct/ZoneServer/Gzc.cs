using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZC capability flags: 0x80 hard zones, 0x40 soft zones, 0x01 zone set database available.</summary>
public readonly record struct ZoneCapabilities(byte Flags, uint VendorSpecific)
{
    public string FlagNames => GsZoneServerCommands.CapabilityFlags.Describe(Flags);
    public bool HardZones => (Flags & 0x80) != 0;
    public bool SoftZones => (Flags & 0x40) != 0;
    public bool ZoneSetDatabase => (Flags & 0x01) != 0;
}

/// <summary>GZC, get zone server capabilities: no request payload → flags @0, vendor-specific u32 @4.</summary>
public sealed class Gzc : ICtCommand<NoArgument, ZoneCapabilities>
{
    private Gzc() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => P;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;
    static int ICtCommand<NoArgument, ZoneCapabilities>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    public const ushort Command = GsZoneServerCommands.Gzc;
    public const int AcceptLength = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = AcceptLength) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ZoneCapabilities caps) =>
        ZoneCodec.BuildFlagsAccept(ctIu, caps.Flags, caps.VendorSpecific, AcceptName);

    public static ZoneCapabilities ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var (flags, vendor) = ZoneCodec.ParseFlagsAccept(ctIu, AcceptName);
        return new ZoneCapabilities(flags, vendor);
    }
}
