namespace BsgKit.Fc.Codes;

/// <summary>
/// The command/response field of a CT_IU response: 0x8001 is FS_RJT (reject), 0x8002 is FS_ACC (accept)
/// (kernel FC_FS_RJT / FC_FS_ACC).
/// </summary>
public static class CtResponseCodes
{
    public const ushort Reject = 0x8001;
    public const ushort Accept = 0x8002;

    public static readonly CodeTable Table = new("CT response code",
        (Reject, "FS_RJT (reject)"),
        (Accept, "FS_ACC (accept)"));
}
