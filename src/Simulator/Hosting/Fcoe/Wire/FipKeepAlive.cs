using System.Buffers.Binary;
using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>A keep-alive: the ENode's MAC, and for a VN_Port keep-alive the VN_Port's MAC, FC ID and port name.</summary>
internal readonly record struct FipKeepAliveInfo(MacAddress EnodeMac, bool IsVnPort, MacAddress VnPortMac, FcId VnPortId, Wwn VnPortName);

/// <summary>
/// Keep-alive (CTRL/KA, fcoe_ctlr_send_keep_alive): the ENode sends one with its MAC descriptor every FKA_ADV_Period
/// from its own MAC, and one per VN_Port with a VN_Port ID descriptor every 90 s from the VN_Port's MAC.
/// </summary>
internal static class FipKeepAlive
{
    public static int Build(Span<byte> frame, MacAddress fcfMac, MacAddress source, MacAddress enodeMac, (MacAddress Mac, FcId Id, Wwn Name)? vnPort)
    {
        var w = new FipWriter(frame, fcfMac, source, FipCodes.OpControl, FipCodes.SubKeepAlive, FipCodes.FlagFpma);
        w.Mac(enodeMac);
        if (vnPort is { } v) w.VnPortId(v.Mac, v.Id, v.Name);
        return w.Finish();
    }

    public static FipFrameError Parse(in FipFrame fip, out FipKeepAliveInfo info)
    {
        info = default;
        MacAddress enode = default, vnMac = default;
        FcId vnId = default;
        Wwn vnName = default;
        bool hasMac = false, hasVn = false;
        foreach (var d in fip)
        {
            switch (d.Type)
            {
                case FipCodes.DescMac when d.Length == 8: enode = d.Mac; hasMac = true; break;
                case FipCodes.DescVnId when d.Length == 20:
                    vnMac = d.Mac;
                    vnId = FcId.Read(d.Bytes[9..]);
                    vnName = new Wwn(BinaryPrimitives.ReadUInt64BigEndian(d.Bytes[12..]));
                    hasVn = true;
                    break;
                default:
                    if (d.Type < FipCodes.FirstNonCritical) return FipFrameError.UnknownCriticalDescriptor;
                    break;
            }
        }
        if (!hasMac) return FipFrameError.MissingDescriptor;
        info = new FipKeepAliveInfo(enode, hasVn, vnMac, vnId, vnName);
        return FipFrameError.None;
    }
}
