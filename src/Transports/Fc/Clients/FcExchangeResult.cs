using BsgKit.Bsg;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Clients;

/// <summary>How one CT / ELS / vendor exchange ended, after reading every layer (docs/reference/kernel-rules.md §7).</summary>
public enum FcExchangeStatus
{
    /// <summary>FS_ACC / LS_ACC (or a vendor reply with result 0).</summary>
    Accepted,
    /// <summary>FS_RJT, LS_RJT, or a fabric/port reject reported in ctels_reply.</summary>
    Rejected,
    /// <summary>Nothing answered: silent IOERR, no CT/ELS header in din, or ETIMEDOUT.</summary>
    NoResponse,
    /// <summary>ioctl(SG_IO) failed with an errno (the driver or the kernel refused or failed the request).</summary>
    IoctlFailed,
    /// <summary>ioctl 0 but transport/device/driver status, or fc_bsg_reply.result, reports an error.</summary>
    TransportError,
    /// <summary>Something came back that is neither accept nor reject.</summary>
    Malformed,
    /// <summary>
    /// The fabric or the port was busy (F_BSY, P_BSY, CT FS_RJT or LS_RJT "logical busy", qla2xxx CS_PORT_BUSY) or
    /// the driver answered EBUSY; retried with backoff (<see cref="FcClientOptions.BusyRetry"/>) before it is reported.
    /// </summary>
    Busy,
}

/// <summary>Where <see cref="FcExchangeResult.ReceivedLength"/> came from.</summary>
public enum FcReceivedLengthSource
{
    /// <summary>din_xfer_len − din_resid (= reply_payload_rcv_len), trusted for this driver.</summary>
    Kernel,
    /// <summary>The driver reports the full buffer (qla2xxx CS_COMPLETE, zfcp): derived from the payload.</summary>
    Payload,
}

/// <summary>
/// The one result model for every exchange: errno, host byte, fc_bsg_reply (result, rcv_len), ctels status
/// and rjt_data, CT accept/reject or ELS LS_ACC/LS_RJT with names, CT residual, received length (trusted or
/// derived), and duration. <see cref="Response"/> holds the received bytes only for raw sends.
/// </summary>
public sealed class FcExchangeResult
{
    public required string DevicePath { get; init; }
    public required string Operation { get; init; }
    public required FcBsgMsgCode MsgCode { get; init; }
    public FcId? Destination { get; init; }
    public required FcExchangeStatus Status { get; init; }
    public required string Profile { get; init; }

    /// <summary>0, or the errno ioctl(SG_IO) failed with.</summary>
    public int Errno { get; init; }
    public string? ErrnoName => Errno == 0 ? null : Bsg.Errno.NameOf(Errno);

    /// <summary>sg_io_v4.transport_status (the SCSI host byte, e.g. 7 = DID_ERROR).</summary>
    public uint HostByte { get; init; }
    public uint DriverStatus { get; init; }
    public uint DeviceStatus { get; init; }

    /// <summary>sg_io_v4.response_len: 0 (qla2xxx success), 4 (result only), 16, 28, 96 …</summary>
    public int ResponseLength { get; init; }

    /// <summary>fc_bsg_reply.result (or the 4-byte result the kernel copied on a failed ioctl); null when absent.</summary>
    public int? DriverResult { get; init; }

    /// <summary>fc_bsg_reply.reply_payload_rcv_len as reported; null when response_len did not reach it.</summary>
    public uint? ReportedReceivedLength { get; init; }
    public int DinResid { get; init; }
    public FcCtelsStatus? CtelsStatus { get; init; }
    public FcBsgRejectData? RejectData { get; init; }

    /// <summary>Bytes of response payload that are real (see <see cref="ReceivedLengthSource"/>).</summary>
    public int ReceivedLength { get; init; }
    public FcReceivedLengthSource ReceivedLengthSource { get; init; }

    /// <summary>The CT_IU header of the response (accept or reject); null for ELS or no response.</summary>
    public CtIuHeader? CtHeader { get; init; }

    /// <summary>The LS_RJT, from the payload or from rjt_data (lpfc).</summary>
    public LsRjt? ElsReject { get; init; }

    /// <summary>A CT accept's ct_mr_size: 4-byte words that did not fit (non-zero = truncated).</summary>
    public ushort CtResidualWords => CtHeader is { IsAccept: true } h ? h.MaxOrResidualWords : (ushort)0;

    public TimeSpan Duration { get; init; }

    /// <summary>The received payload (raw sends only; typed calls decode in place and leave this empty).</summary>
    public ReadOnlyMemory<byte> Response { get; init; }

    /// <summary>The fc_bsg_reply bytes up to response_len (raw sends only; vendor replies live here).</summary>
    public ReadOnlyMemory<byte> Reply { get; init; }

    /// <summary>A sentence for people: what happened and (when it failed) why.</summary>
    public string? Detail { get; init; }

    public bool IsAccepted => Status == FcExchangeStatus.Accepted;

    private int _attempts = 1;

    /// <summary>How many times the request was sent (more than 1 after busy answers).</summary>
    public int Attempts { get => _attempts; init => _attempts = value; }

    internal FcExchangeResult WithAttempts(int attempts)
    {
        var copy = (FcExchangeResult)MemberwiseClone();
        copy._attempts = attempts;
        return copy;
    }

    public string? RejectReasonName => Status != FcExchangeStatus.Rejected ? null
        : CtHeader is { IsReject: true } h ? h.ReasonName
        : ElsReject?.ReasonName ?? (RejectData is { Reason: not 0 } r
            ? (CtelsStatus is FcCtelsStatus.PRjt or FcCtelsStatus.FRjt ? Codes.FrameRejectReasons.Table : Codes.CtRejectReasons.Table).NameOf(r.Reason)
            : null);

    public string? RejectExplanationName => Status != FcExchangeStatus.Rejected ? null
        : CtHeader is { IsReject: true } h ? h.ExplanationName
        : ElsReject?.ExplanationName;

    /// <summary>Throws the typed <see cref="FcException"/> unless accepted.</summary>
    public FcExchangeResult ThrowIfFailed()
    {
        if (Status != FcExchangeStatus.Accepted) throw FcException.For(this);
        return this;
    }

    public override string ToString()
    {
        var where = Destination is { } d ? $" to {d}" : "";
        return $"{Operation}{where} via {MsgCode.NameOf()} on {DevicePath} [{Profile}]: {Status}" +
               (Detail is null ? "" : $" — {Detail}") + $" ({Duration.TotalMilliseconds:0.###} ms" +
               (Attempts > 1 ? $", {Attempts} attempts)" : ")");
    }
}

/// <summary>
/// A decoded answer plus the exchange it came from (duration, residual, lengths). The typed request path keeps the
/// exchange as a value and makes its <see cref="FcExchangeResult"/> when <see cref="Exchange"/> is read (each read
/// makes one: keep it if you need it twice), so a request whose caller wants only the value allocates nothing.
/// </summary>
public readonly struct FcResponse<T>
{
    private readonly FcExchangeResult? _exchange;
    private readonly FcExchangeOutcome _outcome;

    public FcResponse(T value, FcExchangeResult exchange)
    {
        Value = value;
        _exchange = exchange;
        _outcome = default;
    }

    internal FcResponse(T value, in FcExchangeOutcome outcome)
    {
        Value = value;
        _exchange = null;
        _outcome = outcome;
    }

    public T Value { get; }

    public FcExchangeResult Exchange => _exchange ?? _outcome.ToResult();

    public void Deconstruct(out T value, out FcExchangeResult exchange) => (value, exchange) = (Value, Exchange);

    public override string ToString() => $"{Value} ({Exchange})";
}
