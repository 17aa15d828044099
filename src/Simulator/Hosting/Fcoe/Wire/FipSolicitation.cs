using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>What an ENode's discovery solicitation says: its MAC, node name and the largest FCoE frame it wants.</summary>
internal readonly record struct FipSolicitationInfo(MacAddress EnodeMac, Wwn NodeName, ushort MaxFcoeSize, ushort Flags);

/// <summary>
/// Discovery solicitation (DISC/SOL, fcoe_ctlr_solicit): MAC, name (WWNN) and max FCoE size descriptors, FP/SP flags;
/// multicast to ALL-FCF-MACs or unicast to one FCF.
/// </summary>
internal static class FipSolicitation
{
    public static int Build(Span<byte> frame, MacAddress destination, MacAddress enodeMac, Wwn nodeName, ushort maxFcoeSize)
    {
        var w = new FipWriter(frame, destination, enodeMac, FipCodes.OpDiscovery, FipCodes.SubSolicitation, FipCodes.FlagFpma);
        w.Mac(enodeMac);
        w.Name(nodeName);
        w.MaxFcoeSize(maxFcoeSize);
        return w.Finish();
    }

    public static FipFrameError Parse(in FipFrame fip, out FipSolicitationInfo info)
    {
        info = default;
        MacAddress mac = default;
        Wwn name = default;
        ushort size = 0;
        var seen = 0;
        foreach (var d in fip)
        {
            switch (d.Type)
            {
                case FipCodes.DescMac when d.Length == 8: mac = d.Mac; seen |= 1; break;
                case FipCodes.DescName when d.Length == 12: name = d.Name; seen |= 2; break;
                case FipCodes.DescMaxFcoeSize when d.Length == 4: size = d.MaxFcoeSize; seen |= 4; break;
                case FipCodes.DescMac or FipCodes.DescName or FipCodes.DescMaxFcoeSize: return FipFrameError.BadDescriptor;
                default:
                    if (d.Type < FipCodes.FirstNonCritical) return FipFrameError.UnknownCriticalDescriptor;
                    break;
            }
        }
        if ((seen & 3) != 3) return FipFrameError.MissingDescriptor;
        if (!mac.IsValidUnicast) return FipFrameError.BadDescriptor;
        info = new FipSolicitationInfo(mac, name, size, fip.Flags);
        return FipFrameError.None;
    }
}
