using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld.Iscsi;

/// <summary>An iSCSI driver personality: the iscsi_transport's bsg_request for ISCSI_BSG_HST_VENDOR.</summary>
public interface IIscsiLld
{
    /// <summary>The scsi_host_template proc_name ("qla4xxx", "be2iscsi"): /sys/class/scsi_host/hostN/proc_name.</summary>
    string ProcName { get; }
    /// <summary>The scsi_host_template vendor_id.</summary>
    ulong VendorId { get; }
    /// <summary>Returns 0 when the job was taken (and completed), or a negative errno for the transport's failure path.</summary>
    int BsgRequest(BsgJob job, SimIscsiHost host);
}

/// <summary>Picks the simulated iSCSI driver personality from a host's proc_name.</summary>
public static class IscsiLldFactory
{
    /// <summary>The personality for an offload driver, or null for software iSCSI (no bsg handler, no node).</summary>
    public static IIscsiLld? Create(string procName) => IscsiDrivers.FromProcName(procName) switch
    {
        IscsiDriver.Qla4xxx => new Qla4xxxLld(),
        IscsiDriver.Be2iscsi => new Be2iscsiLld(),
        _ => null,
    };
}

/// <summary>Shared completion helpers for the iSCSI personalities.</summary>
internal static class IscsiLldJob
{
    public const int DidError = (int)HostByte.Error << 16;

    /// <summary>vendor_cmd[i]; words the caller never sent read as 0 (the drivers read them unchecked).</summary>
    public static uint Word(BsgJob job, int index) => IscsiBsgRequest.ReadVendorWord(job.Request, index) ?? 0;

    /// <summary>Copies <paramref name="data"/> to the reply payload and completes with DID_OK and its length.</summary>
    public static int CompleteWithData(BsgJob job, ReadOnlySpan<byte> data)
    {
        data.CopyTo(job.ReplyPayload);
        job.ReplyPayloadWritten = data.Length;
        return Complete(job, 0, (uint)data.Length);
    }

    /// <summary>Copies <paramref name="length"/> bytes of <paramref name="image"/> at <paramref name="offset"/> to the reply payload and completes.</summary>
    public static int CompleteWithImage(BsgJob job, SimImage image, long offset, int length)
    {
        image.Read(offset, job.ReplyPayload[..length]);
        job.ReplyPayloadWritten = length;
        return Complete(job, 0, (uint)length);
    }

    /// <summary>bsg_job_done with the reply's result and rcv_len written (reply_len stays bsg-lib's default).</summary>
    public static int Complete(BsgJob job, int result, uint received, ReadOnlySpan<uint> vendorResponse = default)
    {
        var length = IscsiBsgReply.Build(job.Reply, result, received, vendorResponse);
        if (!vendorResponse.IsEmpty) job.ReplyLength = length;
        job.Elapsed = TimeSpan.FromMilliseconds(2);
        job.Done(result, received);
        return 0;
    }

    /// <summary>The firmware failed: DID_ERROR completion, then -EIO to the transport (which cannot override it).</summary>
    public static int FirmwareError(BsgJob job)
    {
        Complete(job, DidError, 0);
        return -Errno.EIO;
    }
}
