using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Simulator.Lld.Iscsi;

namespace BsgKit.Simulator.Kernel;

/// <summary>A simulated iSCSI offload host (qla4xxx, be2iscsi): its driver personality and adapter memory.</summary>
public sealed class SimIscsiHost
{
    /// <summary>An iscsi_host N served by <paramref name="lld"/>, with its flash, NVRAM and ACB images.</summary>
    public SimIscsiHost(int hostNumber, IIscsiLld lld, SimImage flash, SimImage nvram, SimImage acb)
    {
        HostNumber = hostNumber;
        Lld = lld;
        TemplateVendorId = lld.VendorId;
        Flash = flash;
        Nvram = nvram;
        Acb = acb;
        Node = new SimIscsiHostNode(this);
    }

    /// <summary>The SCSI host number N of iscsi_hostN.</summary>
    public int HostNumber { get; }
    /// <summary>The driver personality behind the host.</summary>
    public IIscsiLld Lld { get; }
    /// <summary>The host's iscsi_hostN bsg queue.</summary>
    public SimIscsiHostNode Node { get; }

    /// <summary>hostt->vendor_id the transport checks (#30); 0 makes every vendor message ESRCH.</summary>
    public ulong TemplateVendorId { get; set; }

    /// <summary>The adapter flash image the vendor commands read and write.</summary>
    public SimImage Flash { get; }
    /// <summary>NVRAM; RESTORE_DEFAULTS puts the scenario's contents back (<see cref="SimImage.Reset"/>).</summary>
    public SimImage Nvram { get; }
    /// <summary>The primary address control block (GET_ACB type 0); the secondary reads as zeros.</summary>
    public SimImage Acb { get; }
    /// <summary>GET_ACB_STATE's IP state (IP_ADDRSTATE_*): PREFERRED (5) when the port is up.</summary>
    public uint IpState { get; set; } = 5;
    /// <summary>QL_DIAG_CMD_* tests that report failure.</summary>
    public HashSet<uint> FailingDiagTests { get; } = [];

    /// <summary>The LLD takes requests but never completes them (for #32: nothing but the block layer's timeout ends them).</summary>
    public bool Stalled { get; set; }

    /// <summary>Requests that would overrun the real driver's buffers (be2iscsi WRITE_FLASH copies request_len bytes).</summary>
    public int OutOfBoundsAttempts { get; set; }

    /// <summary>How many restore-factory-defaults commands reached the adapter.</summary>
    public int RestoreDefaultsCount { get; set; }
}

/// <summary>iscsi_hostN's queue: iscsi_bsg_host_dispatch (docs/reference/kernel-rules.md #28–#32).</summary>
public sealed class SimIscsiHostNode(SimIscsiHost host) : SimNode($"iscsi_host{host.HostNumber}", BsgNodeKind.IscsiHost)
{
    /// <summary>The host whose iscsi_hostN queue this is.</summary>
    public SimIscsiHost Host { get; } = host;

    /// <inheritdoc/>
    public override int Dispatch(BsgJob job)
    {
        if (job.RequestLength < 4) { job.FailWith(-Errno.ENOMSG); return 0; }                      // #28
        if (IscsiBsgRequest.ReadMsgCode(job.Request) != IscsiBsgRequest.HostVendor)
        { job.FailWith(-Errno.EBADR); return 0; }                                                  // #29
        // #30 comes before the length check: the kernel reads vendor_id past a 4..11-byte request; here
        // the bytes it never copied read as 0.
        if (Host.TemplateVendorId == 0 || IscsiBsgRequest.ReadVendorId(job.Request) != Host.TemplateVendorId)
        { job.FailWith(-Errno.ESRCH); return 0; }
        if (job.RequestLength < IscsiBsgRequest.Size) { job.FailWith(-Errno.ENOMSG); return 0; }   // #31
        if (Host.Stalled) return 0;
        var rc = Host.Lld.BsgRequest(job, Host);
        // The transport's fail_host_msg path: the LLD's error becomes the result unless it already completed the job.
        if (rc != 0 && !job.IsDone) job.FailWith(rc < 0 ? rc : -rc);
        return 0;
    }

    // #32: the iSCSI transport registers no timeout handler; the blk-mq default ends the request (IOERR).
    /// <inheritdoc/>
    public override int OnTimeout(BsgJob job) => -1;
}
