using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using BsgKit.Bsg;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;

namespace BsgKit.Fc.Clients;

/// <summary>What the payload of an exchange is expected to be.</summary>
public enum FcPayloadKind
{
    /// <summary>A CT IU (FC-GS): name server, fabric configuration, zone server, FDMI.</summary>
    Ct,
    /// <summary>An ELS payload (FC-LS): LS_ACC or LS_RJT first.</summary>
    Els,
    /// <summary>A driver-specific vendor command (FC_BSG_HST_VENDOR); its payload is not decoded.</summary>
    Vendor,
}

/// <summary>
/// Reads one completion layer by layer (docs/reference/kernel-rules.md §7) under a driver profile: errno, statuses, fc_bsg_reply
/// up to response_len, received length (trusted or derived), then the payload header — which wins over
/// ctels_reply, because lpfc leaves the status unwritten on success and qla2xxx/zfcp always say OK.
/// </summary>
public static class FcExchangeInterpreter
{
    /// <summary>Classifies one completed exchange into an <see cref="FcExchangeResult"/>.</summary>
    /// <param name="c">The SG_IO completion (errno, driver/transport/device status).</param>
    /// <param name="reply">The fc_bsg_reply bytes the kernel wrote.</param>
    /// <param name="din">The response payload (din) buffer.</param>
    /// <param name="kind">Which payload header to read.</param>
    /// <param name="profile">The driver's quirks (which fields it writes).</param>
    /// <param name="msgCode">The fc_bsg message code sent.</param>
    /// <param name="operation">The operation name used in messages ("GPN_ID request").</param>
    /// <param name="destination">The D_ID the request went to, if any.</param>
    /// <param name="keepBytes">Whether the result keeps a copy of the payload bytes.</param>
    public static FcExchangeResult Interpret(in BsgCompletion c, ReadOnlySpan<byte> reply, ReadOnlySpan<byte> din, FcPayloadKind kind,
        FcDriverProfile profile, FcBsgMsgCode msgCode, string operation, FcId? destination, bool keepBytes) =>
        InterpretOutcome(c, reply, din, kind, profile, msgCode, operation, destination, keepBytes).ToResult();

    /// <summary>
    /// <see cref="Interpret"/> without making the result object: the typed request path decodes an accept from the
    /// outcome and makes the <see cref="FcExchangeResult"/> only when someone asks for it (or for a failure).
    /// </summary>
    // Not inlined into the request path: its many outcomes (each a copy of the builder) and messages would all become
    // temporaries of the caller's frame, zeroed on every request.
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static FcExchangeOutcome InterpretOutcome(in BsgCompletion c, ReadOnlySpan<byte> reply, ReadOnlySpan<byte> din, FcPayloadKind kind,
        FcDriverProfile profile, FcBsgMsgCode msgCode, string operation, FcId? destination, bool keepBytes)
    {
        var common = new FcExchangeOutcome(c, profile, msgCode, operation, destination);
        if (c.Outcome == BsgOutcome.IoctlFailed)
        {
            var timeout = c.Errno == Errno.ETIMEDOUT;
            if (c.Errno == Errno.EBUSY)
                return common.Make(FcExchangeStatus.Busy, "the driver is busy with another passthrough (EBUSY)",
                    driverResult: c.KernelResult != 0 ? c.KernelResult : null);
            return common.Make(timeout ? FcExchangeStatus.NoResponse : FcExchangeStatus.IoctlFailed,
                timeout ? "the driver timed out waiting for an answer" : DescribeErrno(c.Errno, msgCode, profile),
                driverResult: c.KernelResult != 0 ? c.KernelResult : null);
        }

        var r = new FcBsgReplyReader(reply, c.ResponseLength);
        var responseLength = r.Length;
        var result = r.Result;
        var rcvLen = r.ReceivedPayloadLength;
        // A vendor reply has vendor_rsp[] words where CT/ELS have status and rjt_data.
        var ctels = kind != FcPayloadKind.Vendor ? r.Status : null;
        var rjt = kind != FcPayloadKind.Vendor ? r.RejectData : null;
        common.Reply(responseLength, result, rcvLen, ctels, rjt, keepBytes ? r.Bytes.ToArray() : null);

        if (c.Outcome == BsgOutcome.StatusError && r.HasFirmwareStatus
            && profile.FirmwareBusyStatus is uint busy && r.FirmwareStatus(0) == busy)
            return common.Make(FcExchangeStatus.Busy, $"the destination port or the fabric is busy ({QlogicCompletionStatuses.Table.NameOf(busy)})");
        if (c.Outcome == BsgOutcome.StatusError)
            return common.Make(FcExchangeStatus.TransportError,
                $"transport status {HostByte.NameOf(c.TransportStatus)} ({c.TransportStatus}), device 0x{c.DeviceStatus:x2}, driver 0x{c.DriverStatus:x2}" +
                (r.HasFirmwareStatus ? $", firmware status 0x{r.FirmwareStatus(0):x}" : ""));
        if (result is int res && res != 0)
            return common.Make(FcExchangeStatus.TransportError, $"fc_bsg_reply.result is {res}" + (res < 0 ? $" ({Errno.NameOf(-res)})" : ""));

        var dinLength = din.Length;
        int received;
        FcReceivedLengthSource source;
        if (profile.TrustsReceivedLength)
        {
            received = Math.Clamp(c.ReceivedLength, 0, dinLength);
            source = FcReceivedLengthSource.Kernel;
        }
        else
        {
            // qla2xxx CS_COMPLETE and zfcp report the whole buffer; only a smaller count (qla2xxx underrun) means something.
            received = rcvLen is uint n && n < (uint)dinLength ? (int)n : DerivedLength(din, kind);
            source = FcReceivedLengthSource.Payload;
        }
        var payload = din[..received];
        common.Received(received, source, keepBytes ? payload.ToArray() : null);

        return kind switch
        {
            FcPayloadKind.Ct => InterpretCt(ref common, payload, ctels, rjt, profile),
            FcPayloadKind.Els => InterpretEls(ref common, payload, ctels, rjt, profile),
            _ => common.Make(FcExchangeStatus.Accepted, null),
        };
    }

    /// <summary>How much of a full-length buffer is answer: a reject is a fixed size; an accept is read by its own structure.</summary>
    private static int DerivedLength(ReadOnlySpan<byte> din, FcPayloadKind kind)
    {
        if (kind == FcPayloadKind.Ct && din.Length >= CtIuHeader.Size && BinaryPrimitives.ReadUInt16BigEndian(din[8..]) == CtResponseCodes.Reject)
            return CtIuHeader.Size;
        if (kind == FcPayloadKind.Els && din.Length >= LsRjt.Length && din[0] == ElsCommands.LsRjt) return LsRjt.Length;
        if (din.IndexOfAnyExcept((byte)0) < 0) return 0;
        return din.Length;
    }

    private static FcExchangeOutcome InterpretCt(ref FcExchangeOutcome b, ReadOnlySpan<byte> payload, FcCtelsStatus? ctels, FcBsgRejectData? rjt, FcDriverProfile profile)
    {
        if (payload.Length >= CtIuHeader.Size)
        {
            var header = CtIuHeader.Read(payload);
            b.Ct(header);
            if (header.IsAccept)
                return b.Make(FcExchangeStatus.Accepted, header.MaxOrResidualWords != 0 ? $"truncated: {header.MaxOrResidualWords} words did not fit" : null);
            if (header.IsReject && header.Reason == CtRejectReasons.LogicalBusy)
                return b.Make(FcExchangeStatus.Busy, $"the {header.ServerName} is busy (FS_RJT logical busy, explanation {header.ExplanationName})");
            if (header.IsReject)
                return b.Make(FcExchangeStatus.Rejected, $"FS_RJT from the {header.ServerName}: {header.ReasonName} / {header.ExplanationName}");
            if (header.CommandResponse != 0 || payload.IndexOfAnyExcept((byte)0) >= 0)
            {
                b.Ct(null);
                return b.Make(FcExchangeStatus.Malformed, $"CT response code 0x{header.CommandResponse:x4} is neither accept (0x8002) nor reject (0x8001)");
            }
        }
        else if (payload.IndexOfAnyExcept((byte)0) >= 0)
            return b.Make(FcExchangeStatus.Malformed, $"{payload.Length} bytes received, a CT_IU header is 16");
        return FromCtelsOrNoResponse(ref b, ctels, rjt, profile, isEls: false, "no CT_IU header in the response");
    }

    private static FcExchangeOutcome InterpretEls(ref FcExchangeOutcome b, ReadOnlySpan<byte> payload, FcCtelsStatus? ctels, FcBsgRejectData? rjt, FcDriverProfile profile)
    {
        if (!payload.IsEmpty && payload[0] != 0)
        {
            switch (payload[0])
            {
                case ElsCommands.LsAcc:
                    return b.Make(FcExchangeStatus.Accepted, null);
                case ElsCommands.LsRjt when payload.Length >= LsRjt.Length:
                    var rej = new LsRjt(payload[5], payload[6], payload[7]);
                    b.Els(rej);
                    return rej.Reason == LsRjtReasons.LogicalBusy
                        ? b.Make(FcExchangeStatus.Busy, $"the port is busy (LS_RJT logical busy, explanation {rej.ExplanationName})")
                        : b.Make(FcExchangeStatus.Rejected, $"LS_RJT: {rej}");
                case ElsCommands.LsRjt:
                    return b.Make(FcExchangeStatus.Malformed, $"LS_RJT of {payload.Length} bytes; it is 8");
                default:
                    return b.Make(FcExchangeStatus.Malformed, $"byte 0 is 0x{payload[0]:x2} ({ElsCommands.Table.NameOf(payload[0])}), neither LS_ACC nor LS_RJT");
            }
        }
        return FromCtelsOrNoResponse(ref b, ctels, rjt, profile, isEls: true, "no ELS reply in the response");
    }

    private static FcExchangeOutcome FromCtelsOrNoResponse(ref FcExchangeOutcome b, FcCtelsStatus? ctels, FcBsgRejectData? rjt, FcDriverProfile profile, bool isEls, string noResponse)
    {
        if (ctels is { } s && s != FcCtelsStatus.Ok)
        {
            if (s is FcCtelsStatus.FBsy) return b.Make(FcExchangeStatus.Busy, "the fabric is busy (F_BSY)");
            if (s is FcCtelsStatus.PBsy) return b.Make(FcExchangeStatus.Busy, "the destination port is busy (P_BSY)");
            var fabricReject = s is FcCtelsStatus.PRjt or FcCtelsStatus.FRjt;
            if (isEls && s == FcCtelsStatus.Reject && profile.ReportsRejectDataInReply && rjt is { } d)
            {
                var rej = LsRjt.FromBsgRejectData(d.Reason, d.Explanation, d.VendorUnique);
                b.Els(rej);
                return rej.Reason == LsRjtReasons.LogicalBusy
                    ? b.Make(FcExchangeStatus.Busy, $"the port is busy (LS_RJT logical busy, reported in ctels_reply)")
                    : b.Make(FcExchangeStatus.Rejected, $"LS_RJT (reported in ctels_reply): {rej}");
            }
            if (s == FcCtelsStatus.Reject || fabricReject)
                return b.Make(FcExchangeStatus.Rejected, $"ctels_reply status {s.NameOf()}" +
                    (rjt is { } x && (x.Reason | x.Explanation) != 0 ? $", reason 0x{x.Reason:x2}, explanation 0x{x.Explanation:x2}" : ", no reject details reported"));
        }
        return b.Make(FcExchangeStatus.NoResponse, noResponse + " (the request failed or timed out inside the kernel or the fabric)");
    }

    private static string DescribeErrno(int errno, FcBsgMsgCode code, FcDriverProfile profile) => errno switch
    {
        Errno.EINVAL when !profile.Supports(code) => $"the {profile.Name} driver does not implement {code.NameOf()}",
        Errno.EINVAL => $"the {profile.Name} driver rejected the request as invalid",
        Errno.EBUSY => "the driver is busy with another passthrough",
        Errno.EOPNOTSUPP => "the driver needs single-segment buffers of at most a page",
        Errno.ECONNABORTED => "the exchange was aborted",
        _ => FcErrnoHints.HintFor(errno), // the message already names the errno; say what it means on FC
    };
}

/// <summary>
/// Everything an interpretation found, as a value: collected while reading the layers, then <see cref="Make"/> sets the
/// status and detail, and <see cref="ToResult"/> makes the one immutable <see cref="FcExchangeResult"/> — only when
/// asked, so an accepted typed request allocates nothing for it.
/// </summary>
internal struct FcExchangeOutcome(in BsgCompletion c, FcDriverProfile profile, FcBsgMsgCode msgCode, string operation, FcId? destination)
{
    private readonly string _path = c.NodePath;
    private readonly int _errno = c.Errno;
    private readonly uint _host = c.TransportStatus, _driver = c.DriverStatus, _device = c.DeviceStatus;
    private readonly int _dinResid = c.DinResid;
    private readonly TimeSpan _duration = c.Duration;
    private int _responseLength, _received;
    private int? _result;
    private uint? _rcv;
    private FcCtelsStatus? _ctels;
    private FcBsgRejectData? _rjt;
    private FcReceivedLengthSource _source;
    private byte[]? _payload, _reply;
    private CtIuHeader? _ct;
    private LsRjt? _ls;

    public FcExchangeStatus Status { get; private set; }
    public string? Detail { get; private set; }
    public int Attempts { get; set; } = 1;
    public readonly int ReceivedLength => _received;
    public readonly bool IsAccepted => Status == FcExchangeStatus.Accepted;

    public void Reply(int length, int? result, uint? rcv, FcCtelsStatus? ctels, FcBsgRejectData? rjt, byte[]? bytes)
    {
        (_responseLength, _result, _rcv, _ctels, _rjt, _reply) = (length, result, rcv, ctels, rjt, bytes);
    }

    public void Received(int length, FcReceivedLengthSource source, byte[]? bytes) => (_received, _source, _payload) = (length, source, bytes);
    public void Ct(CtIuHeader? header) => _ct = header;
    public void Els(LsRjt reject) => _ls = reject;

    /// <summary>The interpretation's verdict (a copy: the builder stays as it was).</summary>
    public readonly FcExchangeOutcome Make(FcExchangeStatus status, string? detail, int? driverResult = null)
    {
        var done = this;
        done.Status = status;
        done.Detail = detail;
        if (driverResult is not null) done._result = driverResult;
        return done;
    }

    public readonly FcExchangeResult ToResult() => new()
    {
        DevicePath = _path,
        Operation = operation,
        MsgCode = msgCode,
        Destination = destination,
        Status = Status,
        Profile = profile.ToString(),
        Errno = _errno,
        HostByte = _host,
        DriverStatus = _driver,
        DeviceStatus = _device,
        ResponseLength = _responseLength,
        DriverResult = _result,
        ReportedReceivedLength = _rcv,
        DinResid = _dinResid,
        CtelsStatus = _ctels,
        RejectData = _rjt,
        ReceivedLength = _received,
        ReceivedLengthSource = _source,
        CtHeader = _ct,
        ElsReject = _ls,
        Duration = _duration,
        Response = _payload ?? ReadOnlyMemory<byte>.Empty,
        Reply = _reply ?? ReadOnlyMemory<byte>.Empty,
        Detail = Detail,
        Attempts = Attempts,
    };
}
