using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Ct;

/// <summary>
/// Thrown by a ParseAccept when the CT_IU is an FS_RJT. It derives from <see cref="FcWireFormatException"/>
/// (through <see cref="FcRejectReplyException"/>, shared with ELS) because the bytes are not the accept the caller
/// asked to decode; catch this type, or the shared base, to read the reason.
/// </summary>
public sealed class CtRejectedException : FcRejectReplyException
{
    /// <summary>The FS_RJT's CT_IU header, which carries reason @13, explanation @14 and vendor unique @15.</summary>
    public CtIuHeader Header { get; }

    /// <summary>An FS_RJT decoded from <paramref name="header"/> while parsing <paramref name="message"/> ("GPN_ID accept" …).</summary>
    public CtRejectedException(string message, CtIuHeader header)
        : base(message, 8, $"rejected: {CtRejectReasons.Table.NameOf(header.Reason)} / {header.ExplanationName} " +
                            $"(reason 0x{header.Reason:x2}, explanation 0x{header.Explanation:x2})",
            header.Reason, header.Explanation, header.VendorUnique, header.ReasonName, header.ExplanationName)
    {
        Header = header;
    }
}
