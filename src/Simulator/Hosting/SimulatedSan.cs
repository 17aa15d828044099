using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Lld;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// A whole simulated machine on a simulated SAN: the fabric, the fake kernel, one fc_host per scenario host
/// (with its driver personality and remote ports), and a generated /sys and /dev tree in a directory so the
/// real node catalog and the real Bsg layer find and use it exactly as they would real hardware.
/// </summary>
public sealed class SimulatedSan : IDisposable
{
    /// <summary>Character device majors of the simulated bsg nodes (fc_host, SCSI devices, iscsi_host).</summary>
    public const string FcBsgMajor = "248", ScsiBsgMajor = "249", IscsiBsgMajor = "247";

    // Filled while the SAN is built, only read afterwards (from any thread).
    private readonly Dictionary<string, SimNode> _nodes = new(StringComparer.Ordinal);
    private readonly List<SimFcHost> _hosts = [];
    private readonly List<SimIscsiHost> _iscsiHosts = [];
    private readonly bool _ownsRoot;
    private int _nextMinor;

    /// <summary>A simulated SAN with its tree as files: in <paramref name="rootDirectory"/>, or a new directory removed on dispose.</summary>
    public SimulatedSan(Scenario scenario, ISimFabric fabric, string? rootDirectory = null)
        : this(scenario, fabric, rootDirectory, ScenarioLimits.MaxTreeFiles, SysfsStorage.Files)
    {
    }

    /// <summary>A simulated SAN with its tree where <paramref name="storage"/> says (memory: no files at all).</summary>
    public SimulatedSan(Scenario scenario, ISimFabric fabric, SysfsStorage storage)
        : this(scenario, fabric, null, ScenarioLimits.MaxTreeFiles, storage)
    {
    }

    /// <summary>The SAN every public constructor makes.</summary>
    /// <param name="scenario">The scenario to build.</param>
    /// <param name="fabric">The fabric the hosts log into.</param>
    /// <param name="rootDirectory">The tree's directory; null for a new one removed on dispose.</param>
    /// <param name="maxTreeFiles">The tree's file limit (tests use a small one).</param>
    /// <param name="storage">Files on disk or a tree in memory.</param>
    internal SimulatedSan(Scenario scenario, ISimFabric fabric, string? rootDirectory, long maxTreeFiles, SysfsStorage storage = SysfsStorage.Files)
    {
        Scenario = scenario;
        Fabric = fabric;
        Kernel = new SimKernel(fabric.Clock);
        Storage = rootDirectory is null ? storage : SysfsStorage.Files;
        if (Storage == SysfsStorage.Memory)
        {
            // The paths a real machine has: problem lines and reported nodes read as they would there.
            Root = "/";
            SysRoot = "/sys";
            DevRoot = "/dev";
            var memory = new MemorySysfsTree(SysRoot, DevRoot);
            _memory = memory;
            _tree = memory;
        }
        else
        {
            _ownsRoot = rootDirectory is null;
            Root = rootDirectory ?? CreateRoot();
            SysRoot = Path.Combine(Root, "sys");
            DevRoot = Path.Combine(Root, "dev");
            _tree = new FileSysfsTree(SysRoot, DevRoot);
        }
        try
        {
            _budget = new TreeBudget(scenario.Name, Storage == SysfsStorage.Files ? Root : null, maxTreeFiles);
            Build(scenario);
        }
        catch
        {
            Dispose(); // a scenario that fails half-way leaves no tree behind
            throw;
        }
        Transport = new InProcessBsgTransport(this);
    }

    private readonly ISysfsTree _tree;
    private readonly MemorySysfsTree? _memory;

    private readonly TreeBudget _budget;

    /// <summary>Memory tree entries one rport can add (see <see cref="AddHost"/>).</summary>
    private const int EntriesPerRemotePort = 5;

    private void Build(Scenario scenario)
    {
        if (Storage == SysfsStorage.Files)
        {
            Directory.CreateDirectory(Path.Combine(SysRoot, "class"));
            Directory.CreateDirectory(Path.Combine(DevRoot, "bsg"));
        }
        foreach (var spec in HostsInOrder(scenario.Hosts))
        {
            AddHost(spec, spec.Host, spec.Wwpn, spec.Wwnn);
            foreach (var v in spec.Npiv) AddHost(spec, v.Host, v.Wwpn, v.Wwnn);
        }
        DiscoverPeers();
        foreach (var iscsi in scenario.IscsiHosts)
        {
            SysfsTreeWriter.WriteIscsiHost(_tree, iscsi);
            AddIscsiHost(iscsi);
        }
        if (scenario.ScsiDebug is { } sd)
        {
            var lun = new SimScsiDeviceNode($"{sd.Host}:0:0:0", sd.Vendor, sd.Product, sd.Revision) { ScsiDebugInquiry = true };
            Register(lun, ScsiBsgMajor);
            SysfsTreeWriter.WriteBsgNode(_tree, lun);
        }
    }

    /// <summary>
    /// The hosts by host number, equal numbers in scenario order (what OrderBy gives): a stable insertion sort by hand for
    /// the usual few hosts, since OrderBy's sorter cost a --simulate start milliseconds; OrderBy itself for many.
    /// </summary>
    private static IEnumerable<HostSpec> HostsInOrder(List<HostSpec> hosts)
    {
        if (hosts.Count > FewHosts) return hosts.OrderBy(h => h.Host);
        var sorted = hosts.ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            var h = sorted[i];
            var j = i - 1;
            for (; j >= 0 && sorted[j].Host > h.Host; j--) sorted[j + 1] = sorted[j];
            sorted[j + 1] = h;
        }
        return sorted;
    }

    private const int FewHosts = 64;

    /// <summary>The simulated SAN of a scenario on its own fabric and clock, its tree as files.</summary>
    public static SimulatedSan Create(Scenario scenario, string? rootDirectory = null) =>
        new(scenario, new SimFabric(scenario, new SimClock { RealDelays = scenario.RealDelays || scenario.Latency is { IsOn: true } }), rootDirectory);

    /// <summary>The simulated SAN of a scenario on its own fabric and clock, its tree where <paramref name="storage"/> says.</summary>
    public static SimulatedSan Create(Scenario scenario, SysfsStorage storage) =>
        new(scenario, new SimFabric(scenario, new SimClock { RealDelays = scenario.RealDelays }), storage);

    /// <summary>A built-in scenario by name, or a scenario file.</summary>
    public static SimulatedSan Create(string nameOrPath, SysfsStorage storage = SysfsStorage.Files) => Create(ScenarioLoader.Resolve(nameOrPath), storage);

    /// <summary>
    /// The generated tree is hundreds of thousands of tiny files on a big fabric: on tmpfs (/dev/shm) it is built
    /// an order of magnitude faster than on disk, so use it when it is there and writable. Its name carries the owner's
    /// process ID, so trees a killed owner (SIGKILL) could not remove are reaped here, by the next owner.
    /// </summary>
    private static string CreateRoot()
    {
        const string shm = "/dev/shm";
        if (Directory.Exists(shm))
        {
            try
            {
                StaleTrees.Reap(shm);
                return Directory.CreateDirectory(Path.Combine(shm, StaleTrees.NewName())).FullName;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        StaleTrees.Reap(Path.GetTempPath());
        return Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), StaleTrees.NewName())).FullName;
    }

    /// <summary>Where the tree is: files (<see cref="Root"/> a real directory) or memory.</summary>
    public SysfsStorage Storage { get; }

    /// <summary>Files and directories the tree holds (memory), or -1 for a file tree (count it on disk).</summary>
    public long TreeEntryCount => _memory?.EntryCount ?? -1;

    /// <summary>The scenario this SAN was built from.</summary>
    public Scenario Scenario { get; }
    /// <summary>The simulated fabric: switches, name server, zoning, remote ports.</summary>
    public ISimFabric Fabric { get; }
    /// <summary>The fake kernel that answers SG_IO on the simulated bsg nodes.</summary>
    public SimKernel Kernel { get; }
    /// <summary>The transport to give the Bsg layer (<c>FcClientOptions.Transport</c>) so its requests reach this SAN.</summary>
    public IBsgTransport Transport { get; }

    /// <summary>The directory holding the generated sys/ and dev/ trees ("/" for a tree in memory, which has no files).</summary>
    public string Root { get; }
    /// <summary>The simulated /sys (under <see cref="Root"/>).</summary>
    public string SysRoot { get; }
    /// <summary>The simulated /dev (under <see cref="Root"/>).</summary>
    public string DevRoot { get; }

    /// <summary>The FC hosts (fc_hostN), NPIV vports included.</summary>
    public IReadOnlyList<SimFcHost> FcHosts => _hosts;

    /// <summary>The iSCSI offload hosts (qla4xxx, be2iscsi); software iSCSI hosts exist only in sysfs.</summary>
    public IReadOnlyList<SimIscsiHost> IscsiHosts => _iscsiHosts;

    /// <summary>The iSCSI offload host with that host number, or null.</summary>
    public SimIscsiHost? FindIscsiHost(int hostNumber) => _iscsiHosts.FirstOrDefault(h => h.HostNumber == hostNumber);
    /// <summary>Every simulated bsg node.</summary>
    public IEnumerable<SimNode> Nodes => _nodes.Values;

    /// <summary>
    /// The node catalog over the generated tree: what `bsgkit list` sees. Nodes are reported as /dev/bsg/NAME,
    /// exactly as on a real machine; the in-process transport answers to those paths.
    /// </summary>
    public BsgNodeCatalog Catalog => new(SysRoot, DevRoot, "/dev", _memory);

    /// <summary>The FC host with that host number, or null.</summary>
    public SimFcHost? FindHost(int hostNumber) => _hosts.FirstOrDefault(h => h.HostNumber == hostNumber);

    /// <summary>The bsg node with that name (fc_host1, rport-1:0-2), or null.</summary>
    public SimNode? FindNode(string name) => _nodes.GetValueOrDefault(name);

    /// <summary>The node a /dev/bsg path (under <see cref="DevRoot"/>, or plain /dev/bsg) names.</summary>
    public SimNode? FindNodeByPath(string devicePath)
    {
        var dir = Path.GetDirectoryName(devicePath);
        if (dir is null || !(dir == Path.Combine(DevRoot, "bsg") || dir == "/dev/bsg")) return null;
        return FindNode(Path.GetFileName(devicePath));
    }

    /// <summary>Opens a node through the real Bsg layer on the in-process transport.</summary>
    public BsgDevice OpenDevice(string nodeName) => BsgDevice.Open(Path.Combine("/dev/bsg", nodeName), Transport);

    private void AddHost(HostSpec spec, int hostNumber, string wwpn, string wwnn)
    {
        var lld = FcLldFactory.Create(spec.Driver, Fabric);
        var host = new SimFcHost(hostNumber, lld)
        {
            PortName = Wwn.Parse(wwpn),
            NodeName = Wwn.Parse(wwnn),
            PortState = spec.PortState,
            Faults = Fabric.Faults,
        };
        var login = Fabric.Login(host.PortName, host.NodeName, spec.Domain, spec.Port,
            spec.SymbolicName ?? SysfsTreeWriter.DefaultSymbolicName(spec), spec, spec.RegisterFdmi && hostNumber == spec.Host);
        host.PortId = login.PortId;
        host.FabricName = login.FabricName;
        if (lld is LpfcLld)
        {
            // lpfc keeps rports for the directory server and (it logs in for FDMI) the management server:
            // CT to them goes as RPT_CT. The 0xFFFFFA one is an assumption of the simulator (docs/simulator.md).
            host.AddRemotePort(FcId.DirectoryServer, SimFabric.ServerPortName(FcId.DirectoryServer, login.FabricName), login.FabricName, ["Directory Server"]);
            host.AddRemotePort(FcId.ManagementServer, SimFabric.ServerPortName(FcId.ManagementServer, login.FabricName), login.FabricName, ["Management Server"]);
        }
        else if (lld is LibfcLld && Fabric.HasFabricServices)
        {
            // libfc registers its dNS session with the transport (an rport with the role "Directory Server", seen on the
            // kernel lane); the management server only when it logs in for FDMI, which fcoe on a plain NIC does not.
            host.AddRemotePort(FcId.DirectoryServer, SimFabric.ServerPortName(FcId.DirectoryServer, login.FabricName), login.FabricName, ["Directory Server"]);
            if (spec.RegisterFdmi && hostNumber == spec.Host)
            {
                host.ManagementServerSession = true;
                host.AddRemotePort(FcId.ManagementServer, SimFabric.ServerPortName(FcId.ManagementServer, login.FabricName), login.FabricName, ["Management Server"]);
            }
        }
        var visible = VisibleTo(host.PortId);
        _budget.Reserve(ScenarioLimits.TreeFilesPerHost + (long)ScenarioLimits.TreeFilesPerRemotePort * (visible.Length + 2), $"host{hostNumber}");
        // Each rport: its fc_remote_ports and bsg directories and /dev node, and a LUN's bsg directory and /dev node.
        _memory?.Reserve(EntriesPerRemotePort * visible.Length, 2 * visible.Length, _memory.RemotePortsDir, _memory.BsgClassDir, _memory.DevBsgDir);
        _nodes.EnsureCapacity(_nodes.Count + 2 * visible.Length);
        foreach (var view in visible)
            if (view.PortId != host.PortId && Discovers(lld, view)) host.AddRemotePort(view.PortId, view.PortName, view.NodeName, view.Roles);

        if (lld.HasBsgHandler) Register(host.Node, FcBsgMajor); // fnic: no bsg node at all
        _hosts.Add(host);
        SysfsTreeWriter.WriteHost(_tree, host, spec);
        foreach (var rport in host.RemotePorts)
        {
            if (lld.HasBsgHandler) Register(rport.Node, FcBsgMajor);
            SysfsTreeWriter.WriteRemotePort(_tree, rport);
            if (rport.Roles.Contains("FCP Target"))
            {
                // One LUN per target, like scsi_debug: its own SCSI bsg node H:C:T:L.
                var lun = new SimScsiDeviceNode($"{hostNumber}:0:{rport.Number}:0", "BSGKIT", "SIMDISK", "0001")
                {
                    Serial = rport.PortName.Value.ToString("x16"),
                    ReportsResidual = lld is not LibfcLld,
                };
                Register(lun, ScsiBsgMajor);
                SysfsTreeWriter.WriteBsgNode(_tree, lun); // SCSI nodes exist whatever the FC driver
            }
        }
        host.RemotePortChanged += r => SysfsTreeWriter.UpdateRemotePort(_tree, r);
    }

    /// <summary>iscsi_bsg_host_add: only drivers with a bsg handler get /dev/bsg/iscsi_hostN.</summary>
    private void AddIscsiHost(IscsiHostSpec spec)
    {
        if (Lld.Iscsi.IscsiLldFactory.Create(spec.Driver) is not { } lld) return;
        var host = new SimIscsiHost(spec.Host, lld,
            ScenarioImage.Load(spec.Flash ?? IscsiHostSpec.DefaultFlash),
            ScenarioImage.Load(spec.Nvram ?? IscsiHostSpec.DefaultNvram),
            ScenarioImage.Load(spec.Acb ?? IscsiHostSpec.DefaultAcb))
        {
            IpState = spec.PortState == "LINK_UP" ? 5u : 0u, // PREFERRED, else UNCONFIGURED
        };
        foreach (var test in spec.FailingDiagTests) host.FailingDiagTests.Add(test);
        Register(host.Node, IscsiBsgMajor);
        SysfsTreeWriter.WriteBsgNode(_tree, host.Node);
        _iscsiHosts.Add(host);
    }

    /// <summary>
    /// Hosts see hosts that logged in after them: in VN2VN through FIP discovery, on a fabric through the RSCN the
    /// later login causes (and its own discovery). Each host gets an rport (and its bsg node) for every peer it may see.
    /// </summary>
    private void DiscoverPeers()
    {
        foreach (var host in _hosts)
        {
            // One set per host, not a search per port: big fabrics have 10,000+ rports per host. A few rports (a small
            // scenario's hosts at start) are searched instead: HashSet<uint> would be JIT-compiled for them.
            var rports = host.RemotePorts;
            var known = rports.Count <= FewRemotePorts ? null : rports.Select(r => r.PortId.Value).ToHashSet();
            foreach (var view in VisibleTo(host.PortId))
            {
                if (view.PortId == host.PortId || IsKnown(rports, known, view.PortId.Value) || !Discovers(host.Lld, view)) continue;
                _budget.Reserve(ScenarioLimits.TreeFilesPerRemotePort, $"host{host.HostNumber}");
                var rport = host.AddRemotePort(view.PortId, view.PortName, view.NodeName, view.Roles);
                if (host.Lld.HasBsgHandler) Register(rport.Node, FcBsgMajor);
                SysfsTreeWriter.WriteRemotePort(_tree, rport);
            }
            if (Fabric is SimFabric fabric) AddGonePeers(host, fabric, rports, known);
        }
    }

    /// <summary>The ports a host sees, as an array: walked without the framework's list and enumerator over RemotePortView (JIT-compiled).</summary>
    private RemotePortView[] VisibleTo(FcId id) => Fabric is SimFabric fabric ? fabric.VisibleTo(id) : [.. Fabric.PortsVisibleTo(id)];

    /// <summary>Up to this many rports a host's known ports are searched, not hashed.</summary>
    private const int FewRemotePorts = 64;

    private static bool IsKnown(IReadOnlyList<SimRport> rports, HashSet<uint>? known, uint portId)
    {
        if (known is not null) return known.Contains(portId);
        for (var i = 0; i < rports.Count; i++)
            if (rports[i].PortId.Value == portId) return true;
        return false;
    }

    /// <summary>
    /// A zoned peer that is offline in the scenario was seen before and went away: scsi_transport_fc
    /// keeps its rport (the target binding) blocked for dev_loss_tmo, then "Not Present" (docs/reference/fcoe-fip.md,
    /// "Discovery and remote ports"), so it stays in sysfs.
    /// </summary>
    private void AddGonePeers(SimFcHost host, SimFabric fabric, IReadOnlyList<SimRport> rports, HashSet<uint>? known)
    {
        var viewer = fabric.FindPort(host.PortId);
        foreach (var port in fabric.OfflinePorts)
        {
            if (IsKnown(rports, known, port.Id.Value) || (viewer is not null && !fabric.Zoning.CanSee(viewer, port))) continue;
            _budget.Reserve(ScenarioLimits.TreeFilesPerRemotePort, $"host{host.HostNumber}");
            var rport = host.AddRemotePort(port.Id, port.PortName, port.NodeName, port.Roles);
            rport.State = RportState.NotPresent;
            if (host.Lld.HasBsgHandler) Register(rport.Node, FcBsgMajor);
            SysfsTreeWriter.WriteRemotePort(_tree, rport);
        }
    }

    /// <summary>libfc discovers with GPN_FT for FCP only (fc_disc_gpn_ft_req), so ports without FCP get no rport.</summary>
    private bool Discovers(IFcLld lld, RemotePortView view) =>
        lld is not LibfcLld || Fabric is not SimFabric fabric || fabric.FindPort(view.PortId)?.Fc4Types.Contains(Fc.Codes.Fc4Types.Fcp) != false;

    private void Register(SimNode node, string major)
    {
        node.DeviceNumber = $"{major}:{Interlocked.Increment(ref _nextMinor) - 1}";
        _nodes[node.Name] = node;
    }

    /// <summary>Stops the simulation and removes a file tree (a tree in memory has nothing to remove).</summary>
    public void Dispose()
    {
        if (!_ownsRoot || !Directory.Exists(Root)) return;
        try { Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
