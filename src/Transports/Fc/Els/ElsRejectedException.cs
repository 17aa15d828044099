namespace BsgKit.Fc.Els;

/// <summary>The responder answered with LS_RJT instead of LS_ACC. Carries the decoded reject.</summary>
public sealed class ElsRejectedException : Exception
{
    /// <summary>The ELS that was rejected ("RLS accept" …).</summary>
    public string Request { get; }
    public LsRjt Reject { get; }

    public ElsRejectedException(string request, LsRjt reject)
        : base($"{request}: LS_RJT, {reject}")
    {
        Request = request;
        Reject = reject;
    }
}
