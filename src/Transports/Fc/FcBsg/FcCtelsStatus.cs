using BsgKit.Fc.Codes;

namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg_reply.reply_data.ctels_reply.status (FC_CTELS_STATUS_*). 5 is undefined.</summary>
public enum FcCtelsStatus : uint
{
    /// <summary>FC_CTELS_STATUS_OK: an accept (LS_ACC / FS_ACC) came back.</summary>
    Ok = 0,
    /// <summary>FC_CTELS_STATUS_REJECT: LS_RJT / FS_RJT; details in rjt_data.</summary>
    Reject = 1,
    /// <summary>FC_CTELS_STATUS_P_RJT: the destination port rejected the frame.</summary>
    PRjt = 2,
    /// <summary>FC_CTELS_STATUS_F_RJT: the fabric rejected the frame.</summary>
    FRjt = 3,
    /// <summary>FC_CTELS_STATUS_P_BSY: the destination port is busy.</summary>
    PBsy = 4,
    /// <summary>FC_CTELS_STATUS_F_BSY: the fabric is busy.</summary>
    FBsy = 6,
}

/// <summary>Names of <see cref="FcCtelsStatus"/>.</summary>
public static class FcCtelsStatuses
{
    /// <summary>The FC_CTELS_STATUS_* name, or "unknown (0x…)".</summary>
    public static string NameOf(this FcCtelsStatus status) => FcBsgCodes.CtelsStatus.NameOf((uint)status);
}
