using System.Runtime.InteropServices;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
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
    protected ISimFabric Fabric { get; } = fabric;

    public abstract string ProcName { get; }
    public virtual ulong VendorId => 0;
    public virtual QueueLimits Limits => QueueLimits.Default;
    public virtual bool HasBsgHandler => true;

    /// <summary>What an unsupported msgcode gets (most drivers: EINVAL; ibmvfc: ENOTSUPP).</summary>
    protected virtual int UnsupportedErrno => -Errno.EINVAL;

    protected abstract bool Supports(uint msgcode);

    /// <summary>port_id byte order of HST_ELS_NOLOGIN / HST_CT (qla2xxx reads it reversed).</summary>
    protected virtual PortIdOrder HostPortIdOrder => PortIdOrder.BigEndian;

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

    private int Route(BsgJob job, SimFcHost host, SimRport? rport, uint msgcode)
    {
        int rc;
        switch (msgcode)
        {
            case FcTransportRules.HstElsNoLogin:
            {
                var destination = ReadHostPortId(job);
                rc = CheckHostDestination(job, host, destination);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Els, destination);
            }
            case FcTransportRules.HstCt:
            {
                rc = ResolveHostCtDestination(job, host, out var destination);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Ct, destination);
            }
            case FcTransportRules.RptEls:
                return Exchange(job, host, msgcode, FrameType.Els, rport!.PortId);
            case FcTransportRules.RptCt:
            {
                rc = CheckRportCt(job, rport!);
                return rc != 0 ? rc : Exchange(job, host, msgcode, FrameType.Ct, rport!.PortId);
            }
            case FcTransportRules.HstVendor:
                return Vendor(job, host);
            default:
                // HST_ADD_RPORT / HST_DEL_RPORT: no in-tree driver implements them (docs/reference/kernel-rules.md #13).
                return UnsupportedErrno;
        }
    }

    /// <summary>Driver-wide gates before any work (serialization, segment limits, adapter state).</summary>
    protected virtual int Admit(BsgJob job, SimFcHost host, uint msgcode) => 0;

    /// <summary>Undoes what a successful <see cref="Admit"/> took (ibmvfc's passthrough mutex).</summary>
    protected virtual void Leave(BsgJob job, SimFcHost host) { }

    protected FcId ReadHostPortId(BsgJob job)
    {
        var b = job.Request.Length >= 8 ? job.Request.Slice(5, 3) : stackalloc byte[3];
        return HostPortIdOrder == PortIdOrder.Reversed ? new FcId((uint)(b[2] << 16 | b[1] << 8 | b[0])) : FcId.Read(b);
    }

    protected virtual int CheckHostDestination(BsgJob job, SimFcHost host, FcId destination) => 0;

    /// <summary>Where HST_CT goes; most drivers: the UAPI port_id.</summary>
    protected virtual int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination)
    {
        destination = ReadHostPortId(job);
        return 0;
    }

    protected virtual int CheckRportCt(BsgJob job, SimRport rport) => 0;

    /// <summary>Reads a host-endian preamble word at a request offset (0 when the request is shorter).</summary>
    protected static uint RequestWord(BsgJob job, int offset) =>
        job.Request.Length >= offset + 4 ? MemoryMarshal.Read<uint>(job.Request[offset..]) : 0;

    protected virtual int Vendor(BsgJob job, SimFcHost host) => UnsupportedErrno;

    /// <summary>Sends the payload through the fabric and reports the outcome the driver's way.</summary>
    protected int Exchange(BsgJob job, SimFcHost host, uint msgcode, FrameType type, FcId destination)
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

    protected static bool IsAccept(FrameType type, ReadOnlySpan<byte> response) => type == FrameType.Els
        ? response.Length >= 1 && response[0] == 0x02
        : response.Length >= 10 && response[8] == 0x80 && response[9] == 0x02;

    /// <summary>A response arrived (accept or reject payload in the din buffer).</summary>
    protected abstract void CompleteResponse(BsgJob job, FrameType type, bool accepted);

    /// <summary>Nothing answered: complete with the driver's error, or return with the job pending (→ timeout).</summary>
    protected abstract int NoResponse(BsgJob job, uint msgcode, string? faultMode);

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
