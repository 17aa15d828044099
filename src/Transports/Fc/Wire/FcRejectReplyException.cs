namespace BsgKit.Fc.Wire;

/// <summary>
/// Thrown by an accept parser when the bytes are a reject instead: a CT FS_RJT (<see cref="Ct.CtRejectedException"/>)
/// or an ELS LS_RJT (<see cref="Els.ElsRejectedException"/>). Catch this type to read the reason and explanation of
/// either family; names come from the family's code tables. (A reject seen by a client on a sent request is an
/// <see cref="Clients.FcRejectedException"/> instead, carrying the whole exchange.)
/// </summary>
public abstract class FcRejectReplyException : FcWireFormatException
{
    private protected FcRejectReplyException(string message, int offset, string detail, byte reason, byte explanation, byte vendorUnique,
        string reasonName, string explanationName)
        : base(message, offset, detail)
    {
        Reason = reason;
        Explanation = explanation;
        VendorUnique = vendorUnique;
        ReasonName = reasonName;
        ExplanationName = explanationName;
    }

    /// <summary>The reason code (FS_RJT CT_IU byte 13, LS_RJT payload byte 5).</summary>
    public byte Reason { get; }

    /// <summary>The reason code explanation (FS_RJT byte 14, LS_RJT byte 6).</summary>
    public byte Explanation { get; }

    /// <summary>The vendor-unique byte (FS_RJT byte 15, LS_RJT byte 7).</summary>
    public byte VendorUnique { get; }

    /// <summary>The reason's name from the family's table (<c>CtRejectReasons</c>, <c>LsRjtReasons</c>), or "unknown (0x..)".</summary>
    public string ReasonName { get; }

    /// <summary>The explanation's name from the family's table, or "unknown (0x..)".</summary>
    public string ExplanationName { get; }
}
