using System.Buffers.Binary;
using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>What an FCF advertises.</summary>
internal readonly record struct FipAdvertisementInfo(MacAddress FcfMac, byte Priority, Wwn SwitchName, Wwn FabricName, uint FcMap,
    ushort VfId, uint FkaPeriodMs, ushort Flags);

/// <summary>
/// Discovery advertisement (DISC/ADV): priority, MAC, name (switch name), fabric (VF_ID, FC-MAP, fabric name) and
/// FKA_ADV_Period descriptors — exactly the five fcoe_ctlr_parse_adv requires; any other critical descriptor (a max
/// FCoE size among them) makes Linux drop the advertisement. Solicited ones carry the S flag and are padded to the size
/// the solicitation asked for, so the path's MTU is proven (FC-BB-5); unsolicited ones go to ALL-ENode-MACs every
/// FKA_ADV_Period.
/// </summary>
internal static class FipAdvertisement
{
    public static int Build(Span<byte> frame, MacAddress destination, in FipAdvertisementInfo adv, int padTo = 0)
    {
        var w = new FipWriter(frame, destination, adv.FcfMac, FipCodes.OpDiscovery, FipCodes.SubAdvertisement, adv.Flags);
        w.Priority(adv.Priority);
        w.Mac(adv.FcfMac);
        w.Name(adv.SwitchName);
        w.Fabric(adv.VfId, adv.FcMap, adv.FabricName);
        w.Fka(adv.FkaPeriodMs);
        return w.Finish(padTo);
    }

    public static FipFrameError Parse(in FipFrame fip, out FipAdvertisementInfo info)
    {
        info = default;
        byte priority = 0;
        MacAddress mac = default;
        Wwn name = default, fabric = default;
        uint map = 0, fka = 0;
        ushort vf = 0;
        var seen = 0;
        foreach (var d in fip)
        {
            switch (d.Type)
            {
                case FipCodes.DescPriority when d.Length == 4: priority = d.Bytes[3]; seen |= 1; break;
                case FipCodes.DescMac when d.Length == 8: mac = d.Mac; seen |= 2; break;
                case FipCodes.DescName when d.Length == 12: name = d.Name; seen |= 4; break;
                case FipCodes.DescFabric when d.Length == 16:
                    vf = BinaryPrimitives.ReadUInt16BigEndian(d.Bytes[2..]);
                    map = (uint)(d.Bytes[5] << 16 | d.Bytes[6] << 8 | d.Bytes[7]);
                    fabric = Wwn.Read(d.Bytes[8..]);
                    seen |= 8;
                    break;
                case FipCodes.DescFka when d.Length == 8: fka = BinaryPrimitives.ReadUInt32BigEndian(d.Bytes[4..]); seen |= 16; break;
                default:
                    if (d.Type < FipCodes.FirstNonCritical) return FipFrameError.UnknownCriticalDescriptor;
                    break;
            }
        }
        if (seen != 31) return FipFrameError.MissingDescriptor;
        info = new FipAdvertisementInfo(mac, priority, name, fabric, map, vf, fka, fip.Flags);
        return FipFrameError.None;
    }
}
