using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// An FC low-level driver's bsg entry points as scsi_transport_fc calls them: the template's vendor_id,
/// bsg_request (after the transport's own checks) and bsg_timeout. One implementation per personality.
/// </summary>
public interface IFcLld
{
    /// <summary>proc_name of the SCSI host template: "fcoe", "lpfc", "qla2xxx" …</summary>
    string ProcName { get; }

    /// <summary>hostt->vendor_id; 0 when the driver has none (HST_VENDOR then gets ESRCH, docs/reference/kernel-rules.md #15).</summary>
    ulong VendorId { get; }

    /// <summary>Queue limits of the driver's bsg queues (ibmvfc: one segment).</summary>
    QueueLimits Limits { get; }

    /// <summary>Whether the driver creates bsg nodes at all (fnic: .bsg_request = NULL → no node).</summary>
    bool HasBsgHandler { get; }

    /// <summary>
    /// The driver's bsg_request. Return 0 after completing the job (job.Done) or leaving it for the timeout,
    /// or a negative errno (the transport then fails the request with it, docs/reference/kernel-rules.md #23).
    /// </summary>
    int BsgRequest(BsgJob job, SimFcHost host, SimRport? rport);

    /// <summary>The driver's bsg_timeout: complete the job with its abort result, or return non-zero (IOERR).</summary>
    int BsgTimeout(BsgJob job, SimFcHost host, SimRport? rport);
}
