using BsgKit.Bsg;
using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Clients;

/// <summary>
/// Base of the FC client's errors. Each carries the <see cref="FcExchangeResult"/> (when a request was sent)
/// and a <see cref="BsgException.Hint"/> saying what a person can do.
/// </summary>
public class FcException : BsgException
{
    public FcExchangeResult? Exchange { get; }

    public FcException(string? nodePath, string message, string hint, FcExchangeResult? exchange = null, Exception? inner = null)
        : base(nodePath, message, hint, inner)
    {
        Exchange = exchange;
    }

    /// <summary>The right subclass for a failed exchange.</summary>
    public static FcException For(FcExchangeResult r) => r.Status switch
    {
        FcExchangeStatus.Rejected => new FcRejectedException(r),
        FcExchangeStatus.NoResponse => new FcNoResponseException(r),
        FcExchangeStatus.Malformed => new FcMalformedResponseException(r, r.Detail ?? "neither accept nor reject", null),
        FcExchangeStatus.Busy => new FcBusyException(r),
        _ => new FcTransportException(r),
    };
}

/// <summary>The fabric or the port said no: CT FS_RJT or ELS LS_RJT (or a reject in ctels_reply). Names included.</summary>
public sealed class FcRejectedException(FcExchangeResult r) : FcException(r.DevicePath,
    $"{r.Operation}{(r.Destination is { } d ? $" to {d}" : "")} was rejected: {r.RejectReasonName ?? "reject"}" +
    (r.RejectExplanationName is { } e ? $" / {e}" : "") + Codes(r),
    r.CtHeader is { IsReject: true } ? "the server understood the request and refused it; the reason and explanation say why (e.g. 'no object registered in the specified scope' means nothing matched)"
        : "the port refused the ELS; the reason and explanation say why (e.g. 'command not supported' means that port does not implement it)",
    r)
{
    public byte Reason => Exchange!.CtHeader is { IsReject: true } h ? h.Reason : Exchange.ElsReject?.Reason ?? Exchange.RejectData?.Reason ?? 0;
    public byte Explanation => Exchange!.CtHeader is { IsReject: true } h ? h.Explanation : Exchange.ElsReject?.Explanation ?? Exchange.RejectData?.Explanation ?? 0;
    public string? ReasonName => Exchange!.RejectReasonName;
    public string? ExplanationName => Exchange!.RejectExplanationName;
    public bool IsCtReject => Exchange!.CtHeader is { IsReject: true };

    private static string Codes(FcExchangeResult r) =>
        r.CtHeader is { IsReject: true } h ? $" (reason 0x{h.Reason:x2}, explanation 0x{h.Explanation:x2})"
        : r.ElsReject is { } l ? $" (reason 0x{l.Reason:x2}, explanation 0x{l.Explanation:x2})"
        : r.CtelsStatus is { } s ? $" (ctels status {s.NameOf()})" : "";
}

/// <summary>Nothing answered: the kernel's silent IOERR, an empty response buffer, or a timeout.</summary>
public sealed class FcNoResponseException(FcExchangeResult r) : FcException(r.DevicePath,
    $"{r.Operation}{(r.Destination is { } d ? $" to {d}" : "")}: no response" + (r.Detail is { } x ? $" ({x})" : ""),
    "the destination may not exist or be offline, the remote port may be blocked, or nothing answered before the timeout; " +
    "check `bsgkit list` for the port state and the kernel log",
    r);

/// <summary>The ioctl failed, or the driver/transport reported an error status.</summary>
public sealed class FcTransportException(FcExchangeResult r) : FcException(r.DevicePath,
    $"{r.Operation}{(r.Destination is { } d ? $" to {d}" : "")} via {r.MsgCode.NameOf()} failed: " +
    (r.Errno != 0 ? Bsg.Errno.Describe(r.Errno) : $"host byte {HostByte.NameOf(r.HostByte)} ({r.HostByte}), driver result {r.DriverResult}") +
    (r.Detail is { } x ? $" — {x}" : ""),
    r.Errno != 0 ? HintFor(r) : "the driver failed the exchange (firmware error or port gone); check the port state and the kernel log",
    r)
{
    public int Errno => Exchange!.Errno;

    private static string HintFor(FcExchangeResult r) => r.Errno switch
    {
        Bsg.Errno.EINVAL => $"the {r.Profile} driver refused the request as invalid; if the driver was misdetected pick a profile by name, " +
                            "and check the destination exists",
        _ => FcErrnoHints.HintFor(r.Errno),
    };
}

/// <summary>Bytes came back but do not form the answer they claim to be (short, cut mid-entry, wrong lengths, garbage).</summary>
public sealed class FcMalformedResponseException(FcExchangeResult r, string detail, Exception? inner) : FcException(r.DevicePath,
    $"{r.Operation}{(r.Destination is { } d ? $" to {d}" : "")}: malformed response: {detail}",
    "the responder sent something that is not a valid answer; capture it with a raw send (hex dump) and report it",
    r, inner);

/// <summary>The driver cannot do this at all (refused before anything was sent).</summary>
public sealed class FcNotSupportedException(string? nodePath, string message, string hint) : FcException(nodePath, message, hint);

/// <summary>The fabric, the port or the driver stayed busy through every attempt of the retry policy.</summary>
public sealed class FcBusyException(FcExchangeResult r) : FcException(r.DevicePath,
    $"{r.Operation}{(r.Destination is { } d ? $" to {d}" : "")}: busy — {r.Detail ?? "busy"}" +
    (r.Attempts > 1 ? $" (still busy after {r.Attempts} attempts)" : ""),
    "the fabric or the port asked to be retried later; try again in a moment (FcClientOptions.BusyRetry sets how long the client keeps trying)",
    r);

/// <summary>
/// A request that changes fabric or port state was refused before anything was sent, because the client was not
/// opened with <see cref="FcClientOptions.AllowStateChanges"/>.
/// </summary>
public sealed class FcStateChangeRefusedException(string? nodePath, string operation, string wouldDo) : FcException(nodePath,
    $"{operation} {wouldDo}; refused because the client does not allow state changes (nothing was sent)",
    "open the client with FcClientOptions.AllowStateChanges = true to send it")
{
    /// <summary>The request (e.g. "RPN_ID to 0xfffffc").</summary>
    public string Operation { get; } = operation;

    /// <summary>What it would have done, in words.</summary>
    public string WouldDo { get; } = wouldDo;
}

/// <summary>
/// The destination is not a remote port of this host (no rport with that port_id), so a driver that routes through
/// rports (lpfc) has nowhere to send it; nothing was sent.
/// </summary>
public sealed class FcPortNotFoundException(string? nodePath, string message, string hint) : FcException(nodePath, message, hint);
