using BsgKit.Fc.Codes;
using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// qla2xxx (QLogic/Marvell): RPT_ELS, HST_ELS_NOLOGIN, HST_CT, HST_VENDOR; RPT_CT is "unsupported". port_id is
/// read reversed; HST_CT needs GS_Type 0xFC or 0xFA in h_ct.preamble_word1 (offset 12, integer encoding).
/// CS_COMPLETE reports the full payload length and writes no reply at all (response_len 0); errors complete
/// with DID_ERROR and a 28-byte reply carrying fw_status; status is always OK, rejects are in the payload.
/// </summary>
public sealed class Qla2xxxLld(ISimFabric fabric) : FcLldBase(fabric)
{
    /// <summary>Firmware completion statuses the personality reports in fw_status[0].</summary>
    public const uint CsComplete = QlogicCompletionStatuses.Complete, CsTimeout = QlogicCompletionStatuses.Timeout,
        CsPortBusy = QlogicCompletionStatuses.PortBusy, CsPortUnavailable = QlogicCompletionStatuses.PortUnavailable;
    /// <summary>qla_bsg.h QL_VND_* vendor command codes (vendor_cmd[0]).</summary>
    public const uint VndGetBbcrData = 0x17, VndGetPrivStats = 0x18, VndFlashImageStatus = 0x1E, VndGetRportInfo = 0x2D;
    /// <summary>EXT_STATUS_OK in vendor_rsp[0].</summary>
    public const uint ExtStatusOk = 0;

    /// <inheritdoc/>
    public override string ProcName => "qla2xxx";
    /// <inheritdoc/>
    public override ulong VendorId => Fc.FcBsg.VendorId.QLogic;
    /// <inheritdoc/>
    protected override PortIdOrder HostPortIdOrder => PortIdOrder.Reversed;

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => msgcode is FcBsgMsgCode.RportEls or FcBsgMsgCode.HostElsNoLogin
        or FcBsgMsgCode.HostCt or FcBsgMsgCode.HostVendor;

    /// <inheritdoc/>
    protected override int ResolveHostCtDestination(BsgJob job, SimFcHost host, out FcId destination)
    {
        // (preamble_word1 & 0xFF000000) >> 24 selects the firmware handle: name server or management server.
        var gsType = Request(job).PreambleAt(FcBsgRequest.HostCtPreambleOffset).GsTypeAsInteger;
        destination = gsType switch
        {
            GsTypes.Directory => FcId.DirectoryServer,
            GsTypes.Management => FcId.ManagementServer,
            _ => default,
        };
        return gsType is GsTypes.Directory or GsTypes.Management ? 0 : -Errno.EINVAL;
    }

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted)
    {
        // CS_COMPLETE: rcv_len is the whole buffer however much arrived, and no reply is written.
        job.ReplyLength = 0;
        job.Done(0, (uint)job.ReplyPayloadLength);
    }

    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode)
    {
        if (faultMode == FaultModes.IoErr) return 0;
        job.Elapsed = job.Timeout;
        ErrorCompletion(job, CsTimeout);
        return 0;
    }

    /// <inheritdoc/>
    protected override void FrameRejected(BsgJob job, ExchangeResult result) =>
        ErrorCompletion(job, result.Outcome is ExchangeOutcome.PortBusy or ExchangeOutcome.FabricBusy ? CsPortBusy : CsPortUnavailable);

    /// <summary>DID_ERROR &lt;&lt; 16: the ioctl succeeds, transport_status 7, reply 28 bytes with fw_status.</summary>
    private static void ErrorCompletion(BsgJob job, uint compStatus)
    {
        const int didError = 0x07 << 16;
        FcBsgReply.BuildQlogicExtended(job.Reply, didError, 0, FcCtelsStatus.Ok, compStatus, 0, 0);
        job.ReplyLength = FcBsgReply.QlogicExtendedSize;
        job.Done(didError, 0);
    }

    /// <inheritdoc/>
    public override int BsgTimeout(BsgJob job, SimFcHost host, SimRport? rport)
    {
        job.FailWith(-Errno.EIO); // the abort completes the command with EIO
        return 0;
    }

    /// <inheritdoc/>
    protected override int Vendor(BsgJob job, SimFcHost host)
    {
        // The 2026 "Validate BSG request_len before reading vendor_cmd[]" checks.
        var request = Request(job);
        if (request.VendorCommandCount < 1) return -Errno.EINVAL;
        var command = request.VendorCommand(0);
        switch (command)
        {
            case VndGetBbcrData:
                // struct qla_bbcr_data: status, state, configured and negotiated BB credit …
                return VendorData(job, [0, 1, 0, 0, 20, 20, 0, 0]);
            case VndGetPrivStats:
                return VendorData(job, [1000, 2000, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0]);
            case VndFlashImageStatus:
                return VendorData(job, [1, 1, 0, 0]);
            case VndGetRportInfo:
                return VendorData(job, [0, 0, 0, 0]);
            default:
                return -Errno.ENOSYS;
        }
    }

    /// <summary>Writes a little-endian u32 record into din and EXT_STATUS_OK into vendor_rsp[0].</summary>
    private static int VendorData(BsgJob job, ReadOnlySpan<uint> words)
    {
        var payload = job.ReplyPayloadLength > 0 ? job.ReplyPayload : job.Reply[..0];
        var n = 0;
        for (var i = 0; i < words.Length && n + 4 <= payload.Length; i++, n += 4)
            HostEndian.WriteUInt32(payload[n..], words[i]);
        job.ReplyPayloadWritten = n;
        FcBsgReply.BuildVendor(job.Reply, 0, (uint)n, [ExtStatusOk]);
        job.ReplyLength = FcBsgReply.Size;
        job.Done(0, (uint)n);
        return 0;
    }
}
