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
    /// <summary>The bsg node the request went to.</summary>
    public required string DevicePath { get; init; }
    /// <summary>What was sent, by name ("GPN_ID", "ELS 0x0f (RLS)").</summary>
    public required string Operation { get; init; }
    /// <summary>The fc_bsg msgcode used (HST_CT, RPT_ELS …).</summary>
    public required FcBsgMsgCode MsgCode { get; init; }
    /// <summary>The destination FC ID, null for an rport node's own port.</summary>
    public FcId? Destination { get; init; }
    /// <summary>How the exchange ended: accepted, rejected, busy, no response, malformed or a transport error.</summary>
    public required FcExchangeStatus Status { get; init; }
    /// <summary>The name of the driver profile the answer was read under.</summary>
    public required string Profile { get; init; }

    /// <summary>0, or the errno ioctl(SG_IO) failed with.</summary>
    public int Errno { get; init; }
    /// <summary>The errno's symbolic name (EINVAL …), null when the ioctl succeeded.</summary>
    public string? ErrnoName => Errno == 0 ? null : Bsg.Errno.NameOf(Errno);

    /// <summary>sg_io_v4.transport_status (the SCSI host byte, e.g. 7 = DID_ERROR).</summary>
    public uint HostByte { get; init; }
    /// <summary>sg_io_v4 driver_status.</summary>
    public uint DriverStatus { get; init; }
    /// <summary>sg_io_v4 device_status.</summary>
    public uint DeviceStatus { get; init; }

    /// <summary>sg_io_v4.response_len: 0 (qla2xxx success), 4 (result only), 16, 28, 96 …</summary>
    public int ResponseLength { get; init; }

    /// <summary>fc_bsg_reply.result (or the 4-byte result the kernel copied on a failed ioctl); null when absent.</summary>
    public int? DriverResult { get; init; }

    /// <summary>fc_bsg_reply.reply_payload_rcv_len as reported; null when response_len did not reach it.</summary>
    public uint? ReportedReceivedLength { get; init; }
    /// <summary>sg_io_v4 din_resid: din bytes not transferred.</summary>
    public int DinResid { get; init; }
    /// <summary>fc_bsg_reply ctels_reply status, when the reply was long enough to carry it.</summary>
    public FcCtelsStatus? CtelsStatus { get; init; }
    /// <summary>fc_bsg_reply rjt_data (reason, explanation, vendor unique), as lpfc reports an LS_RJT.</summary>
    public FcBsgRejectData? RejectData { get; init; }

    /// <summary>Bytes of response payload that are real (see <see cref="ReceivedLengthSource"/>).</summary>
    public int ReceivedLength { get; init; }
    /// <summary>Where <see cref="ReceivedLength"/> came from: the driver's rcv_len, din_resid, or the whole buffer.</summary>
    public FcReceivedLengthSource ReceivedLengthSource { get; init; }

    /// <summary>The CT_IU header of the response (accept or reject); null for ELS or no response.</summary>
    public CtIuHeader? CtHeader { get; init; }

    /// <summary>The LS_RJT, from the payload or from rjt_data (lpfc).</summary>
    public LsRjt? ElsReject { get; init; }

    /// <summary>A CT accept's ct_mr_size: 4-byte words that did not fit (non-zero = truncated).</summary>
    public ushort CtResidualWords => CtHeader is { IsAccept: true } h ? h.MaxOrResidualWords : (ushort)0;

    /// <summary>Wall time of the ioctl, retries excluded.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The received payload (raw sends only; typed calls decode in place and leave this empty).</summary>
    public ReadOnlyMemory<byte> Response { get; init; }

    /// <summary>The fc_bsg_reply bytes up to response_len (raw sends only; vendor replies live here).</summary>
    public ReadOnlyMemory<byte> Reply { get; init; }

    /// <summary>A sentence for people: what happened and (when it failed) why.</summary>
    public string? Detail { get; init; }

    /// <summary>True when the responder accepted (FS_ACC, LS_ACC, or a vendor command that succeeded).</summary>
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

    /// <summary>The reject's reason name, from the CT or LS_RJT table, null when not rejected.</summary>
    public string? RejectReasonName => Status != FcExchangeStatus.Rejected ? null
        : CtHeader is { IsReject: true } h ? h.ReasonName
        : ElsReject?.ReasonName ?? (RejectData is { Reason: not 0 } r
            ? (CtelsStatus is FcCtelsStatus.PRjt or FcCtelsStatus.FRjt ? Codes.FrameRejectReasons.Table : Codes.CtRejectReasons.Table).NameOf(r.Reason)
            : null);

    /// <summary>The reject's explanation name, null when not rejected.</summary>
    public string? RejectExplanationName => Status != FcExchangeStatus.Rejected ? null
        : CtHeader is { IsReject: true } h ? h.ExplanationName
        : ElsReject?.ExplanationName;

    /// <summary>Throws the typed <see cref="FcException"/> unless accepted.</summary>
    public FcExchangeResult ThrowIfFailed()
    {
        if (Status != FcExchangeStatus.Accepted) throw FcException.For(this);
        return this;
    }

    /// <summary>A one-line rendering for logs and the CLI.</summary>
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

    /// <summary>A decoded value with the exchange it came from.</summary>
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

    /// <summary>The decoded accept.</summary>
    public T Value { get; }

    /// <summary>The exchange: statuses, lengths, timing, raw bytes.</summary>
    public FcExchangeResult Exchange => _exchange ?? _outcome.ToResult();

    /// <summary>Splits into the value and the exchange.</summary>
    public void Deconstruct(out T value, out FcExchangeResult exchange) => (value, exchange) = (Value, Exchange);

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => $"{Value} ({Exchange})";
}
