using System.Buffers.Binary;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting.Fcoe.Wire;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// A software FCoE Forwarder in front of the simulated fabric: real ENodes (Linux fcoe/libfc, or anything that speaks
/// FC-BB-5) discover it through FIP, log in with FLOGI/FDISC and get fabric-provided MACs, and then their FCoE frames are
/// either switched to another real N_Port (on any port of the FCF) or answered here by the scenario's fabric: name
/// server, fabric controller (SCR, RSCN), management server, F_Port ELS, and the scenario's simulated N_Ports (PLOGI,
/// PRLI, ELS, and FCP for their one LUN each).
/// <para>It is a state machine with no threads and no clock of its own: <see cref="Receive"/> takes each frame and
/// <see cref="Tick"/> the time (for advertisements and keep-alive timeouts), both with the caller's monotonic "now";
/// frames leave through <see cref="IEthernetPort.Send"/>. The AF_PACKET loop (<see cref="FcfHost"/>) and the unit tests'
/// in-memory links drive it the same way. Not thread-safe: one caller at a time.</para>
/// <para>Bad frames — short, bad CRC, unknown delimiters, unknown critical FIP descriptors, wrong MACs, frames of
/// exchanges nobody has — are counted in <see cref="Statistics"/> and dropped.</para>
/// </summary>
public sealed partial class FcoeForwarder
{
    private readonly SimFabric _fabric;
    private readonly Scenario _scenario;
    private readonly FcfOptions _options;
    private readonly IReadOnlyList<IEthernetPort> _ports;
    private readonly Dictionary<(IEthernetPort, ulong), Enode> _enodes = [];
    private readonly Dictionary<uint, VnPort> _vnPorts = [];
    private readonly Dictionary<(IEthernetPort, ulong), VnPort> _vnPortsByMac = [];
    private readonly Dictionary<(uint, ushort), Exchange> _exchanges = [];
    private readonly Dictionary<(uint, ushort), TimeSpan> _originated = [];
    private readonly Dictionary<IEthernetPort, TimeSpan> _nextAdvertisement = [];
    private readonly HashSet<IEthernetPort> _mtuWarned = [];
    private readonly byte[] _tx = new byte[FcoeFrame.MaximumLength + 64];
    private ushort _nextRxId = 0x1000;
    private ushort _nextOxId = 0x8000;

    /// <summary>An FCF for <paramref name="fabric"/> (built from <paramref name="scenario"/>) on <paramref name="ports"/>.</summary>
    public FcoeForwarder(SimFabric fabric, Scenario scenario, IReadOnlyList<IEthernetPort> ports, FcfOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fabric);
        ArgumentNullException.ThrowIfNull(scenario);
        if (ports.Count == 0) throw new ArgumentException("the FCF needs at least one Ethernet port", nameof(ports));
        _fabric = fabric;
        _scenario = scenario;
        _ports = ports;
        _options = options ?? new FcfOptions();
        if (_options.FkaPeriodMs < 500) throw new ArgumentException($"FKA_ADV_Period {_options.FkaPeriodMs} ms is below the 500 ms ENodes accept");
        var principal = fabric.Topology.Principal ?? throw new ArgumentException($"scenario {scenario.Name} has no switch");
        if (scenario.Vn2vn) throw new ArgumentException($"scenario {scenario.Name} is VN2VN: it has no fabric for an FCF to offer");
        Domain = principal.Domain;
        SwitchName = principal.Name;
    }

    /// <summary>What it has done so far.</summary>
    public FcfStatistics Statistics { get; } = new();
    /// <summary>The domain the FCF's VF_Ports belong to (the principal switch); hosts without a scenario placement log in here.</summary>
    public int Domain { get; }
    /// <summary>The switch name in advertisements and CVLs.</summary>
    public Wwn SwitchName { get; }
    /// <summary>The fabric name in advertisements and FLOGI accepts (the principal switch's WWN).</summary>
    public Wwn FabricName => _fabric.FabricName;
    private TimeSpan FkaPeriod => TimeSpan.FromMilliseconds(_options.FkaPeriodMs);
    private readonly Dictionary<uint, Kernel.SimScsiDeviceNode> _disks = [];

    /// <summary>LUN 0 of a simulated target: the same disk the in-process simulator shows behind that target's rport.</summary>
    private Kernel.SimScsiDeviceNode DiskOf(SimNPort target)
    {
        if (!_disks.TryGetValue(target.Id.Value, out var disk))
            _disks[target.Id.Value] = disk = new Kernel.SimScsiDeviceNode("lun0", "BSGKIT", "SIMDISK", "0001") { Serial = target.PortName.Value.ToString("x16") };
        return disk;
    }

    /// <summary>The VN_Ports logged in now, by FC ID.</summary>
    public IReadOnlyList<(FcId Id, Wwn PortName, MacAddress Mac, string Port)> Logins =>
        _vnPorts.Values.OrderBy(v => v.Id.Value).Select(v => (v.Id, v.PortName, v.Mac, v.Enode.Port.Name)).ToList();

    // ---------------------------------------------------------------- state

    private sealed class Enode(IEthernetPort port, MacAddress mac)
    {
        public IEthernetPort Port { get; } = port;
        public MacAddress Mac { get; } = mac;
        public Wwn NodeName { get; set; }
        public int MaxFcoeSize { get; set; }
        public TimeSpan LastKeepAlive { get; set; }
        public List<VnPort> VnPorts { get; } = [];
    }

    private sealed class VnPort(FcId id, Wwn portName, Wwn nodeName, MacAddress mac, Enode enode)
    {
        public FcId Id { get; } = id;
        public Wwn PortName { get; } = portName;
        public Wwn NodeName { get; } = nodeName;
        public MacAddress Mac { get; } = mac;
        public Enode Enode { get; } = enode;
        public bool Virtual { get; init; }
        public int MaxPayload { get; init; } = FcoeFrame.MaxPayload;
        public byte ScrFunction { get; set; }
        public TimeSpan LastKeepAlive { get; set; }
        /// <summary>Simulated N_Ports and servers this port did PLOGI with, and the ones with a PRLI image pair.</summary>
        public HashSet<uint> PortLogins { get; } = [];
        public HashSet<uint> ProcessLogins { get; } = [];
        public SimNPort? Fabric { get; set; }
    }

    private enum ExchangeState { Receiving, Answered, Unanswered }

    /// <summary>An exchange a real N_Port opened with the fabric or a simulated N_Port (we are its responder).</summary>
    private sealed class Exchange(FcId source, FcId destination, ushort oxId, TimeSpan started)
    {
        public FcId Source { get; } = source;
        public FcId Destination { get; } = destination;
        public ushort OxId { get; } = oxId;
        public ushort RxId { get; set; } = FcFrameCodes.UnknownXid;
        public TimeSpan Started { get; } = started;
        public ExchangeState State { get; set; }
        public byte Rctl { get; set; }
        public byte Type { get; set; }
        public byte SequenceId { get; set; }
        public ushort NextSequenceCount { get; set; }
        public ushort LastSequenceCount { get; set; }
        public List<byte> Payload { get; } = new(128);
    }

    // ---------------------------------------------------------------- entry points

    /// <summary>Sends the first unsolicited advertisement on every port; call once before the first <see cref="Receive"/>.</summary>
    public void Start(TimeSpan now)
    {
        foreach (var port in _ports) _nextAdvertisement[port] = now;
        Tick(now);
    }

    /// <summary>Handles one received Ethernet frame.</summary>
    public void Receive(IEthernetPort port, ReadOnlySpan<byte> frame, TimeSpan now)
    {
        Statistics.FramesReceived++;
        if (frame.Length < 14) { Drop(port, "Ethernet: runt frame"); return; }
        switch (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]))
        {
            case FipCodes.EtherType: ReceiveFip(port, frame, now); break;
            case FcoeFrame.EtherType: ReceiveFcoe(port, frame, now); break;
            default: Drop(port, "Ethernet: not FIP or FCoE"); break;
        }
    }

    /// <summary>Advertisements and keep-alive supervision; returns when it wants to be called again.</summary>
    public TimeSpan Tick(TimeSpan now)
    {
        var next = now + FkaPeriod;
        foreach (var port in _ports)
        {
            var due = _nextAdvertisement.GetValueOrDefault(port, now);
            if (now >= due)
            {
                SendAdvertisement(port, MacAddress.AllEnodeMacs, solicited: false, padTo: 0);
                due = now + FkaPeriod;
                _nextAdvertisement[port] = due;
            }
            if (due < next) next = due;
        }

        // FC-BB-5: an ENode whose keep-alives stop for 2.5 × FKA_ADV_Period, or a VN_Port silent for 2.5 × 90 s, loses its links.
        var enodeLimit = FkaPeriod * 2.5;
        var vnLimit = TimeSpan.FromMilliseconds(FipCodes.VnPortKeepAlivePeriodMs * 2.5);
        foreach (var enode in _enodes.Values.ToList())
        {
            if (now - enode.LastKeepAlive > enodeLimit)
            {
                if (enode.VnPorts.Count > 0)
                {
                    Event($"{enode.Port.Name}: ENode {enode.Mac} sent no keep-alive for {(now - enode.LastKeepAlive).TotalSeconds:0.0} s: clearing its virtual links");
                    ClearVirtualLinks(enode, enode.VnPorts.ToList(), "ENode keep-alives stopped");
                }
                _enodes.Remove((enode.Port, enode.Mac.Value));
                continue;
            }
            var deadline = enode.LastKeepAlive + enodeLimit;
            if (deadline < next) next = deadline;
            foreach (var vn in enode.VnPorts.ToList())
            {
                if (now - vn.LastKeepAlive > vnLimit)
                    ClearVirtualLinks(enode, [vn], "VN_Port keep-alives stopped");
                else if (vn.LastKeepAlive + vnLimit < next)
                    next = vn.LastKeepAlive + vnLimit;
            }
        }

        // Exchange records outlive their answer by 2 × R_A_TOV so a late ABTS still finds them.
        var keep = TimeSpan.FromMilliseconds(2 * _options.RaTovMs);
        foreach (var (key, ex) in _exchanges.ToList())
            if (now - ex.Started > keep) _exchanges.Remove(key);
        foreach (var (key, sent) in _originated.ToList())
            if (now - sent > keep) _originated.Remove(key);
        return next;
    }

    /// <summary>Clears every virtual link (the FCF going away cleanly) and logs everybody out of the fabric.</summary>
    public void Shutdown()
    {
        foreach (var enode in _enodes.Values.ToList())
            if (enode.VnPorts.Count > 0) ClearVirtualLinks(enode, enode.VnPorts.ToList(), "FCF shutting down");
        _enodes.Clear();
    }

    // ---------------------------------------------------------------- FIP

    private void ReceiveFip(IEthernetPort port, ReadOnlySpan<byte> frame, TimeSpan now)
    {
        var error = FipFrame.TryParse(frame, out var fip);
        if (error != FipFrameError.None) { Drop(port, $"FIP: {Describe(error)}"); return; }
        if (fip.Destination != port.Address && fip.Destination != MacAddress.AllFcfMacs)
        {
            Drop(port, "FIP: destination MAC is not this FCF");
            return;
        }
        Frame(port, "rx", $"FIP {fip.Name} {fip.Source}->{fip.Destination} flags={FipCodes.Flags.Describe(fip.Flags)}");
        switch (fip.Operation, fip.Subcode)
        {
            case (FipCodes.OpDiscovery, FipCodes.SubSolicitation):
            {
                error = FipSolicitation.Parse(fip, out var sol);
                if (error != FipFrameError.None) { Drop(port, $"FIP solicitation: {Describe(error)}"); return; }
                if (sol.EnodeMac != fip.Source) { Drop(port, "FIP solicitation: MAC descriptor is not the sender"); return; }
                var enode = EnodeOf(port, sol.EnodeMac, now);
                enode.NodeName = sol.NodeName;
                enode.MaxFcoeSize = sol.MaxFcoeSize;
                SendAdvertisement(port, sol.EnodeMac, solicited: true, padTo: sol.MaxFcoeSize);
                break;
            }
            case (FipCodes.OpLinkService, FipCodes.SubRequest):
            {
                error = FipLinkService.Parse(fip, out var ls);
                if (error != FipFrameError.None) { Drop(port, $"FIP link service: {Describe(error)}"); return; }
                FipLinkServiceRequest(port, fip.Source, ls, now);
                break;
            }
            case (FipCodes.OpControl, FipCodes.SubKeepAlive):
            {
                error = FipKeepAlive.Parse(fip, out var ka);
                if (error != FipFrameError.None) { Drop(port, $"FIP keep-alive: {Describe(error)}"); return; }
                KeepAlive(port, fip.Source, ka, now);
                break;
            }
            case (FipCodes.OpVlan, FipCodes.SubVlanRequest):
                // VLAN discovery: the FCF runs untagged and offers no VLAN; ENodes then use the native one.
                Event($"{port.Name}: VLAN discovery from {fip.Source} ignored (the FCF runs untagged)");
                break;
            case (FipCodes.OpDiscovery, FipCodes.SubAdvertisement):
                Event($"{port.Name}: advertisement from another FCF {fip.Source} ignored");
                break;
            default:
                Drop(port, $"FIP: operation {fip.Name} is not one an FCF takes");
                break;
        }
    }

    private Enode EnodeOf(IEthernetPort port, MacAddress mac, TimeSpan now)
    {
        if (!_enodes.TryGetValue((port, mac.Value), out var enode))
        {
            enode = new Enode(port, mac);
            _enodes[(port, mac.Value)] = enode;
        }
        enode.LastKeepAlive = now;
        return enode;
    }

    private void SendAdvertisement(IEthernetPort port, MacAddress destination, bool solicited, int padTo)
    {
        var flags = (ushort)(FipCodes.FlagFpma | FipCodes.FlagAvailable | FipCodes.FlagFcf | (solicited ? FipCodes.FlagSolicited : 0));
        var adv = new FipAdvertisementInfo(port.Address, _options.Priority, SwitchName, FabricName, _options.FcMap, 0,
            (uint)_options.FkaPeriodMs, flags);
        var pad = 0;
        if (solicited && padTo > 0)
        {
            // FC-BB-5: the solicited advertisement is padded to the ENode's max FCoE size, proving the path's MTU.
            pad = 14 + padTo;
            if (padTo > port.Mtu)
            {
                if (_mtuWarned.Add(port))
                    Event($"{port.Name}: MTU {port.Mtu} is below the {padTo}-byte FCoE frames {destination} asks for; padding to the MTU instead");
                pad = 14 + port.Mtu;
            }
        }
        Transmit(port, _tx.AsSpan(0, FipAdvertisement.Build(_tx, destination, adv, Math.Min(pad, _tx.Length))),
            $"FIP {(solicited ? "DISC/ADV solicited" : "DISC/ADV")} ->{destination} fka={_options.FkaPeriodMs}ms");
    }

    private void FipLinkServiceRequest(IEthernetPort port, MacAddress source, in FipLinkServiceMessage ls, TimeSpan now)
    {
        var h = ls.Header;
        if (h.Rctl != FcFrameCodes.RctlElsRequest || h.Type != FcFrameCodes.TypeEls || ls.Payload.IsEmpty)
        {
            Drop(port, "FIP link service: the encapsulated frame is not an ELS request");
            return;
        }
        var enode = EnodeOf(port, source, now);
        Frame(port, "rx", $"  {h} {ElsCommands.Table.NameOf(ls.Payload[0])}");
        switch (ls.DescriptorType)
        {
            case FipCodes.DescFlogi or FipCodes.DescFdisc:
                FabricLogin(enode, ls.DescriptorType, h, ls.Payload, ls.HasMac ? ls.Mac : default, now);
                break;
            case FipCodes.DescLogo:
                FabricLogout(enode, h, ls.Payload);
                break;
        }
    }

    private void FabricLogin(Enode enode, byte descriptorType, FcFrameHeader request, ReadOnlySpan<byte> payload, MacAddress requestedMac, TimeSpan now)
    {
        var fdisc = descriptorType == FipCodes.DescFdisc;
        ServiceParameters parameters;
        try
        {
            parameters = fdisc ? Fdisc.ParseRequest(payload) : Flogi.ParseRequest(payload);
        }
        catch (Fc.Wire.FcWireFormatException e)
        {
            Event($"{enode.Port.Name}: {(fdisc ? "FDISC" : "FLOGI")} from {enode.Mac} rejected: {e.Message}");
            FipReject(enode, descriptorType, request, LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength);
            return;
        }
        if (!requestedMac.IsZero)
        {
            // We advertise FPMA only (no SP flag): a server-provided MAC cannot be granted.
            FipReject(enode, descriptorType, request, LsRjtReasons.UnableToPerform, LsRjtExplanations.None);
            return;
        }
        var physical = enode.VnPorts.FirstOrDefault(v => !v.Virtual);
        if (fdisc && physical is null)
        {
            FipReject(enode, descriptorType, request, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
            return;
        }
        if (!fdisc)
            foreach (var old in enode.VnPorts.ToList()) Logout(old, "repeated FLOGI (implicit logout)");
        else if (_fabric.FindPort(parameters.Wwpn) is { } sameName && _vnPorts.TryGetValue(sameName.Id.Value, out var previous))
            Logout(previous, "repeated FDISC (implicit logout)");

        var (domain, switchPort) = Placement(parameters.Wwpn, physical);
        FabricLogin login;
        try
        {
            login = _fabric.AttachExternal(parameters.Wwpn, parameters.Wwnn, domain, switchPort);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Event($"{enode.Port.Name}: {(fdisc ? "FDISC" : "FLOGI")} of {parameters.Wwpn} rejected: {e.Message}");
            FipReject(enode, descriptorType, request, LsRjtReasons.UnableToPerform, LsRjtExplanations.None);
            return;
        }
        var mac = MacAddress.Fpma(_options.FcMap, login.PortId.Value);
        var maxPayload = Math.Min(FcoeFrame.MaxPayload, Math.Max(256, parameters.Common.ReceiveDataFieldSize));
        maxPayload = Math.Min(maxPayload, enode.Port.Mtu - FcoeFrame.FcoeHeaderLength - FcFrameHeader.Length - FcoeFrame.TrailerLength) & ~3;
        var vn = new VnPort(login.PortId, parameters.Wwpn, parameters.Wwnn, mac, enode)
        {
            Virtual = fdisc,
            MaxPayload = maxPayload,
            LastKeepAlive = now,
            Fabric = _fabric.FindPort(login.PortId),
        };
        enode.VnPorts.Add(vn);
        _vnPorts[vn.Id.Value] = vn;
        _vnPortsByMac[(enode.Port, mac.Value)] = vn;
        Statistics.FabricLogins++;
        Event($"{enode.Port.Name}: {(fdisc ? "FDISC" : "FLOGI")} {vn.PortName} from ENode {enode.Mac} -> {vn.Id}, MAC {mac}, max payload {maxPayload}");

        Span<byte> acc = stackalloc byte[ServiceParameters.Length];
        var accept = ServiceParameters.WithClass3(
            new CommonServiceParameters(0x20, 0x20, 16,
                (ushort)(FPortFeature | NpivAcceptFeature), (ushort)FcoeFrame.MaxPayload, _options.RaTovMs, _options.EdTovMs),
            login.FabricPortName, FabricName,
            new ClassServiceParameters((ushort)(ElsServiceParameterBits.ClassValid | SequentialDelivery), 0, 0, FcoeFrame.MaxPayload, 0, 0, 0));
        var length = fdisc ? Fdisc.BuildAccept(acc, accept) : Flogi.BuildAccept(acc, accept);
        var reply = new FcFrameHeader(FcFrameCodes.RctlElsReply, vn.Id, FcId.FabricPort, FcFrameCodes.TypeEls, FcFrameCodes.ReplyFctl,
            0, 0, request.OriginatorExchangeId, NextRxId(), 0);
        var n = FipLinkService.Build(_tx, enode.Mac, enode.Port.Address, FipCodes.SubReply, FipCodes.FlagFpma, descriptorType, reply,
            acc[..length], mac);
        Transmit(enode.Port, _tx.AsSpan(0, n), $"FIP LS/REP {(fdisc ? "FDISC" : "FLOGI")} LS_ACC {vn.Id} granted {mac}");
        NotifyStateChange(vn.Id, vn.Fabric, except: vn);
    }

    private const uint FPortFeature = 0x1000, NpivAcceptFeature = 0x2000, SequentialDelivery = 0x0800;

    /// <summary>Where a port logs in: its scenario host's placement, its physical port's switch port for NPIV, else the first free port.</summary>
    private (int Domain, int Port) Placement(Wwn portName, VnPort? physical)
    {
        foreach (var h in _scenario.Hosts)
        {
            if (Wwn.TryParse(h.Wwpn, out var w) && w == portName) return (h.Domain, h.Port);
            foreach (var v in h.Npiv)
                if (Wwn.TryParse(v.Wwpn, out var vw) && vw == portName) return (h.Domain, h.Port);
        }
        if (physical?.Fabric is { } f) return (f.Domain, f.SwitchPort);
        return (Domain, _fabric.FreeSwitchPort(Domain));
    }

    private void FabricLogout(Enode enode, FcFrameHeader request, ReadOnlySpan<byte> payload)
    {
        if (!_vnPorts.TryGetValue(request.SourceId.Value, out var vn) || vn.Enode != enode || payload[0] != ElsCommands.Logo)
        {
            FipReject(enode, FipCodes.DescLogo, request, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
            return;
        }
        Span<byte> acc = stackalloc byte[4];
        var reply = new FcFrameHeader(FcFrameCodes.RctlElsReply, vn.Id, FcId.FabricPort, FcFrameCodes.TypeEls, FcFrameCodes.ReplyFctl,
            0, 0, request.OriginatorExchangeId, NextRxId(), 0);
        var n = FipLinkService.Build(_tx, enode.Mac, enode.Port.Address, FipCodes.SubReply, FipCodes.FlagFpma, FipCodes.DescLogo, reply,
            acc[..Logo.BuildAccept(acc)], vn.Mac);
        Transmit(enode.Port, _tx.AsSpan(0, n), $"FIP LS/REP LOGO LS_ACC {vn.Id}");
        Logout(vn, "fabric LOGO");
    }

    private void FipReject(Enode enode, byte descriptorType, FcFrameHeader request, byte reason, byte explanation)
    {
        Span<byte> rjt = stackalloc byte[LsRjt.Length];
        var length = LsRjt.Build(rjt, new LsRjt(reason, explanation));
        var reply = new FcFrameHeader(FcFrameCodes.RctlElsReply, request.SourceId, FcId.FabricPort, FcFrameCodes.TypeEls,
            FcFrameCodes.ReplyFctl, 0, 0, request.OriginatorExchangeId, NextRxId(), 0);
        var n = FipLinkService.Build(_tx, enode.Mac, enode.Port.Address, FipCodes.SubReply, FipCodes.FlagFpma, descriptorType, reply,
            rjt[..length], null);
        Transmit(enode.Port, _tx.AsSpan(0, n), $"FIP LS/REP LS_RJT reason=0x{reason:x2} explanation=0x{explanation:x2}");
    }

    private void KeepAlive(IEthernetPort port, MacAddress source, in FipKeepAliveInfo ka, TimeSpan now)
    {
        if (!ka.IsVnPort)
        {
            if (_enodes.TryGetValue((port, ka.EnodeMac.Value), out var enode)) enode.LastKeepAlive = now;
            return;
        }
        if (_vnPorts.TryGetValue(ka.VnPortId.Value, out var vn) && vn.Mac == ka.VnPortMac && vn.PortName == ka.VnPortName && vn.Enode.Port == port)
        {
            vn.LastKeepAlive = now;
            return;
        }
        // FC-BB-5: a keep-alive for a VN_Port the FCF does not know gets that link cleared, so the ENode logs in again.
        Event($"{port.Name}: keep-alive for unknown VN_Port {ka.VnPortId} ({ka.VnPortMac}) from {source}: clearing it");
        var n = FipClearVirtualLinks.Build(_tx, ka.EnodeMac, port.Address, SwitchName, [(ka.VnPortMac, ka.VnPortId, ka.VnPortName)]);
        Transmit(port, _tx.AsSpan(0, n), $"FIP CTRL/CVL ->{ka.EnodeMac} {ka.VnPortId}");
        Statistics.ClearVirtualLinksSent++;
    }

    private void ClearVirtualLinks(Enode enode, List<VnPort> links, string why)
    {
        var entries = links.Select(v => (v.Mac, v.Id, v.PortName)).ToArray();
        var n = FipClearVirtualLinks.Build(_tx, enode.Mac, enode.Port.Address, SwitchName, entries);
        Transmit(enode.Port, _tx.AsSpan(0, n), $"FIP CTRL/CVL ->{enode.Mac} {string.Join(",", links.Select(v => v.Id))}");
        Statistics.ClearVirtualLinksSent++;
        foreach (var vn in links) Logout(vn, why);
    }

    /// <summary>A VN_Port leaves: out of the fabric and the name server, and every registered host that could see it gets an RSCN.</summary>
    private void Logout(VnPort vn, string why)
    {
        if (!_vnPorts.Remove(vn.Id.Value)) return;
        _vnPortsByMac.Remove((vn.Enode.Port, vn.Mac.Value));
        vn.Enode.VnPorts.Remove(vn);
        foreach (var key in _exchanges.Keys.Where(k => k.Item1 == vn.Id.Value).ToList()) _exchanges.Remove(key);
        var gone = _fabric.Detach(vn.Id);
        Statistics.FabricLogouts++;
        Event($"{vn.Enode.Port.Name}: {vn.PortName} ({vn.Id}) logged out: {why}");
        NotifyStateChange(vn.Id, gone ?? vn.Fabric, except: vn);
    }

    // ---------------------------------------------------------------- RSCN

    /// <summary>RSCN (port address format) from the fabric controller to every SCR-registered VN_Port that may see the port.</summary>
    private void NotifyStateChange(FcId affected, SimNPort? port, VnPort? except)
    {
        Span<byte> rscn = stackalloc byte[8];
        var length = Rscn.BuildRequest(rscn, [new RscnPage(RscnPage.PortAddress, affected)]);
        foreach (var vn in _vnPorts.Values.ToList())
        {
            if (vn == except || vn.ScrFunction == 0) continue;
            if (port is not null && vn.Fabric is not null && !_fabric.Zoning.CanSee(vn.Fabric, port)) continue;
            var ox = _nextOxId++;
            if (_nextOxId == FcFrameCodes.UnknownXid) _nextOxId = 0x8000;
            _originated[(vn.Id.Value, ox)] = TimeSpan.Zero;
            SendSequence(vn, FcId.FabricController, ox, FcFrameCodes.UnknownXid, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, 0,
                rscn[..length], FcFrameCodes.FirstSequence, FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative, relativeOffset: false);
            Statistics.RscnsSent++;
            Event($"RSCN {affected} -> {vn.Id}");
        }
    }

    // ---------------------------------------------------------------- FCoE

    private void ReceiveFcoe(IEthernetPort port, ReadOnlySpan<byte> frame, TimeSpan now)
    {
        var error = FcoeFrame.Parse(frame, out var fc, out var sof, out var eof);
        if (error != FcoeFrameError.None) { Drop(port, $"FCoE: {Describe(error)}"); return; }
        var destinationMac = MacAddress.Read(frame);
        var sourceMac = MacAddress.Read(frame[6..]);
        if (destinationMac != port.Address) { Drop(port, "FCoE: destination MAC is not this FCF (non-FIP FCoE?)"); return; }
        if (!_vnPortsByMac.TryGetValue((port, sourceMac.Value), out var vn)) { Drop(port, "FCoE: source MAC has no fabric login"); return; }
        var h = FcFrameHeader.Read(fc);
        if (h.SourceId != vn.Id) { Drop(port, "FCoE: S_ID is not the VN_Port's address"); return; }
        if (eof is not (FcFrameCodes.EofN or FcFrameCodes.EofT)) { Drop(port, $"FCoE: frame ended {FcFrameCodes.Eof.NameOf(eof)}"); return; }
        var payload = fc[FcFrameHeader.Length..];
        if (eof == FcFrameCodes.EofT && h.HasFctl(FcFrameCodes.EndSequence)) payload = payload[..^Math.Min(h.FillBytes, payload.Length)];
        if (_options.FrameLog is not null)
            Frame(port, "rx", $"FCoE {FcFrameCodes.Sof.NameOf(sof)}/{FcFrameCodes.Eof.NameOf(eof)} {h} {Summary(h, payload)}");

        if (_vnPorts.TryGetValue(h.DestinationId.Value, out var target) && target != vn)
        {
            Switch(vn, target, frame, fc, sof, eof, h, payload);
            return;
        }
        Local(vn, h, sof, eof, payload, now);
    }

    /// <summary>Frame switching between real N_Ports: hard zoning, then the same FC frame re-encapsulated toward the destination.</summary>
    private void Switch(VnPort from, VnPort to, ReadOnlySpan<byte> frame, ReadOnlySpan<byte> fc, byte sof, byte eof, FcFrameHeader h, ReadOnlySpan<byte> payload)
    {
        if (from.Fabric is not null && to.Fabric is not null && !_fabric.Zoning.CanSee(from.Fabric, to.Fabric))
        {
            Drop(from.Enode.Port, "FCoE: zoned away (hard zoning)");
            return;
        }
        if (h.Type is FcFrameCodes.TypeEls or FcFrameCodes.TypeCt && FcFrameCodes.IsInitialSof(sof) && !h.HasFctl(FcFrameCodes.ExchangeContext) &&
            _fabric.Faults.Fire(to.Id, to.PortName, _fabric.CommandName(h.Type == FcFrameCodes.TypeEls ? FrameType.Els : FrameType.Ct, payload), BsgKit.Simulator.Faults.FaultKinds.Offline) is { } fault)
        {
            Event($"fault {fault.Kind} on {to.PortName}: its link goes down");
            ClearVirtualLinks(to.Enode, [to], $"scenario fault '{fault.Kind}'");
            return;
        }
        var length = frame.Length;
        var tx = _tx.AsSpan(0, length);
        frame.CopyTo(tx);
        to.Mac.Write(tx);
        to.Enode.Port.Address.Write(tx[6..]);
        Statistics.FramesForwarded++;
        Transmit(to.Enode.Port, tx, _options.FrameLog is null ? "" : $"FCoE switched {FcFrameCodes.Sof.NameOf(sof)}/{FcFrameCodes.Eof.NameOf(eof)} {h}");
    }

    private ushort NextRxId()
    {
        var id = _nextRxId++;
        if (_nextRxId >= 0x7FFF) _nextRxId = 0x1000;
        return id;
    }

    /// <summary>
    /// Sends one sequence to a VN_Port, cut into frames of at most the port's receive size: SOFi3 then SOFn3, SEQ_CNT
    /// counting up, relative offset in the parameter when asked, EOFn until the last frame, which ends the sequence
    /// (EOFt, END_SEQ and the <paramref name="lastFctl"/> bits).
    /// </summary>
    private void SendSequence(VnPort to, FcId from, ushort oxId, ushort rxId, byte rctl, byte type, byte sequenceId,
        ReadOnlySpan<byte> payload, uint fctl, uint lastFctl, bool relativeOffset, ushort firstCount = 0)
    {
        var max = Math.Max(4, to.MaxPayload);
        var frames = Math.Max(1, (payload.Length + max - 1) / max);
        for (var i = 0; i < frames; i++)
        {
            var offset = i * max;
            var chunk = payload.Slice(offset, Math.Min(max, payload.Length - offset));
            var last = i == frames - 1;
            var f = fctl | (last ? lastFctl : 0) | (relativeOffset ? FcFrameCodes.RelativeOffset : 0);
            var header = new FcFrameHeader(rctl, to.Id, from, type, f, sequenceId, (ushort)(firstCount + i), oxId, rxId,
                relativeOffset ? (uint)offset : 0);
            var n = FcoeFrame.Build(_tx, to.Mac, to.Enode.Port.Address, i == 0 ? FcFrameCodes.SofI3 : FcFrameCodes.SofN3, header, chunk,
                last ? FcFrameCodes.EofT : FcFrameCodes.EofN);
            Transmit(to.Enode.Port, _tx.AsSpan(0, n), _options.FrameLog is null ? "" :
                $"FCoE {(i == 0 ? "SOFi3" : "SOFn3")}/{(last ? "EOFt" : "EOFn")} {header} {Summary(header, chunk)}");
        }
    }

    // ---------------------------------------------------------------- plumbing

    private void Transmit(IEthernetPort port, ReadOnlySpan<byte> frame, string what)
    {
        if (port.Send(frame)) Statistics.FramesSent++;
        else Statistics.SendFailures++;
        if (what.Length > 0) Frame(port, "tx", what);
    }

    private void Drop(IEthernetPort port, string reason)
    {
        Statistics.Drop(reason);
        _options.EventLog?.Invoke($"{port.Name}: dropped: {reason}");
    }

    private void Event(string text) => _options.EventLog?.Invoke(text);

    private void Frame(IEthernetPort port, string direction, string text) => _options.FrameLog?.Invoke($"{direction} {port.Name} {text}");

    private static string Describe(FipFrameError e) => e switch
    {
        FipFrameError.TooShort => "frame too short",
        FipFrameError.BadVersion => "not FIP version 1",
        FipFrameError.BadLength => "descriptor list longer than the frame",
        FipFrameError.BadDescriptorLength => "descriptor length out of bounds",
        FipFrameError.UnknownCriticalDescriptor => "unknown critical descriptor",
        FipFrameError.MissingDescriptor => "required descriptor missing",
        _ => "malformed descriptor",
    };

    private static string Describe(FcoeFrameError e) => e switch
    {
        FcoeFrameError.TooShort => "frame too short",
        FcoeFrameError.BadVersion => "not FCoE version 0",
        FcoeFrameError.BadSof => "unknown SOF",
        FcoeFrameError.BadEof => "unknown EOF",
        _ => "bad CRC",
    };

    /// <summary>What a frame carries, for the --verbose line: the ELS, the CT command, the SCSI opcode.</summary>
    private static string Summary(FcFrameHeader h, ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty || h.SequenceCount != 0 && h.Type != FcFrameCodes.TypeBls) return $"{payload.Length}B";
        return h.Type switch
        {
            FcFrameCodes.TypeEls => $"{ElsCommands.Table.NameOf(payload[0])} {payload.Length}B",
            FcFrameCodes.TypeCt when payload.Length >= 10 =>
                $"{GsTypes.CommandName(payload[4], payload[5], (ushort)(payload[8] << 8 | payload[9]))} {payload.Length}B",
            FcFrameCodes.TypeFcp when h.Rctl == FcFrameCodes.RctlUnsolicitedCommand && payload.Length >= 13 => $"CDB 0x{payload[12]:x2}",
            FcFrameCodes.TypeFcp when h.Rctl == FcFrameCodes.RctlCommandStatus && payload.Length >= 12 => $"status 0x{payload[11]:x2}",
            _ => $"{payload.Length}B",
        };
    }
}
