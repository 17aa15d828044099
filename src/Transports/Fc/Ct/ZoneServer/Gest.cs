using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GEST enforcement state: 0x80 soft zone set enforced, 0x40 hard zone set enforced.</summary>
public readonly record struct ZoneEnforcementState(byte Flags, uint VendorSpecific)
{
    /// <summary>The name of the flag, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string FlagNames => GsZoneServerCommands.EnforcementFlags.Describe(Flags);
}

/// <summary>GEST, get enforcement state: no request payload → flags @0, vendor-specific u32 @4.</summary>
public sealed class Gest : ICtCommand<NoArgument, ZoneEnforcementState>
{
    private Gest() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => P;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;
    static int ICtCommand<NoArgument, ZoneEnforcementState>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsZoneServerCommands.Gest;
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
    public static int BuildAccept(Span<byte> ctIu, ZoneEnforcementState state) =>
        ZoneCodec.BuildFlagsAccept(ctIu, state.Flags, state.VendorSpecific, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static ZoneEnforcementState ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var (flags, vendor) = ZoneCodec.ParseFlagsAccept(ctIu, AcceptName);
        return new ZoneEnforcementState(flags, vendor);
    }
}
