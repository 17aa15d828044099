using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Codes;

/// <summary>
/// fc_bsg message code and ctels status names (include/uapi/scsi/scsi_bsg_fc.h), built from the
/// <see cref="FcBsgMsgCode"/> and <see cref="FcCtelsStatus"/> enums that own the numbers.
/// </summary>
public static class FcBsgCodes
{
    /// <summary>Names of the fc_bsg_request msgcode values (FC_BSG_HST_* to the host, FC_BSG_RPT_* to a remote port).</summary>
    public static readonly CodeTable MsgCodes = new("fc_bsg msgcode",
        ((uint)FcBsgMsgCode.HostAddRport, "FC_BSG_HST_ADD_RPORT"),
        ((uint)FcBsgMsgCode.HostDelRport, "FC_BSG_HST_DEL_RPORT"),
        ((uint)FcBsgMsgCode.HostElsNoLogin, "FC_BSG_HST_ELS_NOLOGIN"),
        ((uint)FcBsgMsgCode.HostCt, "FC_BSG_HST_CT"),
        ((uint)FcBsgMsgCode.HostVendor, "FC_BSG_HST_VENDOR"),
        ((uint)FcBsgMsgCode.RportEls, "FC_BSG_RPT_ELS"),
        ((uint)FcBsgMsgCode.RportCt, "FC_BSG_RPT_CT"));

    /// <summary>Names of fc_bsg_reply ctels_reply.status: how the driver says a CT or ELS passthrough ended.</summary>
    public static readonly CodeTable CtelsStatus = new("fc_bsg ctels status",
        ((uint)FcCtelsStatus.Ok, "FC_CTELS_STATUS_OK"),
        ((uint)FcCtelsStatus.Reject, "FC_CTELS_STATUS_REJECT"),
        ((uint)FcCtelsStatus.PRjt, "FC_CTELS_STATUS_P_RJT"),
        ((uint)FcCtelsStatus.FRjt, "FC_CTELS_STATUS_F_RJT"),
        ((uint)FcCtelsStatus.PBsy, "FC_CTELS_STATUS_P_BSY"),
        ((uint)FcCtelsStatus.FBsy, "FC_CTELS_STATUS_F_BSY"));
}
