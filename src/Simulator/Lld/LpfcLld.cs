using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// lpfc (Emulex/Broadcom): HST_VENDOR, RPT_ELS and RPT_CT only — name-server CT goes as RPT_CT to the
/// 0xFFFFFC rport. The success path leaves the ctels status unwritten (stale) and reply_len at 96; an ELS
/// LS_RJT comes back as status REJECT with rjt_data and rcv_len 8; lost frames end in ETIMEDOUT.
/// </summary>
public sealed class LpfcLld(ISimFabric fabric) : FcLldBase(fabric)
{
    /// <summary>FCELSSIZE: the largest RPT_ELS payload lpfc takes.</summary>
    public const int MaxElsPayload = 1024;

    /// <summary>lpfc_bsg.h LPFC_BSG_VENDOR_* command codes (vendor_cmd[0]).</summary>
    public const uint VendorSetCtEvent = 1, VendorGetCtEvent = 2, VendorGetMgmtRev = 6, VendorRasGetConfig = 18,
        VendorGetTrunkInfo = 20;

    /// <summary>2 × R_A_TOV: lpfc's firmware timer for CT.</summary>
    public static readonly TimeSpan FirmwareTimeout = TimeSpan.FromSeconds(20);

    /// <inheritdoc/>
    public override string ProcName => "lpfc";
    /// <inheritdoc/>
    public override ulong VendorId => Fc.FcBsg.VendorId.Emulex;

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) =>
        msgcode is FcBsgMsgCode.HostVendor or FcBsgMsgCode.RportEls or FcBsgMsgCode.RportCt;

    /// <inheritdoc/>
    protected override int Admit(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode) =>
        msgcode == FcBsgMsgCode.RportEls && job.RequestPayloadLength > MaxElsPayload ? -Errno.EINVAL : 0;

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted)
    {
        var received = (uint)job.ReplyPayloadWritten;
        if (type == FrameType.Els && !accepted && received >= LsRjt.Length && job.ReplyPayload[0] == ElsCommands.LsRjt)
        {
            // LS_RJT: IOCB word 4 → rjt_data (action, reason, explanation, vendor), rcv_len 8.
            var p = job.ReplyPayload;
            FcBsgReply.Build(job.Reply, 0, LsRjt.Length, FcCtelsStatus.Reject, new FcBsgRejectData(p[4], p[5], p[6], p[7]));
            job.ReplyLength = Bsg.BsgConstants.DefaultReplyLength;
            job.Done(0, LsRjt.Length);
            return;
        }
        // Only result and rcv_len are written; the status word keeps whatever the reused buffer held.
        HostEndian.WriteUInt32(job.Reply, 0);
        HostEndian.WriteUInt32(job.Reply[4..], received);
        job.ReplyLength = Bsg.BsgConstants.DefaultReplyLength;
        job.Done(0, received);
    }

    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode)
    {
        if (faultMode == FaultModes.IoErr) return 0;
        job.Elapsed = FirmwareTimeout < job.Timeout ? FirmwareTimeout : job.Timeout;
        job.FailWith(-Errno.ETIMEDOUT); // SEQUENCE_TIMEOUT / LOCAL_REJECT SEQ_TIMEOUT
        return 0;
    }

    /// <inheritdoc/>
    protected override int Vendor(BsgJob job, SimFcHost host)
    {
        var request = Request(job);
        if (request.VendorCommandCount < 1) return -Errno.EINVAL;
        var command = request.VendorCommand(0);
        switch (command)
        {
            case VendorGetMgmtRev:
                // struct get_mgmt_rev_reply: major, minor
                FcBsgReply.BuildVendor(job.Reply, 0, 0, [0, 1, 1]);
                job.ReplyLength = 20;
                job.Done(0, 0);
                return 0;
            case VendorRasGetConfig:
                FcBsgReply.BuildVendor(job.Reply, 0, 0, [0, 1, 4, 0]); // state, log level, buffer size (MiB), action
                job.ReplyLength = 24;
                job.Done(0, 0);
                return 0;
            case VendorGetTrunkInfo:
                FcBsgReply.BuildVendor(job.Reply, 0, 0, [0, 0x1, 0x0]); // status, trunk link mask, config
                job.ReplyLength = 20;
                job.Done(0, 0);
                return 0;
            default:
                return -Errno.EINVAL;
        }
    }
}
