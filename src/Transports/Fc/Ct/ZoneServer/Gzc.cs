using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZC capability flags: 0x80 hard zones, 0x40 soft zones, 0x01 zone set database available.</summary>
public readonly record struct ZoneCapabilities(byte Flags, uint VendorSpecific)
{
    /// <summary>The name of the flag, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string FlagNames => GsZoneServerCommands.CapabilityFlags.Describe(Flags);
    /// <summary>Flag 0x80: the fabric enforces hard (frame-level) zoning.</summary>
    public bool HardZones => (Flags & GsZoneServerCommands.CapabilityHardZones) != 0;
    /// <summary>Flag 0x40: the fabric supports soft (name server) zoning.</summary>
    public bool SoftZones => (Flags & GsZoneServerCommands.CapabilitySoftZones) != 0;
    /// <summary>Flag 0x01: a zone set database is available (GZS/GZM can read it).</summary>
    public bool ZoneSetDatabase => (Flags & GsZoneServerCommands.CapabilityZoneSetDatabase) != 0;
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

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsZoneServerCommands.Gzc;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = AcceptLength) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, ZoneCapabilities caps) =>
        ZoneCodec.BuildFlagsAccept(ctIu, caps.Flags, caps.VendorSpecific, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static ZoneCapabilities ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var (flags, vendor) = ZoneCodec.ParseFlagsAccept(ctIu, AcceptName);
        return new ZoneCapabilities(flags, vendor);
    }
}
