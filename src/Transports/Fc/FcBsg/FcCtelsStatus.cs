using BsgKit.Fc.Codes;

namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg_reply.reply_data.ctels_reply.status (FC_CTELS_STATUS_*). 5 is undefined.</summary>
public enum FcCtelsStatus : uint
{
    Ok = 0,
    Reject = 1,
    PRjt = 2,
    FRjt = 3,
    PBsy = 4,
    FBsy = 6,
}

public static class FcCtelsStatuses
{
    public static string NameOf(this FcCtelsStatus status) => FcBsgCodes.CtelsStatus.NameOf((uint)status);
}
