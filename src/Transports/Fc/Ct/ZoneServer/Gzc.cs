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
public static class Gzc
{
    public const ushort Command = GsZoneServerCommands.Gzc;
    public const int AcceptLength = P + 8;
    private const string RequestName = "GZC request", AcceptName = "GZC accept";

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
