using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Ct;

/// <summary>
/// Thrown by a ParseAccept when the CT_IU is an FS_RJT. It derives from <see cref="FcWireFormatException"/>
/// because the bytes are not the accept the caller asked to decode; catch this type to read the reason.
/// </summary>
public sealed class CtRejectedException : FcWireFormatException
{
    public CtIuHeader Header { get; }
    public byte Reason => Header.Reason;
    public byte Explanation => Header.Explanation;
    public string ReasonName => Header.ReasonName;
    public string ExplanationName => Header.ExplanationName;

    public CtRejectedException(string message, CtIuHeader header)
        : base(message, 8, $"rejected: {CtRejectReasons.Table.NameOf(header.Reason)} / {header.ExplanationName} " +
                            $"(reason 0x{header.Reason:x2}, explanation 0x{header.Explanation:x2})")
    {
        Header = header;
    }
}
