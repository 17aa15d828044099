using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// zfcp (IBM s390): RPT_ELS, HST_ELS_NOLOGIN, RPT_CT, HST_CT. CT takes GS_Type from r_ct.preamble_word1 —
/// request offset 8 — even for HST_CT, and derives the D_ID from it (port_id ignored). Buffers must be one
/// segment of at most a page (EOPNOTSUPP). rcv_len is always the whole buffer; errors are -EIO.
/// </summary>
public sealed class ZfcpLld(ISimFabric fabric) : FcLldBase(fabric)
{
    /// <summary>The high two bytes of every well-known address (FFFFxx): zfcp_fc_ct_els_job_handler's D_ID base.</summary>
    private const uint WellKnownBase = 0xFFFF00;

    /// <inheritdoc/>
    public override string ProcName => "zfcp";

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => msgcode is FcBsgMsgCode.RportEls or FcBsgMsgCode.HostElsNoLogin
        or FcBsgMsgCode.RportCt or FcBsgMsgCode.HostCt;

    /// <inheritdoc/>
    protected override int Admit(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode)
    {
        // Adapters without chained SBALs: request and response must each fit one page.
        if (job.RequestPayloadLength > 4096 || job.ReplyPayloadLength > 4096
            || job.RequestPayloadSegments > 1 || job.ReplyPayloadSegments > 1)
            return -Errno.EOPNOTSUPP;
        return 0;
    }

    /// <inheritdoc/>
    protected override int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination) =>
        WellKnownPortFromPreamble(job, out destination);

    /// <inheritdoc/>
    protected override int CheckRportCt(BsgJob job, SimRport rport) =>
        rport.PortId.IsWellKnown ? WellKnownPortFromPreamble(job, out _) : 0;

    private static int WellKnownPortFromPreamble(BsgJob job, out FcId destination)
    {
        // r_ct.preamble_word1, whatever the msgcode; the well-known address is 0xFFFF00 | GS_Type.
        var gsType = Request(job).PreambleAt(FcBsgRequest.RportCtPreambleOffset).GsTypeAsInteger;
        destination = gsType is GsTypes.Alias or GsTypes.Management or GsTypes.Time or GsTypes.Directory
            ? new FcId(WellKnownBase | gsType) : default;
        return destination.Value == 0 ? -Errno.EINVAL : 0;
    }

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted)
    {
        FcBsgReply.Build(job.Reply, 0, (uint)job.ReplyPayloadLength, FcCtelsStatus.Ok);
        job.ReplyLength = FcBsgReply.Size;
        job.Done(0, (uint)job.ReplyPayloadLength);
    }

    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode)
    {
        if (faultMode == FaultModes.IoErr) return 0;
        job.Elapsed = job.Timeout; // the firmware timer runs for the request's timeout
        job.FailWith(faultMode == FaultModes.ETimedOut ? -Errno.ETIMEDOUT : -Errno.EIO);
        return 0;
    }

    /// <inheritdoc/>
    protected override void FrameRejected(BsgJob job, ExchangeResult result) => job.FailWith(-Errno.EIO);
}
