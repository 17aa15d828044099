using BsgKit.Fc.Codes;

namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg_request.msgcode (scsi_bsg_fc.h). 0x8… codes go to /dev/bsg/fc_hostN, 0x4… to rport nodes.</summary>
public enum FcBsgMsgCode : uint
{
    /// <summary>FC_BSG_HST_ADD_RPORT: ask the LLD to log in to a port (no in-tree driver implements it).</summary>
    HostAddRport = FcBsgMsgCodes.HostClass | 0x01,
    /// <summary>FC_BSG_HST_DEL_RPORT: ask the LLD to log out of a port (no in-tree driver implements it).</summary>
    HostDelRport = FcBsgMsgCodes.HostClass | 0x02,
    /// <summary>FC_BSG_HST_ELS_NOLOGIN: an ELS to a port ID without a login.</summary>
    HostElsNoLogin = FcBsgMsgCodes.HostClass | 0x03,
    /// <summary>FC_BSG_HST_CT: a CT_IU to a port ID (usually a well-known server).</summary>
    HostCt = FcBsgMsgCodes.HostClass | 0x04,
    /// <summary>FC_BSG_HST_VENDOR: a vendor command, checked against the driver's vendor_id.</summary>
    HostVendor = FcBsgMsgCodes.HostClass | 0xFF,
    /// <summary>FC_BSG_RPT_ELS: an ELS to the logged-in remote port of the rport node.</summary>
    RportEls = FcBsgMsgCodes.RportClass | 0x01,
    /// <summary>FC_BSG_RPT_CT: a CT_IU to the logged-in remote port of the rport node.</summary>
    RportCt = FcBsgMsgCodes.RportClass | 0x02,
}

/// <summary>Classes, names and nominal lengths of <see cref="FcBsgMsgCode"/>.</summary>
public static class FcBsgMsgCodes
{
    /// <summary>The bits of a msgcode that say which node takes it.</summary>
    public const uint ClassMask = 0xF0000000;
    /// <summary>FC_BSG_HST_MASK: codes for fc_host nodes.</summary>
    public const uint HostClass = 0x80000000;
    /// <summary>FC_BSG_RPT_MASK: codes for rport nodes.</summary>
    public const uint RportClass = 0x40000000;

    /// <summary>Every msgcode scsi_bsg_fc.h defines.</summary>
    public static IReadOnlyList<FcBsgMsgCode> All { get; } = Enum.GetValues<FcBsgMsgCode>();

    /// <summary>True for codes sent to an fc_host node (an rport node answers them with EBADR).</summary>
    public static bool IsHost(this FcBsgMsgCode code) => ((uint)code & ClassMask) == HostClass;

    /// <summary>True for codes sent to an rport node (an fc_host node answers them with EBADR).</summary>
    public static bool IsRport(this FcBsgMsgCode code) => ((uint)code & ClassMask) == RportClass;

    /// <summary>True for the ELS codes (HST_ELS_NOLOGIN, RPT_ELS): the payload is an ELS, else a CT_IU.</summary>
    public static bool IsEls(this FcBsgMsgCode code) => code is FcBsgMsgCode.HostElsNoLogin or FcBsgMsgCode.RportEls;

    /// <summary>The FC_BSG_* name, or "unknown (0x…)".</summary>
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
