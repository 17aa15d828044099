using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The simulated fabric built from a <see cref="Scenario"/>: switches and ISLs, N_Ports (scenario ports at build
/// time, our host ports at <see cref="Login"/>), the name server, management server (FCS, FDMI, zone server),
/// ELS responders and fault injection. FC ID = domain &lt;&lt; 16 | switch port &lt;&lt; 8 | ALPA (NPIV logins on one
/// switch port get ALPAs 1, 2, …). The fabric name is the WWN of the principal (lowest-domain) switch.
/// <para>Exchange semantics: ELS to an FC ID nobody has, to an offline port, or across zones (hard zoning) gets
/// no response; CT goes to the service named by GS_Type/GS_Subtype at 0xFFFFFC / 0xFFFFFA. The fabric reports
/// latency in <see cref="ExchangeResult.Latency"/> and never advances <see cref="Clock"/> itself.</para>
/// </summary>
public sealed class SimFabric : ISimFabric
{
    private static readonly TimeSpan CtLatency = TimeSpan.FromMicroseconds(400);
    private static readonly TimeSpan ElsLatency = TimeSpan.FromMicroseconds(150);
    private const int ScratchSize = CtIuHeader.MaxResponseBytes + 64;

    [ThreadStatic] private static byte[]? t_scratch;

    private readonly PortDirectory _ports = new();
    private readonly Dictionary<int, ICtService> _services = [];
    private readonly ElsResponder _els;
    private readonly bool _vn2vn;
    private readonly object _loginSync = new();
    private readonly Dictionary<int, SimNPort> _switchPortIdentities = []; // int keys: Dictionary<uint, …> is JIT-compiled
    private readonly LatencyModel _latency;

    /// <summary>The fabric of <paramref name="scenario"/>: switches, N_Ports, servers, zoning and faults.</summary>
    public SimFabric(Scenario scenario, SimClock clock)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Clock = clock;
        Faults = new FaultInjector(scenario.Faults);
        var switches = new List<SimSwitch>(scenario.Switches.Count);
        foreach (var spec in scenario.Switches) switches.Add(new SimSwitch(spec));
        Topology = new FabricTopology(switches);
        Zoning = new ZoningPolicy(scenario.Zoning);
        ConnectIsls(scenario.Isls);
        AddScenarioPorts(scenario.NPorts);

        var names = scenario.NameServer?.UnsupportedCommands ?? [];
        var unsupported = new ushort[names.Count]; // a loop, not Select<string, ushort>: that instantiation is JIT-compiled
        var next = 0;
        foreach (var n in names)
            unsupported[next++] = GsNameServerCommands.Table.TryGetCode(n, out var code) ? (ushort)code
                : throw new ArgumentException($"nameServer.unsupportedCommands: '{n}' is not a name-server command");
        var nameServer = new NameServer(_ports, Zoning, unzoned: false, scenario.NameServer?.MaxEntriesPerQuery ?? 0, unsupported);
        AddService(nameServer);
        AddService(new NameServer(_ports, Zoning, unzoned: true, nameServer.MaxEntriesPerQuery, unsupported));
        _latency = new LatencyModel(scenario.Latency);
        AddService(new ConfigServer(Topology, _ports, Zoning));
        AddService(new FdmiServer());
        AddService(new ZoneServer(Zoning));
        _els = new ElsResponder(Topology);
        _vn2vn = scenario.Vn2vn;
    }

    /// <summary>R_A_TOV and E_D_TOV the fabric's F_Ports give in their FLOGI accept (FC-FS defaults; `sim fcf` sends them).</summary>
    public const uint RaTovMs = 10_000, EdTovMs = 2_000;

    /// <summary>fcoe, bnx2fc and qedf: the drivers built on libfc.</summary>
    public static bool IsLibfc(string? driver) => driver is "fcoe" or "bnx2fc" or "qedf";

    /// <summary>False in VN2VN mode (<see cref="Scenario.Vn2vn"/>): no name server, management server or F_Port.</summary>
    public bool HasFabricServices => !_vn2vn;

    /// <summary>The simulated clock latencies are counted on.</summary>
    public SimClock Clock { get; }
    /// <summary>The scenario's injected faults.</summary>
    public FaultInjector Faults { get; }
    /// <summary>Switches, their ports and ISLs.</summary>
    public FabricTopology Topology { get; }
    /// <summary>The active zone set and whether it is enforced.</summary>
    public ZoningPolicy Zoning { get; }
    /// <summary>The fabric name (principal switch WWN).</summary>
    public Wwn FabricName => Topology.FabricName;

    /// <summary>Every N_Port logged in (registered or not), by FC ID.</summary>
    public SimNPort? FindPort(FcId id) => _ports.FindById(id);

    /// <summary>The scenario's N_Ports that are offline (not logged in to the fabric), in scenario order.</summary>
    public IReadOnlyList<SimNPort> OfflinePorts { get; private set; } = [];
    /// <summary>The N_Port with WWPN <paramref name="portName"/>, or null.</summary>
    public SimNPort? FindPort(Wwn portName) => _ports.FindByPortName(portName);
    /// <summary>How many N_Ports the name server holds.</summary>
    public int RegisteredPortCount => _ports.Registered.Length;

    private void AddService(ICtService service) => _services[Key(service.Server.GsType, service.Server.GsSubtype)] = service;

    private static int Key(byte type, byte subtype) => type << 8 | subtype;

    // ---------------------------------------------------------------- build

    private void ConnectIsls(List<IslSpec> isls)
    {
        foreach (var isl in isls)
        {
            var a = Topology.FindPort(isl.FromDomain, isl.FromPort)
                ?? throw new ArgumentException($"ISL end {isl.FromDomain}/{isl.FromPort} is not a switch port");
            var b = Topology.FindPort(isl.ToDomain, isl.ToPort)
                ?? throw new ArgumentException($"ISL end {isl.ToDomain}/{isl.ToPort} is not a switch port");
            a.IslPeer = b;
            b.IslPeer = a;
        }
    }

    private void AddScenarioPorts(List<NPortSpec> specs)
    {
        var ports = new List<SimNPort>(specs.Count);
        foreach (var spec in specs)
        {
            var switchPort = Topology.FindPort(spec.Domain, spec.Port)
                ?? throw new ArgumentException($"N_Port {spec.Wwpn}: switch port {spec.Domain}/{spec.Port} does not exist");
            var id = new FcId((uint)(spec.Domain << 16 | spec.Port << 8 | spec.Alpa));
            var types = Fc4Names.TypeSet(spec.Fc4Types);
            var port = new SimNPort(id, Wwn.Parse(spec.Wwpn), Wwn.Parse(spec.Wwnn), spec.Domain, spec.Port, switchPort.Name)
            {
                Fc4Types = types,
                Fc4Features = Fc4Names.FeatureSet(types, Fc4Names.RoleFeatures(spec.Roles)),
                SymbolicPortName = spec.SymbolicPortName ?? "",
                SymbolicNodeName = spec.SymbolicNodeName ?? "",
                Speed = spec.Speed,
                Online = spec.Online,
                Sfp = spec.Sfp ?? SimNPort.DefaultSfp,
                Rnid = spec.Rnid,
            };
            port.SetLesb(spec.Lesb);
            port.ZoneIds = Zoning.ZonesOf(port.Id, port.PortName, port.NodeName);
            switchPort.Attached.Add(port);
            ports.Add(port);
        }
        _ports.AddRange(ports);
        OfflinePorts = [.. ports.Where(p => !p.Online)];
    }

    // ---------------------------------------------------------------- login

    /// <inheritdoc/>
    public FabricLogin Login(Wwn portName, Wwn nodeName, int domain, int switchPort, string symbolicName, HostSpec? fdmiSource, bool registerFdmi)
    {
        if (_vn2vn) return LoginVn2vn(portName, nodeName, fdmiSource);
        SimNPort port;
        lock (_loginSync)
        {
            var existing = _ports.FindByPortName(portName);
            if (existing is not null)
                return new FabricLogin(existing.Id, FabricName, existing.FabricPortName);

            var attach = Topology.FindPort(domain, switchPort)
                ?? throw new ArgumentException($"host port {portName}: switch port {domain}/{switchPort} does not exist");
            var alpa = FreeAlpa(domain, switchPort);
            var id = new FcId((uint)(domain << 16 | switchPort << 8 | alpa));
            port = new SimNPort(id, portName, nodeName, domain, switchPort, attach.Name)
            {
                IsHost = true,
                IsLibfcHost = IsLibfc(fdmiSource?.Driver),
                Speed = fdmiSource?.Speed ?? "16 Gbit",
                SupportedSpeeds = fdmiSource?.SupportedSpeeds,
            };
            port.SetLesb(fdmiSource?.Lesb);
            port.ZoneIds = Zoning.ZonesOf(id, portName, nodeName);
            attach.Attached.Add(port);
            _ports.Add(port);
        }

        // What a driver does after FLOGI/FDISC, sent through the fabric's own servers with the shared codecs.
        Span<byte> request = stackalloc byte[1024];
        // libfc registers FC-CT next to FCP (fc_lport_config adds both to lport->fcts; seen on the kernel lane).
        var types = IsLibfc(fdmiSource?.Driver) ? Fc4TypeSet.Of(Fc4Types.Fcp, Fc4Types.FcServices) : Fc4TypeSet.Of(Fc4Types.Fcp);
        Register(port.Id, request[..RftId.BuildRequest(request, port.Id, types)]);
        Register(port.Id, request[..RffId.BuildRequest(request, port.Id, Fc4Types.Fcp, Fc4Features.FcpInitiator)]);
        if (symbolicName.Length > 0)
        {
            Register(port.Id, request[..RspnId.BuildRequest(request, port.Id, symbolicName)]);
            Register(port.Id, request[..RsnnNn.BuildRequest(request, nodeName, symbolicName)]);
        }
        if (registerFdmi && fdmiSource is not null)
        {
            var hba = FdmiHostAttributes.Hba(fdmiSource, portName, nodeName, FabricName, symbolicName);
            var buffer = new byte[8192];
            Register(port.Id, buffer.AsSpan(0, Rhba.BuildRequest(buffer, hba)));
            var attributes = FdmiHostAttributes.Port(fdmiSource, port.Id, portName, nodeName, FabricName, symbolicName);
            Register(port.Id, buffer.AsSpan(0, Rpa.BuildRequest(buffer, portName, attributes)));
        }
        return new FabricLogin(port.Id, FabricName, port.FabricPortName);
    }

    /// <summary>
    /// FLOGI/FDISC of a port whose own driver makes the name-server registrations afterwards — a real host behind
    /// <c>bsgkit sim fcf</c>. The port gets its FC ID (next free ALPA on the switch port) and a name-server entry
    /// with its port and node name only; RFT_ID, RSPN_ID … come from the host itself. A port already logged in
    /// under this WWPN logs out first (a repeated FLOGI is an implicit logout).
    /// </summary>
    public FabricLogin AttachExternal(Wwn portName, Wwn nodeName, int domain, int switchPort)
    {
        lock (_loginSync)
        {
            if (_ports.FindByPortName(portName) is { } previous) Detach(previous.Id);
            var attach = Topology.FindPort(domain, switchPort)
                ?? throw new ArgumentException($"port {portName}: switch port {domain}/{switchPort} does not exist");
            var id = new FcId((uint)(domain << 16 | switchPort << 8 | FreeAlpa(domain, switchPort)));
            var port = new SimNPort(id, portName, nodeName, domain, switchPort, attach.Name) { IsHost = true, Speed = "10 Gbit" };
            port.ZoneIds = Zoning.ZonesOf(id, portName, nodeName);
            attach.Attached.Add(port);
            _ports.Add(port);
            return new FabricLogin(id, FabricName, attach.Name);
        }
    }

    /// <summary>A port leaves the fabric (LOGO, a cleared virtual link, a disappear fault). Null when nobody has the ID.</summary>
    public SimNPort? Detach(FcId id)
    {
        lock (_loginSync)
        {
            var port = _ports.FindById(id);
            if (port is null || port.IsSwitchPort) return null;
            _ports.Remove(port);
            Topology.FindPort(port.Domain, port.SwitchPort)?.Attached.Remove(port);
            return port;
        }
    }

    /// <summary>
    /// The port name a well-known server (0xFFFFFC, 0xFFFFFA …) gives in its PLOGI accept and so in the rport the
    /// driver shows for it: 20:ss:ss + the low 40 bits of the fabric name.
    /// </summary>
    public static Wwn ServerPortName(FcId server, Wwn fabricName) =>
        new(0x2000_0000_0000_0000UL | (ulong)(server.Value & 0xFFFF) << 40 | (fabricName.Value & 0xFF_FFFF_FFFFUL));

    /// <summary>The first port of the switch with nothing attached (where a host with no scenario placement logs in).</summary>
    public int FreeSwitchPort(int domain)
    {
        lock (_loginSync)
        {
            var sw = Topology.FindDomain(domain) ?? throw new ArgumentException($"domain {domain} does not exist");
            foreach (var p in sw.Ports)
                if (p.Index > 0 && p.Attached.Count == 0 && p.IslPeer is null) return p.Index;
            throw new InvalidOperationException($"switch {domain} has no free port");
        }
    }

    /// <summary>
    /// VN2VN: no FLOGI and no name server. The port ID is 0x00 + the low 16 bits of the WWPN (fcoe derives both
    /// from the MAC), the next free one on a clash; no fabric name; FCP initiator.
    /// </summary>
    private FabricLogin LoginVn2vn(Wwn portName, Wwn nodeName, HostSpec? spec)
    {
        lock (_loginSync)
        {
            var existing = _ports.FindByPortName(portName);
            if (existing is not null) return new FabricLogin(existing.Id, default, default);
            var low = (uint)(portName.Value & 0xFFFF);
            if (low == 0) low = 1;
            while (_ports.IsUsed(new FcId(low))) low = low % 0xFFFF + 1;
            var types = Fc4TypeSet.Of(Fc4Types.Fcp);
            var port = new SimNPort(new FcId(low), portName, nodeName, 0, 0, default)
            {
                IsHost = true,
                Speed = spec?.Speed ?? "10 Gbit",
                Fc4Types = types,
                Fc4Features = Fc4Names.FeatureSet(types, Fc4Names.RoleFeatures(["initiator"])),
            };
            port.SetLesb(spec?.Lesb);
            _ports.Add(port);
            return new FabricLogin(port.Id, default, default);
        }
    }

    private int FreeAlpa(int domain, int switchPort)
    {
        for (var alpa = 0; alpa <= 0xFF; alpa++)
            if (!_ports.IsUsed(new FcId((uint)(domain << 16 | switchPort << 8 | alpa)))) return alpa;
        throw new InvalidOperationException($"switch port {domain}/{switchPort} has no free NPIV address");
    }

    private void Register(FcId source, ReadOnlySpan<byte> request)
    {
        var header = CtIuHeader.Read(request);
        var response = Scratch();
        var length = DispatchCt(source, header.Server.WellKnownAddress, request, response);
        var answer = CtIu.ParseResponse(response.AsSpan(0, length));
        if (answer.Kind != CtResponseKind.Accept)
            throw new InvalidOperationException($"login registration {header.CommandResponse:x4} from {source} failed: {answer}");
    }

    // ---------------------------------------------------------------- views

    /// <inheritdoc/>
    public IReadOnlyList<RemotePortView> PortsVisibleTo(FcId source) => VisibleTo(source);

    /// <summary>
    /// <see cref="PortsVisibleTo"/> as an array, for the SAN's build: a List&lt;RemotePortView&gt; (a framework generic over
    /// our struct) was JIT-compiled at every start.
    /// </summary>
    internal RemotePortView[] VisibleTo(FcId source)
    {
        var viewer = _ports.FindById(source);
        var snapshot = _ports.Registered;
        var found = new RemotePortView[snapshot.Length];
        var count = 0;
        foreach (var port in snapshot)
        {
            if (port.Id == source) continue;
            if (viewer is not null && !Zoning.CanSee(viewer, port)) continue;
            found[count++] = new RemotePortView(port.Id, port.PortName, port.NodeName, port.Roles);
        }
        if (count == found.Length) return found;
        var result = new RemotePortView[count];
        for (var i = 0; i < count; i++) result[i] = found[i];
        return result;
    }

    // ---------------------------------------------------------------- exchange

    /// <inheritdoc/>
    public ExchangeResult Exchange(FcId source, FcId destination, FrameType type, ReadOnlySpan<byte> request, Span<byte> response)
    {
        var destinationPort = destination.IsWellKnown ? null : _ports.FindById(destination);
        var destinationName = destinationPort?.PortName ?? default;
        var command = CommandName(type, request);

        if (Faults.Fire(destination, destinationName, command, FaultKinds.LinkErrorsOnly) is { } linkErrors)
            destinationPort?.AddLinkErrors(linkErrors.Amount);

        var fault = Faults.Fire(destination, destinationName, command, FaultKinds.Exchange);
        var latency = type == FrameType.Ct ? _latency.CtLatency(destination == FcId.DirectoryServer, CtLatency) : ElsLatency;
        var scratch = Scratch();
        int length;
        if (fault is not null)
            switch (FaultKinds.Canonical(fault.Kind))
            {
                case FaultKinds.Timeout:
                case FaultKinds.Drop:
                    return ExchangeResult.NoResponse(default, fault);
                case FaultKinds.Busy:
                    if (type == FrameType.Ct && string.Equals(fault.Scope, FaultScopes.Ct, StringComparison.OrdinalIgnoreCase))
                    {
                        length = CtIu.BuildReject(scratch, ServerOf(request, destination), CtRejectReasons.LogicalBusy, (byte)fault.Explanation);
                        return Deliver(scratch, length, response, latency, fault);
                    }
                    var portBusy = string.Equals(fault.Scope, FaultScopes.Port, StringComparison.OrdinalIgnoreCase);
                    return new ExchangeResult(portBusy ? ExchangeOutcome.PortBusy : ExchangeOutcome.FabricBusy, 0, 0,
                        (byte)fault.Reason, (byte)fault.Explanation, latency, fault);
                case FaultKinds.Reject:
                    return InjectReject(fault, type, request, destination, scratch, response, latency);
            }

        length = Answer(source, destination, type, destinationPort, request, scratch);
        if (length < 0) return ExchangeResult.NoResponse(default, fault);
        if (fault is not null && FaultKinds.Is(fault.Kind, FaultKinds.Truncate))
            length = Math.Clamp(fault.Amount, 0, length);
        return Deliver(scratch, length, response, latency, fault);
    }

    /// <summary>
    /// The destination's answer. A responder that fails (a request it cannot represent, a simulator bug) answers
    /// the way a port or server would — LS_RJT or a CT reject "unable to perform" — never with an exception the
    /// caller would see as EIO.
    /// </summary>
    private int Answer(FcId source, FcId destination, FrameType type, SimNPort? destinationPort, ReadOnlySpan<byte> request, byte[] scratch)
    {
        try
        {
            return type == FrameType.Ct
                ? DispatchCt(source, destination, request, scratch)
                : DispatchEls(source, destination, destinationPort, request, scratch);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return type == FrameType.Ct
                ? CtIu.BuildReject(scratch, ServerOf(request, destination), CtRejectReasons.UnableToPerform, CtReasonExplanations.NoAdditionalExplanation)
                : ElsResponder.Reject(scratch, LsRjtReasons.UnableToPerform, LsRjtExplanations.None);
        }
    }

    private static ExchangeResult Deliver(byte[] scratch, int length, Span<byte> response, TimeSpan latency, FaultSpec? fault)
    {
        var copied = Math.Min(length, response.Length);
        scratch.AsSpan(0, copied).CopyTo(response);
        return new ExchangeResult(ExchangeOutcome.Response, copied, length, Latency: latency, Fault: fault);
    }

    private ExchangeResult InjectReject(FaultSpec fault, FrameType type, ReadOnlySpan<byte> request, FcId destination,
        byte[] scratch, Span<byte> response, TimeSpan latency)
    {
        var scope = fault.Scope?.ToLowerInvariant() ?? (type == FrameType.Ct ? FaultScopes.Ct : FaultScopes.Els);
        switch (scope)
        {
            case FaultScopes.Fabric:
                return new ExchangeResult(ExchangeOutcome.FabricReject, 0, 0, (byte)fault.Reason, (byte)fault.Explanation, latency, fault);
            case FaultScopes.Port:
                return new ExchangeResult(ExchangeOutcome.PortReject, 0, 0, (byte)fault.Reason, (byte)fault.Explanation, latency, fault);
        }
        int length;
        if (type == FrameType.Ct)
        {
            var reason = fault.Reason == 0 ? CtRejectReasons.UnableToPerform : (byte)fault.Reason;
            length = CtIu.BuildReject(scratch, ServerOf(request, destination), reason, (byte)fault.Explanation);
        }
        else
        {
            var reason = fault.Reason == 0 ? LsRjtReasons.UnableToPerform : (byte)fault.Reason;
            length = ElsResponder.Reject(scratch, reason, (byte)fault.Explanation);
        }
        return Deliver(scratch, length, response, latency, fault);
    }

    /// <summary>The server a CT_IU is addressed to (from its header, or from the address when it has none).</summary>
    private static CtServer ServerOf(ReadOnlySpan<byte> request, FcId destination) =>
        request.Length >= CtIuHeader.Size && CtIuHeader.TryReadCommand(request, out var server, out _) ? server
        : destination == FcId.DirectoryServer ? CtServer.NameServer : CtServer.FabricConfiguration;

    /// <summary>The command's name from the shared tables ("RLS", "GPN_FT"), for fault matching.</summary>
    public string? CommandName(FrameType type, ReadOnlySpan<byte> request)
    {
        if (type == FrameType.Els) return request.IsEmpty ? null : ElsCommands.Table.Find(request[0]);
        if (request.Length < CtIuHeader.Size || !CtIuHeader.TryReadCommand(request, out var server, out var code)) return null;
        return _services.TryGetValue(Key(server.GsType, server.GsSubtype), out var service) ? service.Commands.Find(code) : null;
    }

    /// <summary>Routes a CT_IU to its service. Returns the response length, or −1 for no response.</summary>
    private int DispatchCt(FcId source, FcId destination, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (destination != FcId.DirectoryServer && destination != FcId.ManagementServer)
        {
            // Other well-known servers exist in FC-GS but not in this fabric; N_Ports do not serve CT.
            if (destination.IsWellKnown && destination.Value >= FcId.KeyDistributionServer.Value && destination != FcId.FabricController)
                return CtIu.BuildReject(response, ServerOf(request, destination), CtRejectReasons.ServerNotAvailable, CtReasonExplanations.NoAdditionalExplanation);
            return -1;
        }
        if (request.Length < CtIuHeader.Size)
            return CtIu.BuildReject(response, ServerOf(request, destination), CtRejectReasons.InvalidIuSize, CtReasonExplanations.NoAdditionalExplanation);
        var header = CtIuHeader.Read(request);
        if (header.Revision is 0 or > 3)
            return CtIu.BuildReject(response, header.Server, CtRejectReasons.InvalidVersionLevel, CtReasonExplanations.NoAdditionalExplanation);
        if (header.Server.WellKnownAddress != destination || !_services.TryGetValue(Key(header.GsType, header.GsSubtype), out var service))
            return CtIu.BuildReject(response, header.Server, CtRejectReasons.CommandNotSupported, CtReasonExplanations.NoAdditionalExplanation);
        if (header.CommandResponse >= 0x8000)
            return CtIu.BuildReject(response, header.Server, CtRejectReasons.InvalidCommandCode, CtReasonExplanations.NoAdditionalExplanation);

        var ct = new CtRequest(request, header, source, _ports.FindById(source));
        int length;
        try
        {
            length = service.Handle(ct, response);
        }
        catch (FcWireFormatException)
        {
            return CtIu.BuildReject(response, header.Server, CtRejectReasons.InvalidIuSize, CtReasonExplanations.NoAdditionalExplanation);
        }
        return CtAnswers.FitToMaxSize(response, length, ct.MaxResponseBytes);
    }

    /// <summary>Routes an ELS to the N_Port or fabric port that answers it. −1 for no response.</summary>
    private int DispatchEls(FcId source, FcId destination, SimNPort? port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (_vn2vn)
        {
            // No F_Port answers well-known addresses; host ports answer the libfc way.
            if (destination.IsWellKnown || port is null || !port.Online) return -1;
            return port.IsHost ? LibfcElsResponder.Respond(port, _ports.FindById(source), request, response, LibfcElsResponder.DefaultRaTovMs)
                : _els.Respond(port, request, response);
        }
        if (destination.IsWellKnown || (destination.Value & 0xFFFF00) == 0xFFFC00)
        {
            var fabricPort = SwitchPortIdentity(source, destination);
            if (fabricPort is null) return -1;
            if (!request.IsEmpty && request[0] == ElsCommands.Adisc)
                return ElsResponder.Reject(response, LsRjtReasons.CommandNotSupported, LsRjtExplanations.None);
            return _els.Respond(fabricPort, request, response);
        }
        if (port is null || !port.Online) return -1;
        // Hard zoning: the switch drops frames between ports without a common zone.
        var sender = _ports.FindById(source);
        if (sender is not null && !Zoning.CanSee(sender, port)) return -1;
        return port.IsLibfcHost ? LibfcElsResponder.Respond(port, sender, request, response, RaTovMs) : _els.Respond(port, request, response);
    }

    /// <summary>The F_Port the source is attached to, answering ELS sent to the fabric (0xFFFFFE, 0xFFFCdd …).</summary>
    private SimNPort? SwitchPortIdentity(FcId source, FcId destination)
    {
        var sender = _ports.FindById(source);
        SimSwitchPort? sp = sender is not null
            ? Topology.FindPort(sender.Domain, sender.SwitchPort)
            : Topology.Principal is { Ports.Count: > 0 } principal ? principal.Ports[0] : null;
        if (sp is null) return null;
        var key = sp.Owner.Domain << 16 | sp.Index;
        lock (_switchPortIdentities)
        {
            if (_switchPortIdentities.TryGetValue(key, out var identity)) return identity;
            var attached = sender ?? (sp.Attached.Count > 0 ? sp.Attached[0] : null);
            identity = new SimNPort(destination, sp.Name, sp.Owner.Name, sp.Owner.Domain, sp.Index, sp.Name)
            {
                IsSwitchPort = true,
                Registered = false,
                PortType = PortTypes.FPort,
                Speed = attached?.Speed ?? "16 Gbit",
                SupportedSpeeds = "4 Gbit, 8 Gbit, 16 Gbit, 32 Gbit",
            };
            _switchPortIdentities[key] = identity;
            return identity;
        }
    }

    private static byte[] Scratch() => t_scratch ??= new byte[ScratchSize];
}
