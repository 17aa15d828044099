namespace BsgKit.Fc.Codes;

/// <summary>fc_bsg message codes and ctels status names (include/uapi/scsi/scsi_bsg_fc.h).</summary>
public static class FcBsgCodes
{
    /// <summary>Names of the fc_bsg_request msgcode values (FC_BSG_HST_* to the host, FC_BSG_RPT_* to a remote port).</summary>
    public static readonly CodeTable MsgCodes = new("fc_bsg msgcode",
        (0x80000001, "FC_BSG_HST_ADD_RPORT"),
        (0x80000002, "FC_BSG_HST_DEL_RPORT"),
        (0x80000003, "FC_BSG_HST_ELS_NOLOGIN"),
        (0x80000004, "FC_BSG_HST_CT"),
        (0x800000FF, "FC_BSG_HST_VENDOR"),
        (0x40000001, "FC_BSG_RPT_ELS"),
        (0x40000002, "FC_BSG_RPT_CT"));

    /// <summary>Names of fc_bsg_reply ctels_reply.status: how the driver says a CT or ELS passthrough ended.</summary>
    public static readonly CodeTable CtelsStatus = new("fc_bsg ctels status",
        (0, "FC_CTELS_STATUS_OK"),
        (1, "FC_CTELS_STATUS_REJECT"),
        (2, "FC_CTELS_STATUS_P_RJT"),
        (3, "FC_CTELS_STATUS_F_RJT"),
        (4, "FC_CTELS_STATUS_P_BSY"),
        (6, "FC_CTELS_STATUS_F_BSY"));
}
