using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Lld;

namespace BsgKit.Simulator.Kernel;

/// <summary>fc_port_state names as sysfs prints them.</summary>
public enum RportState { Online, Marginal, Blocked, NotPresent, Offline, Deleted }

/// <summary>A simulated fc_host: the host's port and the driver personality behind it.</summary>
public sealed class SimFcHost
{
    public SimFcHost(int hostNumber, IFcLld lld)
    {
        HostNumber = hostNumber;
        Lld = lld;
        Node = new SimFcHostNode(this);
    }

    public int HostNumber { get; }
    public IFcLld Lld { get; }
    public SimFcHostNode Node { get; }
    public Wwn PortName { get; set; }
    public Wwn NodeName { get; set; }
    public FcId PortId { get; set; }
    public Wwn FabricName { get; set; }
    public string PortState { get; set; } = "Online";
    /// <summary>The driver logged in to the management server (libfc only after FDMI): HST_CT to 0xFFFFFA has a session.</summary>
    public bool ManagementServerSession { get; set; }

    /// <summary>Injected faults that act on this host's remote ports (blocked, offline, disappear).</summary>
    public Faults.FaultInjector? Faults { get; set; }

    /// <summary>Raised when a remote port changes state or goes away, so the simulated sysfs can follow.</summary>
    public event Action<SimRport>? RemotePortChanged;

    internal void OnRemotePortChanged(SimRport rport) => RemotePortChanged?.Invoke(rport);

    private readonly List<SimRport> _rports = [];
    private readonly Lock _gate = new();
    private int _nextRport;

    public IReadOnlyList<SimRport> RemotePorts
    {
        get { lock (_gate) return _rports.ToArray(); }
    }

    public SimRport AddRemotePort(FcId portId, Wwn portName, Wwn nodeName, IReadOnlyList<string> roles)
    {
        lock (_gate)
        {
            var r = new SimRport(this, 0, _nextRport++, portId, portName, nodeName, roles);
            _rports.Add(r);
            return r;
        }
    }

    public SimRport? FindRemotePort(FcId portId)
    {
        lock (_gate) return _rports.FirstOrDefault(r => r.PortId == portId && r.State != RportState.Deleted);
    }

    public void RemoveRemotePort(SimRport rport)
    {
        lock (_gate) _rports.Remove(rport);
        rport.State = RportState.Deleted;
        rport.Node.Dying = true;
        OnRemotePortChanged(rport);
    }
}

/// <summary>A simulated fc_rport (rport-H:C-N).</summary>
public sealed class SimRport
{
    internal SimRport(SimFcHost host, int channel, int number, FcId portId, Wwn portName, Wwn nodeName, IReadOnlyList<string> roles)
    {
        Host = host;
        Channel = channel;
        Number = number;
        PortId = portId;
        PortName = portName;
        NodeName = nodeName;
        Roles = roles;
        Node = new SimRportNode(this);
    }

    public SimFcHost Host { get; }
    public int Channel { get; }
    public int Number { get; }
    public string Name => $"rport-{Host.HostNumber}:{Channel}-{Number}";
    public FcId PortId { get; }
    public Wwn PortName { get; }
    public Wwn NodeName { get; }
    public IReadOnlyList<string> Roles { get; }
    public RportState State { get; set; } = RportState.Online;
    /// <summary>fast_io_fail_tmo expired while blocked: requests then fail as "not online" (#22) instead of #21.</summary>
    public bool FastIoFailTimedOut { get; set; }
    public SimRportNode Node { get; }

    public string StateName => State switch
    {
        RportState.NotPresent => "Not Present",
        _ => State.ToString(),
    };
}

/// <summary>fc_hostN's queue: fc_bsg_host_dispatch (docs/reference/kernel-rules.md #12–#17, #23).</summary>
public sealed class SimFcHostNode(SimFcHost host) : SimNode($"fc_host{host.HostNumber}", BsgNodeKind.FcHost)
{
    public SimFcHost Host { get; } = host;
    public override QueueLimits Limits => Host.Lld.Limits;

    public override int Dispatch(BsgJob job)
    {
        var request = new FcBsgRequestReader(job.Request);
        if (!request.HasMsgCode) { job.FailWith(-Errno.ENOMSG); return 0; }               // #12
        switch (request.MsgCode)
        {
            case FcBsgMsgCode.HostAddRport:
            case FcBsgMsgCode.HostDelRport:
                break;                                                                      // #13: to the LLD
            case FcBsgMsgCode.HostElsNoLogin:
            case FcBsgMsgCode.HostCt:
                if (job.RequestPayloadLength == 0 || job.ReplyPayloadLength == 0)
                { job.FailWith(-Errno.EINVAL); return 0; }                                  // #14
                break;
            case FcBsgMsgCode.HostVendor:
                // The kernel reads vendor_id without checking request_len; bytes it never copied read as 0 here.
                if (Host.Lld.VendorId == 0 || request.VendorId != Host.Lld.VendorId)
                { job.FailWith(-Errno.ESRCH); return 0; }                                   // #15
                break;
            default:
                job.FailWith(-Errno.EBADR); return 0;                                      // #16
        }
        // #17: cmdlen is computed but not checked in the bsg-lib-era transport.
        return FcTransportRules.CallLld(job, Host, null);
    }

    public override int OnTimeout(BsgJob job) => Host.Lld.BsgTimeout(job, Host, null);
}

/// <summary>rport-H:C-N's queue: fc_bsg_dispatch_prep + fc_bsg_rport_dispatch (docs/reference/kernel-rules.md #18–#22).</summary>
public sealed class SimRportNode(SimRport rport) : SimNode(rport.Name, BsgNodeKind.FcRemotePort)
{
    public SimRport Rport { get; } = rport;
    public override QueueLimits Limits => Rport.Host.Lld.Limits;

    public override int Dispatch(BsgJob job)
    {
        // fc_bsg_dispatch_prep: a blocked rport (fast-fail not yet expired) → -EAGAIN; not online → -EIO.
        // Either way job_fn returns non-zero and the request ends in the silent IOERR.
        var state = InjectedState(job) ?? Rport.State;
        if (state == RportState.Blocked && !Rport.FastIoFailTimedOut) return -Errno.EAGAIN;        // #21
        if (state is not (RportState.Online or RportState.Marginal)) return -Errno.EIO;             // #22

        var request = new FcBsgRequestReader(job.Request);
        if (!request.HasMsgCode) { job.FailWith(-Errno.ENOMSG); return 0; }                          // #18
        switch (request.MsgCode)
        {
            case FcBsgMsgCode.RportEls:
            case FcBsgMsgCode.RportCt:
                if (job.RequestPayloadLength == 0 || job.ReplyPayloadLength == 0)
                { job.FailWith(-Errno.EINVAL); return 0; }                                          // #19
                break;
            default:
                job.FailWith(-Errno.EBADR); return 0;                                              // #20
        }
        return FcTransportRules.CallLld(job, Rport.Host, Rport);
    }

    /// <summary>
    /// Injected host-side faults: the state this request sees the rport in (blocked, offline), or the rport
    /// goes away for good (disappear). Null when no fault fires.
    /// </summary>
    private RportState? InjectedState(BsgJob job)
    {
        var faults = Rport.Host.Faults;
        if (faults is null) return null;
        var command = job.RequestLength >= 4 && job.RequestPayloadLength > 0 ? FcTransportRules.CommandName(job) : null;
        switch (faults.Fire(Rport.PortId, Rport.PortName, command, Faults.FaultKinds.RemotePortState)?.Kind)
        {
            case Faults.FaultKinds.Blocked: return RportState.Blocked;
            case Faults.FaultKinds.Offline: return RportState.Offline;
            case Faults.FaultKinds.Disappear:
                Rport.Host.RemoveRemotePort(Rport);
                return RportState.Deleted;
            default: return null;
        }
    }

    /// <summary>#24: a blocked rport resets the timer; the simulator ends the wait as the IOERR it becomes.</summary>
    public override int OnTimeout(BsgJob job) =>
        Rport.State == RportState.Blocked ? -1 : Rport.Host.Lld.BsgTimeout(job, Rport.Host, Rport);
}

/// <summary>Shared pieces of scsi_transport_fc's dispatch.</summary>
public static class FcTransportRules
{
    /// <summary>The ELS or CT command the request payload carries ("RLS", "GPN_ID" …), for fault matching.</summary>
    public static string CommandName(BsgJob job)
    {
        var payload = job.RequestPayload;
        if (MsgCode(job).IsEls())
            return payload.Length > 0 ? Fc.Codes.ElsCommands.Table.NameOf(payload[0]) : "ELS";
        // GS_Type @4, GS_Subtype @5, command code @8 (CT_IU preamble); only 10 bytes are needed to name it.
        return payload.Length >= 10
            ? Fc.Codes.GsTypes.CommandName(payload[4], payload[5], System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(payload[8..]))
            : "CT";
    }

    /// <summary>fc_bsg_request.msgcode of the job (0 when request_len is under 4 bytes).</summary>
    public static FcBsgMsgCode MsgCode(BsgJob job) => new FcBsgRequestReader(job.Request).MsgCode;

    /// <summary>Calls the LLD; a negative return takes the transport's failure path (#23).</summary>
    public static int CallLld(BsgJob job, SimFcHost host, SimRport? rport)
    {
        var rc = host.Lld.BsgRequest(job, host, rport);
        if (rc != 0 && !job.IsDone) job.FailWith(rc < 0 ? rc : -rc);
        return 0;
    }
}
