using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>
/// The responder answered with LS_RJT instead of LS_ACC. Carries the decoded reject; shares
/// <see cref="FcRejectReplyException"/> (reason, explanation, names) with the CT FS_RJT.
/// </summary>
public sealed class ElsRejectedException : FcRejectReplyException
{
    /// <summary>The ELS that was rejected ("RLS accept" …).</summary>
    public string Request { get; }

    /// <summary>The LS_RJT: reason @5, explanation @6, vendor unique @7.</summary>
    public LsRjt Reject { get; }

    /// <summary>An LS_RJT received where <paramref name="request"/> was expected.</summary>
    public ElsRejectedException(string request, LsRjt reject)
        : base(request, 0, $"LS_RJT, {reject}", reject.Reason, reject.Explanation, reject.VendorUnique, reject.ReasonName, reject.ExplanationName)
    {
        Request = request;
        Reject = reject;
    }
}
