using BsgKit.Fc.Codes;

namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg_request.msgcode (scsi_bsg_fc.h). 0x8… codes go to /dev/bsg/fc_hostN, 0x4… to rport nodes.</summary>
public enum FcBsgMsgCode : uint
{
    HostAddRport = 0x80000001,
    HostDelRport = 0x80000002,
    HostElsNoLogin = 0x80000003,
    HostCt = 0x80000004,
    HostVendor = 0x800000FF,
    RportEls = 0x40000001,
    RportCt = 0x40000002,
}

public static class FcBsgMsgCodes
{
    public const uint ClassMask = 0xF0000000;
    public const uint HostClass = 0x80000000;
    public const uint RportClass = 0x40000000;

    /// <summary>True for codes sent to an fc_host node (an rport node answers them with EBADR).</summary>
    public static bool IsHost(this FcBsgMsgCode code) => ((uint)code & ClassMask) == HostClass;

    /// <summary>True for codes sent to an rport node (an fc_host node answers them with EBADR).</summary>
    public static bool IsRport(this FcBsgMsgCode code) => ((uint)code & ClassMask) == RportClass;

    public static string NameOf(this FcBsgMsgCode code) => FcBsgCodes.MsgCodes.NameOf((uint)code);

    /// <summary>4 + the union member's C size, the length the transport computes (not checked against request_len).</summary>
    public static int NominalLength(this FcBsgMsgCode code) => code switch
    {
        FcBsgMsgCode.HostAddRport or FcBsgMsgCode.HostDelRport or FcBsgMsgCode.HostElsNoLogin => 8,
        FcBsgMsgCode.HostCt => 20,
        FcBsgMsgCode.HostVendor => 12,
        FcBsgMsgCode.RportEls => 5,
        FcBsgMsgCode.RportCt => 16,
        _ => 4,
    };
}
