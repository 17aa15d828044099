namespace BsgKit.Fc.Codes;

/// <summary>
/// The command/response field of a CT_IU response: 0x8001 is FS_RJT (reject), 0x8002 is FS_ACC (accept)
/// (kernel FC_FS_RJT / FC_FS_ACC).
/// </summary>
public static class CtResponseCodes
{
    /// <summary>FS_RJT: the server refused; reason and explanation are in bytes 13 and 14.</summary>
    public const ushort Reject = 0x8001;
    /// <summary>FS_ACC: the server accepted; the payload follows the 16-byte header and bytes 10-11 carry the residual.</summary>
    public const ushort Accept = 0x8002;

    /// <summary>Names of the two response codes.</summary>
    public static readonly CodeTable Table = new("CT response code",
        (Reject, "FS_RJT (reject)"),
        (Accept, "FS_ACC (accept)"));
}
