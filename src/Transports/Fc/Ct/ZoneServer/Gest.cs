using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GEST enforcement state: 0x80 soft zone set enforced, 0x40 hard zone set enforced.</summary>
public readonly record struct ZoneEnforcementState(byte Flags, uint VendorSpecific)
{
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

    public const ushort Command = GsZoneServerCommands.Gest;
    public const int AcceptLength = P + 8;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = AcceptLength) =>
        ZoneCodec.BuildRequest(ctIu, Command, null, maxResponseBytes, RequestName);

    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => OpenRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, ZoneEnforcementState state) =>
        ZoneCodec.BuildFlagsAccept(ctIu, state.Flags, state.VendorSpecific, AcceptName);

    public static ZoneEnforcementState ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var (flags, vendor) = ZoneCodec.ParseFlagsAccept(ctIu, AcceptName);
        return new ZoneEnforcementState(flags, vendor);
    }
}
