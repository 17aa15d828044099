using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// What every fake FC driver does the same way: decode the msgcode, find the destination, run the exchange
/// through the fabric. Where drivers differ — which msgcodes, preamble checks, port_id order, how the reply
/// is reported, what a lost frame becomes — the personality overrides (docs/reference/drivers.md §2–§4).
/// </summary>
public abstract class FcLldBase(ISimFabric fabric) : IFcLld
{
    /// <summary>The fabric exchanges go through.</summary>
    protected ISimFabric Fabric { get; } = fabric;

    /// <inheritdoc/>
    public abstract string ProcName { get; }
    /// <inheritdoc/>
    public virtual ulong VendorId => 0;
    /// <inheritdoc/>
    public virtual QueueLimits Limits => QueueLimits.Default;
    /// <inheritdoc/>
    public virtual bool HasBsgHandler => true;

    /// <summary>What an unsupported msgcode gets (most drivers: EINVAL; ibmvfc: ENOTSUPP).</summary>
    protected virtual int UnsupportedErrno => -Errno.EINVAL;

    /// <summary>Whether the driver's bsg_request handles <paramref name="msgcode"/> at all (else <see cref="UnsupportedErrno"/>).</summary>
    protected abstract bool Supports(FcBsgMsgCode msgcode);

    /// <summary><see cref="Supports"/> for tests that compare the personality with the client-side profile.</summary>
    internal bool AcceptsMsgCode(FcBsgMsgCode msgcode) => Supports(msgcode);

    /// <summary>port_id byte order of HST_ELS_NOLOGIN / HST_CT (qla2xxx reads it reversed).</summary>
    protected virtual PortIdOrder HostPortIdOrder => PortIdOrder.BigEndian;

    /// <inheritdoc/>
    public int BsgRequest(BsgJob job, SimFcHost host, SimRport? rport)
    {
        var msgcode = FcTransportRules.MsgCode(job);
        if (!Supports(msgcode)) return UnsupportedErrno;
        var rc = Admit(job, host, msgcode);
        if (rc != 0) return rc;
        try
        {
            return Route(job, host, rport, msgcode);
        }
        finally
        {
            Leave(job, host);
        }
    }

    private int Route(BsgJob job, SimFcHost host, SimRport? rport, FcBsgMsgCode msgcode)
    {
        int rc;
        switch (msgcode)
        {
            case FcBsgMsgCode.HostElsNoLogin:
            {
                var destination = ReadHostPortId(job);
                rc = CheckHostDestination(job, host, destination);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Els, destination);
            }
            case FcBsgMsgCode.HostCt:
            {
                rc = ResolveHostCtDestination(job, host, out var destination);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Ct, destination);
            }
            case FcBsgMsgCode.RportEls:
                return Exchange(job, host, msgcode, FrameType.Els, rport!.PortId);
            case FcBsgMsgCode.RportCt:
            {
                rc = CheckRportCt(job, rport!);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Ct, rport!.PortId);
            }
            case FcBsgMsgCode.HostVendor:
                return Vendor(job, host);
            default:
                // HST_ADD_RPORT / HST_DEL_RPORT: no in-tree driver implements them (docs/reference/kernel-rules.md #13).
                return UnsupportedErrno;
        }
    }

    /// <summary>Driver-wide gates before any work (serialization, segment limits, adapter state).</summary>
    protected virtual int Admit(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode) => 0;

    /// <summary>Undoes what a successful <see cref="Admit"/> took (ibmvfc's passthrough mutex).</summary>
    protected virtual void Leave(BsgJob job, SimFcHost host) { }

    /// <summary>port_id of HST_ELS_NOLOGIN / HST_CT in this driver's byte order (0 when the request is shorter).</summary>
    protected FcId ReadHostPortId(BsgJob job) => new FcBsgRequestReader(job.Request).PortId(HostPortIdOrder);

    /// <summary>HST_ELS_NOLOGIN destination checks (ibmvfc refuses port_id -1); 0 or a negative errno.</summary>
    protected virtual int CheckHostDestination(BsgJob job, SimFcHost host, FcId destination) => 0;

    /// <summary>Where HST_CT goes; most drivers: the UAPI port_id.</summary>
    protected virtual int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination)
    {
        destination = ReadHostPortId(job);
        return 0;
    }

    /// <summary>RPT_CT checks (zfcp: a well-known rport needs a valid GS_Type); 0 or a negative errno.</summary>
    protected virtual int CheckRportCt(BsgJob job, SimRport rport) => 0;

    /// <summary>The request read at fc_bsg_request's offsets; fields past request_len read as 0.</summary>
    protected static FcBsgRequestReader Request(BsgJob job) => new(job.Request);

    /// <summary>HST_VENDOR: the driver's vendor commands; 0 after completing, or a negative errno.</summary>
    protected virtual int Vendor(BsgJob job, SimFcHost host) => UnsupportedErrno;

    /// <summary>Sends the payload through the fabric and reports the outcome the driver's way.</summary>
    protected int Exchange(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode, FrameType type, FcId destination)
    {
        var result = Fabric.Exchange(host.PortId, destination, type, job.RequestPayload, job.ReplyPayload);
        job.Elapsed = result.Latency;
        switch (result.Outcome)
        {
            case ExchangeOutcome.Response:
                job.ReplyPayloadWritten = Math.Min(result.ResponseLength, job.ReplyPayloadLength);
                CompleteResponse(job, type, IsAccept(type, job.ReplyPayload[..job.ReplyPayloadWritten]));
                return 0;
            case ExchangeOutcome.NoResponse:
                return NoResponse(job, msgcode, FaultTimeoutMode(result));
            default:
                FrameRejected(job, result);
                return 0;
        }
    }

    /// <summary>"etimedout" / "ioerr" when an injected timeout fault chose how it ends, else null.</summary>
    protected virtual string? FaultTimeoutMode(ExchangeResult result) => result.Fault?.Mode;

    /// <summary>LS_ACC (ELS byte 0) or FS_ACC (CT_IU command/response @8): the driver's status OK vs REJECT.</summary>
    protected static bool IsAccept(FrameType type, ReadOnlySpan<byte> response) => type == FrameType.Els
        ? response.Length >= 1 && response[0] == ElsCommands.LsAcc
        : CtIuHeader.TryReadCommand(response, out _, out var code) && code == CtResponseCodes.Accept;

    /// <summary>A response arrived (accept or reject payload in the din buffer).</summary>
    protected abstract void CompleteResponse(BsgJob job, FrameType type, bool accepted);

    /// <summary>Nothing answered: complete with the driver's error, or return with the job pending (→ timeout).</summary>
    protected abstract int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode);

    /// <summary>F_BSY, P_BSY, F_RJT, P_RJT at the frame level.</summary>
    protected virtual void FrameRejected(BsgJob job, ExchangeResult result)
    {
        var status = result.Outcome switch
        {
            ExchangeOutcome.FabricBusy => FcCtelsStatus.FBsy,
            ExchangeOutcome.PortBusy => FcCtelsStatus.PBsy,
            ExchangeOutcome.FabricReject => FcCtelsStatus.FRjt,
            _ => FcCtelsStatus.PRjt,
        };
        FcBsgReply.Build(job.Reply, 0, 0, status, new FcBsgRejectData(0, result.Reason, result.Explanation, 0));
        job.ReplyLength = FcBsgReply.Size;
        job.Done(0, 0);
    }

    /// <summary>The default bsg_timeout: the abort fails and the request ends in the silent IOERR (docs/reference/kernel-rules.md #26).</summary>
    public virtual int BsgTimeout(BsgJob job, SimFcHost host, SimRport? rport) => -1;

    /// <summary>Completes an LS_ACC/LS_RJT/FS_ACC/FS_RJT the libfc way: accurate rcv_len, status OK or REJECT.</summary>
    protected static void CompleteWithStatus(BsgJob job, bool accepted, uint receivedLength, int replyLength)
    {
        FcBsgReply.Build(job.Reply, 0, receivedLength, accepted ? FcCtelsStatus.Ok : FcCtelsStatus.Reject);
        job.ReplyLength = replyLength;
        job.Done(0, receivedLength);
    }
}
