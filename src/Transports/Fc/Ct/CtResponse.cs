namespace BsgKit.Fc.Ct;

/// <summary>What kind of CT response the command/response code @8 says it is.</summary>
public enum CtResponseKind
{
    /// <summary>0x8001, FS_ACC.</summary>
    Accept,
    /// <summary>0x8002, FS_RJT.</summary>
    Reject,
    /// <summary>Neither 0x8001 nor 0x8002: zfcp_show's "non-conforming data".</summary>
    NonConforming,
}

/// <summary>The outcome of any CT response, before decoding the command-specific payload.</summary>
public sealed record CtResponse(CtResponseKind Kind, CtIuHeader Header, int PayloadLength)
{
    /// <summary>The FS_RJT reason code (CT_IU byte 13).</summary>
    public byte Reason => Header.Reason;
    /// <summary>The FS_RJT reason explanation (CT_IU byte 14).</summary>
    public byte Explanation => Header.Explanation;
    /// <summary>Reject reason name; null unless rejected.</summary>
    public string? ReasonName => Kind == CtResponseKind.Reject ? Header.ReasonName : null;
    /// <summary>Explanation name from the rejecting server's table; null unless rejected.</summary>
    public string? ExplanationName => Kind == CtResponseKind.Reject ? Header.ExplanationName : null;
    /// <summary>Accept: words that did not fit in the response (non-zero means truncated).</summary>
    public ushort ResidualWords => Kind == CtResponseKind.Accept ? Header.MaxOrResidualWords : (ushort)0;

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => Kind switch
    {
        CtResponseKind.Accept => $"FS_ACC ({PayloadLength} payload bytes, residual {ResidualWords} words)",
        CtResponseKind.Reject => $"FS_RJT: {ReasonName} / {ExplanationName}",
        _ => $"non-conforming response code 0x{Header.CommandResponse:x4}",
    };
}
