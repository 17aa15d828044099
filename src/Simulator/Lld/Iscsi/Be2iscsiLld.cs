using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;
using BsgKit.Simulator.Kernel;
using static BsgKit.Simulator.Lld.Iscsi.IscsiLldJob;

namespace BsgKit.Simulator.Lld.Iscsi;

/// <summary>
/// be2iscsi (beiscsi_bsg_request / mgmt_vendor_specific_fw_cmd, code-derived): words [code, region, sector_size,
/// sector, offset]; the driver's DMA buffer is sized from the request payload. Simplification: the firmware
/// response header the driver copies in front of read data is not modelled; the data comes back alone.
/// </summary>
public sealed class Be2iscsiLld : IIscsiLld
{
    /// <inheritdoc/>
    public string ProcName => IscsiDrivers.Be2iscsiProcName;
    /// <inheritdoc/>
    public ulong VendorId => IscsiVendorId.Be2iscsi;

    /// <inheritdoc/>
    public int BsgRequest(BsgJob job, SimIscsiHost host)
    {
        var bufferLength = job.RequestPayloadLength;
        if (bufferLength == 0) return -Errno.ENOMEM; // dma_alloc_coherent(request_payload.payload_len = 0)
        var address = Be2iscsiCommands.FlashAddress(Word(job, 2), Word(job, 3), Word(job, 4));
        switch ((Be2iscsiVendorCommand)Word(job, 0))
        {
            case Be2iscsiVendorCommand.ReadFlash:
            {
                var length = job.ReplyPayloadLength;
                if (length == 0) return -Errno.EINVAL;
                // The response lands in the request-payload-sized buffer: a larger read would overrun it.
                if (length > bufferLength) { host.OutOfBoundsAttempts++; return -Errno.EINVAL; }
                if (address + length > host.Flash.Length) return -Errno.EIO;
                return CompleteWithImage(job, host.Flash, address, length);
            }
            case Be2iscsiVendorCommand.WriteFlash:
            {
                // The driver copies request_len bytes to buffer + offset (the 2026 OOB report): count the overrun.
                if (Word(job, 4) + (long)job.RequestLength > bufferLength) host.OutOfBoundsAttempts++;
                var data = job.RequestPayload;
                if (address + data.Length > host.Flash.Length) return -Errno.EIO;
                host.Flash.Write(address, data);
                return Complete(job, 0, 0);
            }
            default:
                return -Errno.ENOSYS;
        }
    }
}
