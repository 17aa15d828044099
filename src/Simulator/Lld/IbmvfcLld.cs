using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// ibmvfc (IBM POWER): HST_ELS_NOLOGIN, RPT_ELS, HST_CT, RPT_CT; everything else ENOTSUPP (524). One
/// passthrough at a time (a mutex: EBUSY), one segment per buffer (max_bsg_segments = 1 → EINVAL at
/// mapping), port_id -1 refused; errors are EIO.
/// </summary>
public sealed class IbmvfcLld(ISimFabric fabric) : FcLldBase(fabric)
{
    private int _busy;

    /// <inheritdoc/>
    public override string ProcName => "ibmvfc";
    /// <inheritdoc/>
    public override QueueLimits Limits => new(QueueLimits.Default.MaxBytes, 1);
    /// <inheritdoc/>
    protected override int UnsupportedErrno => -Errno.ENOTSUPP;

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => msgcode is FcBsgMsgCode.HostElsNoLogin or FcBsgMsgCode.RportEls
        or FcBsgMsgCode.HostCt or FcBsgMsgCode.RportCt;

    /// <inheritdoc/>
    protected override int Admit(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode)
    {
        if (Interlocked.CompareExchange(ref _busy, 1, 0) != 0) return -Errno.EBUSY;
        return 0;
    }

    /// <inheritdoc/>
    protected override void Leave(BsgJob job, SimFcHost host) => Volatile.Write(ref _busy, 0);

    /// <inheritdoc/>
    protected override int CheckHostDestination(BsgJob job, SimFcHost host, FcId destination) =>
        destination == FcId.Broadcast ? -Errno.EINVAL : 0;

    /// <inheritdoc/>
    protected override int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination)
    {
        destination = ReadHostPortId(job);
        return destination == FcId.Broadcast ? -Errno.EINVAL : 0;
    }

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted)
    {
        var received = (uint)job.ReplyPayloadWritten;
        FcBsgReply.Build(job.Reply, 0, received, FcCtelsStatus.Ok);
        job.ReplyLength = FcBsgReply.Size;
        job.Done(0, received);
    }

    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode)
    {
        if (faultMode == FaultModes.IoErr) return 0;
        job.Elapsed = job.Timeout;
        job.FailWith(faultMode == FaultModes.ETimedOut ? -Errno.ETIMEDOUT : -Errno.EIO);
        return 0;
    }

    /// <inheritdoc/>
    protected override void FrameRejected(BsgJob job, ExchangeResult result) => job.FailWith(-Errno.EIO);
}
