using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Simulator.Kernel;
using static BsgKit.Simulator.Lld.Iscsi.IscsiLldJob;

namespace BsgKit.Simulator.Lld.Iscsi;

/// <summary>
/// qla4xxx (ql4_bsg.c, code-derived): QLISCSI_VND_* on an ISP4032-class adapter. Reads use the reply payload
/// length, writes the request payload length; argument errors return an errno without completing (the
/// transport turns it into the ioctl's errno); firmware errors complete with DID_ERROR.
/// </summary>
public sealed class Qla4xxxLld : IIscsiLld
{
    /// <inheritdoc/>
    public string ProcName => IscsiDrivers.Qla4xxxProcName;
    /// <inheritdoc/>
    public ulong VendorId => IscsiVendorId.Qla4xxx;

    /// <inheritdoc/>
    public int BsgRequest(BsgJob job, SimIscsiHost host)
    {
        switch ((Qla4xxxVendorCommand)Word(job, 0))
        {
            case Qla4xxxVendorCommand.ReadFlash:
                return ReadImage(job, host.Flash, Word(job, 1), rangeIsDriverChecked: false);
            case Qla4xxxVendorCommand.UpdateFlash:
                return WriteImage(job, host.Flash, Word(job, 1), rangeIsDriverChecked: false);
            case Qla4xxxVendorCommand.GetAcbState:
                return GetAcbState(job, host);
            case Qla4xxxVendorCommand.ReadNvram:
                return ReadImage(job, host.Nvram, Word(job, 1), rangeIsDriverChecked: true);
            case Qla4xxxVendorCommand.UpdateNvram:
                return WriteImage(job, host.Nvram, Word(job, 1), rangeIsDriverChecked: true);
            case Qla4xxxVendorCommand.RestoreDefaults:
                host.Nvram.Reset();
                host.RestoreDefaultsCount++;
                return Complete(job, 0, 0);
            case Qla4xxxVendorCommand.GetAcb:
                return GetAcb(job, host);
            case Qla4xxxVendorCommand.DiagTest:
                return DiagTest(job, host);
            default:
                Complete(job, DidError, 0); // "invalid BSG vendor command"
                return -Errno.ENOSYS;
        }
    }

    /// <summary>NVRAM ranges are checked by the driver (EINVAL); flash ranges only by the firmware (DID_ERROR).</summary>
    private static int ReadImage(BsgJob job, SimImage image, uint offset, bool rangeIsDriverChecked)
    {
        var length = job.ReplyPayloadLength;
        if (length == 0) return -Errno.ENOMEM; // dma_alloc_coherent(0): no reply payload mapped (din without dout)
        if ((long)offset + length > image.Length) return rangeIsDriverChecked ? -Errno.EINVAL : FirmwareError(job);
        return CompleteWithImage(job, image, offset, length);
    }

    private static int WriteImage(BsgJob job, SimImage image, uint offset, bool rangeIsDriverChecked)
    {
        var data = job.RequestPayload;
        if (data.Length == 0) return -Errno.ENOMEM;
        if ((long)offset + data.Length > image.Length) return rangeIsDriverChecked ? -Errno.EINVAL : FirmwareError(job);
        image.Write(offset, data);
        return Complete(job, 0, 0);
    }

    private static int GetAcbState(BsgJob job, SimIscsiHost host)
    {
        if (job.ReplyPayloadLength < 4 * Qla4xxxMailbox.MailboxRegisterCount) return -Errno.EINVAL;
        var acb = Word(job, 1);
        if (acb > Qla4xxxMailbox.SecondaryAcb) return FirmwareError(job);
        var state = acb == Qla4xxxMailbox.PrimaryAcb ? host.IpState : 0; // the secondary ACB is unconfigured
        uint[] status = [Qla4xxxMailbox.StatusCommandComplete, state << Qla4xxxMailbox.IpStateShift, acb, Word(job, 2), 0, 0, 0, 0];
        return CompleteWithData(job, BsgKit.Iscsi.Vendor.Qla4xxxAcbState.Encode(status));
    }

    private static int GetAcb(BsgJob job, SimIscsiHost host)
    {
        var length = job.ReplyPayloadLength;
        if (length < Qla4xxxMailbox.AcbSize) return -Errno.EINVAL;
        var type = Word(job, 1);
        if (type > Qla4xxxMailbox.SecondaryAcb) return FirmwareError(job);
        var acb = new byte[length];
        if (type == Qla4xxxMailbox.PrimaryAcb) host.Acb.Read(0, acb.AsSpan(0, Math.Min(host.Acb.Length, length)));
        return CompleteWithData(job, acb);
    }

    /// <summary>Mailbox words from vendor_cmd[1..8]; mbox_sts[8] go back in vendor_rsp (reply_len 8 + 32).</summary>
    private static int DiagTest(BsgJob job, SimIscsiHost host)
    {
        var command = Word(job, 1);
        if (command == Qla4xxxMailbox.DiagTest)
        {
            var test = Word(job, 2);
            if (IscsiCodes.Qla4xxxDiagTests.Find(test) is null) return -Errno.EINVAL;
            var failed = host.FailingDiagTests.Contains(test);
            uint[] status = [failed ? Qla4xxxMailbox.StatusCommandError : Qla4xxxMailbox.StatusCommandComplete, test, 0, 0, 0, 0, 0, 0];
            return Complete(job, failed ? DidError : 0, 0, status);
        }
        if (command is Qla4xxxMailbox.GetLedConfig or Qla4xxxMailbox.SetLedConfig)
            return Complete(job, 0, 0, [Qla4xxxMailbox.StatusCommandComplete, 0, 0, 0, 0, 0, 0, 0]);
        return -Errno.EINVAL;
    }
}
