using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>
/// Clear virtual links (CTRL/CVL, fcoe_ctlr_recv_clr_vlink): sent by the FCF from its MAC to the ENode's MAC with the
/// FCF's MAC descriptor, its name (the switch name it advertises), and one VN_Port ID descriptor per link it clears
/// (Linux checks all three against the FCF it selected). No VN_Port descriptor at all clears every link of the ENode.
/// </summary>
internal static class FipClearVirtualLinks
{
    public static int Build(Span<byte> frame, MacAddress enodeMac, MacAddress fcfMac, Wwn switchName, ReadOnlySpan<(MacAddress Mac, FcId Id, Wwn Name)> vnPorts)
    {
        var w = new FipWriter(frame, enodeMac, fcfMac, FipCodes.OpControl, FipCodes.SubClearVirtualLinks, 0);
        w.Mac(fcfMac);
        w.Name(switchName);
        foreach (var v in vnPorts) w.VnPortId(v.Mac, v.Id, v.Name);
        return w.Finish();
    }

    /// <summary>The FCF MAC and switch name, and the FC IDs of the links cleared.</summary>
    public static FipFrameError Parse(in FipFrame fip, out MacAddress fcfMac, out Wwn switchName, out List<FcId> cleared)
    {
        fcfMac = default;
        switchName = default;
        cleared = [];
        var seen = 0;
        foreach (var d in fip)
        {
            switch (d.Type)
            {
                case FipCodes.DescMac when d.Length == 8: fcfMac = d.Mac; seen |= 1; break;
                case FipCodes.DescName when d.Length == 12: switchName = d.Name; seen |= 2; break;
                case FipCodes.DescVnId when d.Length == 20: cleared.Add(FcId.Read(d.Bytes[9..])); break;
                default:
                    if (d.Type < FipCodes.FirstNonCritical) return FipFrameError.UnknownCriticalDescriptor;
                    break;
            }
        }
        return seen == 3 ? FipFrameError.None : FipFrameError.MissingDescriptor;
    }
}
