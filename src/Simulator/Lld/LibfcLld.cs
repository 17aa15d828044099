using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// libfc (fcoe, bnx2fc, qedf): fc_lport_bsg_request. RPT_ELS/RPT_CT/HST_ELS_NOLOGIN/HST_CT; the preamble is
/// ignored; rcv_len accurate; status REJECT without rjt_data; reply_len left at 96; a lost host-level frame
/// ends in an error frame (-ETIMEDOUT after E_D_TOV), a lost rport CT in the silent IOERR (as observed).
/// </summary>
public sealed class LibfcLld(ISimFabric fabric, string procName = "fcoe") : FcLldBase(fabric)
{
    /// <summary>The lport's / rport's E_D_TOV: how long libfc waits before its error frame.</summary>
    public static readonly TimeSpan EdTov = TimeSpan.FromSeconds(2);

    /// <inheritdoc/>
    public override string ProcName { get; } = procName;

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => msgcode is FcBsgMsgCode.HostElsNoLogin or FcBsgMsgCode.HostCt
        or FcBsgMsgCode.RportEls or FcBsgMsgCode.RportCt;

    /// <inheritdoc/>
    protected override int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination)
    {
        destination = ReadHostPortId(job);
        // 0xFFFFFC goes to the name-server session (lport->dns_rdata); anything else needs an rport (fc_rport_lookup),
        // 0xFFFFFA included, which exists only after an FDMI login ("fcoe: No FDMI support" on a plain NIC).
        // In VN2VN there is no dNS session at all: EINVAL before anything is sent.
        if (destination == FcId.DirectoryServer) return Fabric.HasFabricServices ? 0 : -Errno.EINVAL;
        if (destination == FcId.ManagementServer) return Fabric.HasFabricServices && host.ManagementServerSession ? 0 : -Errno.EINVAL;
        return host.FindRemotePort(destination) is null ? -Errno.EINVAL : 0;
    }

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted) =>
        CompleteWithStatus(job, accepted, (uint)job.ReplyPayloadWritten, Bsg.BsgConstants.DefaultReplyLength);

    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode)
    {
        var hostLevel = msgcode is FcBsgMsgCode.HostElsNoLogin or FcBsgMsgCode.HostCt;
        if (faultMode == FaultModes.IoErr || (faultMode == null && !hostLevel))
            return 0; // nobody completes it: the sg timeout ends it in the silent IOERR
        job.Elapsed = EdTov < job.Timeout ? EdTov : job.Timeout;
        job.FailWith(-Errno.ETIMEDOUT);
        return 0;
    }
}
