using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc;
using BsgKit.Fc.Ct;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Lld;

namespace BsgKit.Simulator.Kernel;

/// <summary>fc_port_state names as sysfs prints them.</summary>
public enum RportState
{
    /// <summary>Logged in; requests go through.</summary>
    Online,
    /// <summary>Online but flagged marginal (FPIN); requests still go through.</summary>
    Marginal,
    /// <summary>Link lost, waiting for dev_loss_tmo: -EAGAIN (then IOERR) until fast_io_fail_tmo expires.</summary>
    Blocked,
    /// <summary>Gone after dev_loss_tmo; requests get -EIO.</summary>
    NotPresent,
    /// <summary>Offline; requests get -EIO.</summary>
    Offline,
    /// <summary>Removed from the host; its node is dying.</summary>
    Deleted,
}

/// <summary>A simulated fc_host: the host's port and the driver personality behind it.</summary>
public sealed class SimFcHost
{
    /// <summary>A host number N (fc_hostN) served by the driver personality <paramref name="lld"/>.</summary>
    public SimFcHost(int hostNumber, IFcLld lld)
    {
        HostNumber = hostNumber;
        Lld = lld;
        Node = new SimFcHostNode(this);
    }

    /// <summary>The SCSI host number N of hostN / fc_hostN.</summary>
    public int HostNumber { get; }
    /// <summary>The driver personality behind the host.</summary>
    public IFcLld Lld { get; }
    /// <summary>The host's fc_hostN bsg queue.</summary>
    public SimFcHostNode Node { get; }
    /// <summary>fc_host port_name (WWPN).</summary>
    public Wwn PortName { get; set; }
    /// <summary>fc_host node_name (WWNN).</summary>
    public Wwn NodeName { get; set; }
    /// <summary>fc_host port_id: the FC ID the fabric assigned at login.</summary>
    public FcId PortId { get; set; }
    /// <summary>fc_host fabric_name: the fabric's WWN (the switch WWN in a fabric, 0 without one).</summary>
    public Wwn FabricName { get; set; }
    /// <summary>fc_host port_state as sysfs prints it ("Online", "Linkdown" …).</summary>
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

    /// <summary>
    /// The remote ports, as a snapshot that stays as it was when the host changes later: taken once after each change
    /// and shared by every read until the next (a big fabric's host has 9,000 of them; reads must not copy each time).
    /// </summary>
    public IReadOnlyList<SimRport> RemotePorts
    {
        get { lock (_gate) return _rportsView ??= [.. _rports]; }
    }

    private SimRport[]? _rportsView; // null after a change, until the next read

    /// <summary>Adds rport-H:0-N for a logged-in port (fc_remote_port_add); N counts up from 0.</summary>
    public SimRport AddRemotePort(FcId portId, Wwn portName, Wwn nodeName, IReadOnlyList<string> roles)
    {
        lock (_gate)
        {
            var r = new SimRport(this, 0, _nextRport++, portId, portName, nodeName, roles);
            _rports.Add(r);
            _rportsView = null;
            return r;
        }
    }

    /// <summary>The live remote port with FC ID <paramref name="portId"/>, or null.</summary>
    public SimRport? FindRemotePort(FcId portId)
    {
        lock (_gate)
        {
            foreach (var r in _rports) // a loop, not LINQ: no closure per request
                if (r.PortId == portId && r.State != RportState.Deleted) return r;
            return null;
        }
    }

    /// <summary>fc_remote_port_delete: the rport goes away, its node dies and the sysfs tree follows.</summary>
    public void RemoveRemotePort(SimRport rport)
    {
        lock (_gate)
        {
            _rports.Remove(rport);
            _rportsView = null;
        }
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
        Name = $"rport-{host.HostNumber}:{channel}-{number}"; // once: the node, sysfs and every lookup share it
        Node = new SimRportNode(this);
    }

    /// <summary>The fc_host the remote port belongs to.</summary>
    public SimFcHost Host { get; }
    /// <summary>The SCSI channel (always 0 for FC).</summary>
    public int Channel { get; }
    /// <summary>The rport number N of rport-H:C-N.</summary>
    public int Number { get; }
    /// <summary>"rport-H:C-N", the sysfs and bsg node name.</summary>
    public string Name { get; }
    /// <summary>The remote port's FC ID.</summary>
    public FcId PortId { get; }
    /// <summary>The remote port's WWPN.</summary>
    public Wwn PortName { get; }
    /// <summary>The remote port's WWNN.</summary>
    public Wwn NodeName { get; }
    /// <summary>fc_remote_ports roles ("FCP Target", "Fabric Port" …).</summary>
    public IReadOnlyList<string> Roles { get; }
    /// <summary>port_state; Blocked and Offline change what requests get (#21, #22).</summary>
    public RportState State { get; set; } = RportState.Online;
    /// <summary>fast_io_fail_tmo expired while blocked: requests then fail as "not online" (#22) instead of #21.</summary>
    public bool FastIoFailTimedOut { get; set; }
    /// <summary>The rport's bsg queue.</summary>
    public SimRportNode Node { get; }

    /// <summary>port_state as sysfs prints it ("Not Present" with a space).</summary>
    public string StateName => State switch
    {
        RportState.NotPresent => "Not Present",
        _ => State.ToString(),
    };
}

/// <summary>fc_hostN's queue: fc_bsg_host_dispatch (docs/reference/kernel-rules.md #12–#17, #23).</summary>
public sealed class SimFcHostNode(SimFcHost host) : SimNode($"fc_host{host.HostNumber}", BsgNodeKind.FcHost)
{
    /// <summary>The host whose fc_hostN queue this is.</summary>
    public SimFcHost Host { get; } = host;
    /// <inheritdoc/>
    public override QueueLimits Limits => Host.Lld.Limits;

    /// <inheritdoc/>
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

    /// <inheritdoc/>
    public override int OnTimeout(BsgJob job) => Host.Lld.BsgTimeout(job, Host, null);
}

/// <summary>rport-H:C-N's queue: fc_bsg_dispatch_prep + fc_bsg_rport_dispatch (docs/reference/kernel-rules.md #18–#22).</summary>
public sealed class SimRportNode(SimRport rport) : SimNode(rport.Name, BsgNodeKind.FcRemotePort)
{
    /// <summary>The remote port whose queue this is.</summary>
    public SimRport Rport { get; } = rport;
    /// <inheritdoc/>
    public override QueueLimits Limits => Rport.Host.Lld.Limits;

    /// <inheritdoc/>
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
        switch (Faults.FaultKinds.Canonical(faults.Fire(Rport.PortId, Rport.PortName, command, Faults.FaultKinds.RemotePortState)?.Kind))
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
        // Only the CT_IU preamble up to the command code is needed to name it, not the whole header.
        return CtIuHeader.TryReadCommand(payload, out var server, out var code)
            ? Fc.Codes.GsTypes.CommandName(server.GsType, server.GsSubtype, code)
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
