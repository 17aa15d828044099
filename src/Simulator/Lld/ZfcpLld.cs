using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// zfcp (IBM s390): RPT_ELS, HST_ELS_NOLOGIN, RPT_CT, HST_CT. CT takes GS_Type from r_ct.preamble_word1 —
/// request offset 8 — even for HST_CT, and derives the D_ID from it (port_id ignored). Buffers must be one
/// segment of at most a page (EOPNOTSUPP). rcv_len is always the whole buffer; errors are -EIO.
/// </summary>
public sealed class ZfcpLld(ISimFabric fabric) : FcLldBase(fabric)
{
    public override string ProcName => "zfcp";

    protected override bool Supports(uint msgcode) => msgcode is FcTransportRules.RptEls or FcTransportRules.HstElsNoLogin
        or FcTransportRules.RptCt or FcTransportRules.HstCt;

    protected override int Admit(BsgJob job, SimFcHost host, uint msgcode)
    {
        // Adapters without chained SBALs: request and response must each fit one page.
        if (job.RequestPayloadLength > 4096 || job.ReplyPayloadLength > 4096
            || job.RequestPayloadSegments > 1 || job.ReplyPayloadSegments > 1)
            return -Errno.EOPNOTSUPP;
        return 0;
    }

    protected override int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination) =>
        WellKnownPortFromPreamble(job, out destination);

    protected override int CheckRportCt(BsgJob job, SimRport rport) =>
        rport.PortId.IsWellKnown ? WellKnownPortFromPreamble(job, out _) : 0;

    private static int WellKnownPortFromPreamble(BsgJob job, out FcId destination)
    {
        var gsType = RequestWord(job, 8) >> 24;
        destination = gsType is 0xF8 or 0xFA or 0xFB or 0xFC ? new FcId(0xFFFF00 | gsType) : default;
        return destination.Value == 0 ? -Errno.EINVAL : 0;
    }

    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted)
    {
        FcBsgReply.Build(job.Reply, 0, (uint)job.ReplyPayloadLength, FcCtelsStatus.Ok);
        job.ReplyLength = FcBsgReply.Size;
        job.Done(0, (uint)job.ReplyPayloadLength);
    }

    protected override int NoResponse(BsgJob job, uint msgcode, string? faultMode)
    {
        if (faultMode == "ioerr") return 0;
        job.Elapsed = job.Timeout; // the firmware timer runs for the request's timeout
        job.FailWith(faultMode == "etimedout" ? -Errno.ETIMEDOUT : -Errno.EIO);
        return 0;
    }

    protected override void FrameRejected(BsgJob job, ExchangeResult result) => job.FailWith(-Errno.EIO);
}
