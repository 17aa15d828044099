using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Catalog;
using BsgKit.Simulator.Hosting;
using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// The machine one invocation talks to: the simulated SAN or the real /sys and /dev, the transport, the catalogs read
/// from it, and the clients opened on it (disposed with the session). Nothing is created until a method asks for it.
/// </summary>
internal sealed class CliSession(CliOptions options, TextWriter stderr, ILoggerFactory loggers) : IDisposable
{
    private readonly List<IDisposable> _owned = [];
    private readonly ILogger _logger = loggers.CreateLogger("bsgkit");
    private BsgNodeCatalog? _sysfs;
    private IBsgTransport? _transport;
    private BsgCatalogSnapshot? _nodes;
    private FcCatalogSnapshot? _fc;
    private IscsiCatalogSnapshot? _iscsi;

    /// <summary>The simulated SAN once <see cref="Connect"/> created it; null on the real machine.</summary>
    public SimulatedSan? Sim { get; private set; }

    /// <summary>
    /// Creates the simulated SAN (in memory: nothing written, nothing left behind) or points at the real sysfs, and the
    /// transport requests go through (hex-dumping with -vv); the first call does it, later ones return the same tree.
    /// </summary>
    public BsgNodeCatalog Connect()
    {
        if (_sysfs is not null) return _sysfs;
        IBsgTransport? transport = null;
        if (options.ScenarioName is { } scenario)
        {
            Sim = SimulatedSan.Create(scenario, SysfsStorage.Memory);
            _owned.Add(Sim);
            _sysfs = Sim.Catalog;
            transport = Sim.Transport;
        }
        else
        {
            _sysfs = new BsgNodeCatalog(options.SysfsRoot, options.DevRoot);
        }
        if (options.Verbosity >= 2) transport = new HexDumpTransport(transport ?? LinuxBsgTransport.Instance, stderr);
        _transport = transport;
        return _sysfs;
    }

    /// <summary>The transport clients use (null: the kernel's, unhexdumped); connects first.</summary>
    public IBsgTransport? Transport()
    {
        Connect();
        return _transport;
    }

    /// <summary>The bsg nodes (/sys/class/bsg), read once per session (or per --watch sample); connects first.</summary>
    public BsgCatalogSnapshot Nodes() => _nodes ??= Connect().Scan();

    /// <summary>The FC hosts and remote ports, read once per session (or sample); connects first.</summary>
    public FcCatalogSnapshot FcCatalog()
    {
        if (_fc is not null) return _fc;
        _fc = BsgKit.Fc.Catalog.FcCatalog.Scan(Connect(), Nodes());
        foreach (var p in _fc.Problems) _logger.LogInformation("catalog: {Problem}", p);
        return _fc;
    }

    /// <summary>The iSCSI hosts, read once per session (or sample); connects first.</summary>
    public IscsiCatalogSnapshot IscsiCatalog() => _iscsi ??= BsgKit.Iscsi.Catalog.IscsiCatalog.Scan(Connect(), Nodes());

    /// <summary>Every problem the scans stepped over, once.</summary>
    public IReadOnlyList<string> CatalogProblems() => [.. FcCatalog().Problems.Concat(IscsiCatalog().Problems).Distinct()];

    /// <summary>Opens a host client with the shared options (transport, profile override, timeout, logger); disposed with the session.</summary>
    public FcHostClient OpenHost(FcHostInfo host, bool allowStateChanges = false)
    {
        var client = FcHostClient.Open(FcCatalog(), host.HostNumber, new FcClientOptions
        {
            Transport = Transport(),
            ProfileName = options.Driver,
            TimeoutMs = options.TimeoutMs,
            Logger = loggers.CreateLogger("bsgkit.fc"),
            AllowStateChanges = allowStateChanges,
        });
        _owned.Add(client);
        return client;
    }

    /// <summary>--watch: what a sample opens (clients) is released when the sample ends; the catalogs are read again next time.</summary>
    public IDisposable Sample()
    {
        Connect(); // the simulated SAN lives across samples (its counters go on), so it is created outside the scope
        var mark = _owned.Count;
        (_nodes, _fc, _iscsi) = (null, null, null);
        return new Scope(() =>
        {
            for (var i = _owned.Count - 1; i >= mark; i--)
            {
                _owned[i].Dispose();
                _owned.RemoveAt(i);
            }
        });
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        _owned.Clear();
    }
}
