using System.CommandLine;
using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Catalog;
using BsgKit.Fc.Profiles;
using BsgKit.Simulator.Hosting;
using BsgKit.Tool.Output;
using Microsoft.Extensions.Logging;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// One invocation: where output goes and in what form, the logger, the catalog and the transport (real or
/// simulated), and the host / remote port selection every command shares.
/// </summary>
internal sealed class CliContext : IDisposable
{
    private readonly ParseResult _parse;
    private readonly GlobalOptions _g;
    private BsgNodeCatalog? _sysfs;
    private BsgCatalogSnapshot? _nodes;
    private FcCatalogSnapshot? _fc;
    private IscsiCatalogSnapshot? _iscsi;
    private readonly List<IDisposable> _owned = [];

    public CliContext(ParseResult parse, GlobalOptions g, TextWriter stdout, TextWriter stderr, TextReader? stdin = null, CliInterrupt? interrupt = null)
    {
        _parse = parse;
        _g = g;
        Out = stdout;
        Err = stderr;
        _stdin = stdin;
        Interrupt = interrupt ?? new CliInterrupt();
        Format = parse.GetValue(g.Output) switch
        {
            "json" => OutputFormat.Json,
            "dot" => OutputFormat.Dot,
            _ => OutputFormat.Table,
        };
        Quiet = parse.GetValue(g.Quiet);
        Verbosity = parse.GetValue(g.Debug) ? 2 : parse.GetValue(g.Verbose) ? 1 : 0;

        // Validate before anything is created, so a bad value leaves nothing behind.
        var timeout = parse.GetValue(g.Timeout);
        if (timeout is double t)
        {
            if (!double.IsFinite(t) || t <= 0) throw CliException.Usage($"--timeout {Fmt.Num(t)}: must be a positive number of seconds");
            if (t > uint.MaxValue / 1000.0) throw CliException.Usage($"--timeout {Fmt.Num(t)}: at most {uint.MaxValue / 1000} seconds");
            TimeoutMs = (uint)Math.Max(1, Math.Round(t * 1000));
        }
        Driver = parse.GetValue(g.Driver);
        if (Driver is not null) _ = FcDriverProfiles.ByName(Driver); // ArgumentException → exit 2 naming the profile

        var simResult = parse.GetResult(g.Simulate);
        var sim = simResult is not null ? parse.GetValue(g.Simulate) ?? "lab" : Environment.GetEnvironmentVariable("BSGKIT_SIMULATE");
        if (!string.IsNullOrWhiteSpace(sim))
        {
            ScenarioName = sim is "1" or "true" or "yes" ? "lab" : sim;
        }

        var level = Quiet ? LogLevel.Error : Verbosity switch { 2 => LogLevel.Trace, 1 => LogLevel.Debug, _ => LogLevel.Warning };
        LoggerFactory = new StderrLoggerFactory(new StderrLoggerProvider(stderr, level));
        Logger = LoggerFactory.CreateLogger("bsgkit");
        Colour = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
        ErrIsTerminal = ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected;
        if (TimeoutMs is uint ms && TimeSpan.FromMilliseconds(ms) < BsgConstants.MinimumTimeout)
            Logger.LogWarning("--timeout {Timeout} s is below the kernel's {Floor} s floor; the kernel waits at least that long",
                ms / 1000.0, BsgConstants.MinimumTimeout.TotalSeconds);
    }

    private readonly TextReader? _stdin;

    /// <summary>Where --stdin reads from (the console unless a test hands in a reader).</summary>
    public TextReader In => _stdin ?? Console.In;

    /// <summary>SIGINT / SIGTERM: commands print what they have done and let the OperationCanceledException through.</summary>
    public CliInterrupt Interrupt { get; }
    public bool IsInterrupted => Interrupt.IsRaised;

    public TextWriter Out { get; private set; }
    public TextWriter Err { get; }
    public OutputFormat Format { get; private set; }
    public bool Json => Format == OutputFormat.Json;
    public bool Quiet { get; }
    public int Verbosity { get; }
    public bool Colour { get; }
    public bool ErrIsTerminal { get; }
    public ILoggerFactory LoggerFactory { get; }
    public ILogger Logger { get; }
    public uint? TimeoutMs { get; }
    public string? Driver { get; }
    public string? ScenarioName { get; }
    public SimulatedSan? Sim { get; private set; }
    public bool IsSimulated => ScenarioName is not null;
    public IBsgTransport? Transport { get; private set; }

    /// <summary>stdout is a terminal (the console, not redirected); tests set <see cref="TerminalOverride"/>.</summary>
    public bool OutIsTerminal => TerminalOverride.Value ?? (ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>Lets a test treat its stdout as a terminal (per async flow, so parallel tests do not see it).</summary>
    internal static readonly AsyncLocal<bool?> TerminalOverride = new();

    /// <summary>--watch on a pipe: JSON documents whatever -o said.</summary>
    internal void UseJson() => Format = OutputFormat.Json;

    /// <summary>--watch: stdout goes to <paramref name="sample"/> until the returned scope ends (a sample is drawn whole).</summary>
    internal IDisposable RedirectOut(TextWriter sample)
    {
        var previous = Out;
        Out = sample;
        return new Scope(() => Out = previous);
    }

    /// <summary>--watch: what a sample opens (clients) is released when the sample ends; the catalog is read again next time.</summary>
    internal IDisposable Sample()
    {
        _ = Sysfs; // the simulated SAN lives across samples (its counters go on), so it is created outside the scope
        var mark = _owned.Count;
        _nodes = null;
        _fc = null;
        _iscsi = null;
        return new Scope(() =>
        {
            for (var i = _owned.Count - 1; i >= mark; i--)
            {
                _owned[i].Dispose();
                _owned.RemoveAt(i);
            }
        });
    }

    private sealed class Scope(Action end) : IDisposable
    {
        private Action? _end = end;
        public void Dispose() => Interlocked.Exchange(ref _end, null)?.Invoke();
    }

    public string Bold(string s) => Colour ? $"\e[1m{s}\e[0m" : s;
    public string Red(string s) => Colour ? $"\e[31m{s}\e[0m" : s;

    /// <summary>Rejects -o dot for commands that have no graph to draw.</summary>
    public void NoDot()
    {
        if (Format == OutputFormat.Dot) throw CliException.Usage("-o dot is only for `bsgkit discover`; use table or json");
    }

    /// <summary>Where sysfs and /dev are: the simulated SAN's tree (created on first use), or the real /sys.</summary>
    public BsgNodeCatalog Sysfs
    {
        get
        {
            if (_sysfs is not null) return _sysfs;
            IBsgTransport? transport = null;
            if (ScenarioName is not null)
            {
                Sim = SimulatedSan.Create(ScenarioName, SysfsStorage.Memory); // in memory: nothing written, nothing left behind
                _owned.Add(Sim);
                _sysfs = Sim.Catalog;
                transport = Sim.Transport;
            }
            else
            {
                _sysfs = new BsgNodeCatalog(_parse.GetValue(_g.SysfsRoot)!, _parse.GetValue(_g.DevRoot)!);
            }
            if (Verbosity >= 2) transport = new HexDumpTransport(transport ?? LinuxBsgTransport.Instance, Err);
            Transport = transport;
            return _sysfs;
        }
    }

    /// <summary>The bsg nodes (/sys/class/bsg).</summary>
    public BsgCatalogSnapshot Nodes => _nodes ??= Sysfs.Scan();

    /// <summary>The FC hosts and remote ports.</summary>
    public FcCatalogSnapshot Catalog
    {
        get
        {
            if (_fc is not null) return _fc;
            _fc = FcCatalog.Scan(Sysfs, Nodes);
            foreach (var p in _fc.Problems) Logger.LogInformation("catalog: {Problem}", p);
            return _fc;
        }
    }

    /// <summary>The iSCSI hosts.</summary>
    public IscsiCatalogSnapshot IscsiCatalog => _iscsi ??= BsgKit.Iscsi.Catalog.IscsiCatalog.Scan(Sysfs, Nodes);

    /// <summary>Every problem the scans stepped over, once.</summary>
    public IReadOnlyList<string> CatalogProblems => [.. Catalog.Problems.Concat(IscsiCatalog.Problems).Distinct()];

    public string? HostSpec => _parse.GetValue(_g.Host);

    /// <summary>Whether -H all was given.</summary>
    public bool AllHosts => HostSpec?.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The FC hosts -H selects (all of them for "all"); the first FC host with a bsg node when -H is absent.</summary>
    public IReadOnlyList<FcHostInfo> SelectHosts(string? spec = null)
    {
        spec ??= HostSpec;
        var hosts = Catalog.FcHosts.OrderBy(h => h.HostNumber).ToList();
        if (spec is null)
        {
            if (hosts.Count == 0)
                throw CliException.NotFound(IsSimulated ? $"scenario '{ScenarioName}' has no FC hosts" : "no FC hosts on this machine (nothing in /sys/class/fc_host); try --simulate lab");
            return [hosts.FirstOrDefault(h => h.Node?.DevicePath is not null) ?? hosts[0]];
        }
        if (spec.Trim().Equals("all", StringComparison.OrdinalIgnoreCase))
        {
            if (hosts.Count == 0) throw CliException.NotFound(IsSimulated ? $"scenario '{ScenarioName}' has no FC hosts" : "no FC hosts on this machine");
            return hosts;
        }
        return [FindHost(spec, hosts)];
    }

    /// <summary>fc_hostN, hostN, N or a WWPN; a malformed spec is exit 2, a well-formed one that matches nothing exit 3.</summary>
    private FcHostInfo FindHost(string spec, List<FcHostInfo> hosts)
    {
        var s = spec.Trim();
        int? number = null;
        foreach (var prefix in new[] { "fc_host", "host" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(s[prefix.Length..], System.Globalization.NumberStyles.None, null, out var n)) number = n;
        if (number is null && s.Length <= 4 && int.TryParse(s, System.Globalization.NumberStyles.None, null, out var plain)) number = plain;
        FcHostInfo? found = null;
        if (number is int hn) found = hosts.FirstOrDefault(h => h.HostNumber == hn);
        else if (Wwn.TryParse(s, out var w)) found = hosts.FirstOrDefault(h => h.PortName == w);
        else throw CliException.Usage($"-H '{spec}' is not a host (fc_hostN, hostN, N, a WWPN such as 0x10000090fa8c0a01, or all)");
        if (found is null)
        {
            var iscsi = number is int inum && IscsiCatalog.IscsiHosts.Any(i => i.HostNumber == inum) ? $" (host{number} is an iSCSI host)" : "";
            throw CliException.NotFound($"no FC host matches '{spec}'{iscsi} (FC hosts: {(hosts.Count == 0 ? "none" : string.Join(", ", hosts.Select(h => h.Name)))})");
        }
        return found;
    }

    /// <summary>The one host a single-host command runs on.</summary>
    public FcHostInfo SelectHost()
    {
        var hosts = SelectHosts();
        if (hosts.Count != 1)
            throw CliException.Usage($"{CommandPath} runs on one host; give -H fc_hostN (-H all works with list, info, ns and discover)");
        return hosts[0];
    }

    public string CommandPath => ParseErrors.CommandPath(_parse);

    /// <summary>Opens a host client with the shared options (transport, profile override, timeout, logger).</summary>
    public FcHostClient Open(FcHostInfo host, bool allowStateChanges = false)
    {
        var client = FcHostClient.Open(Catalog, host.HostNumber, new FcClientOptions
        {
            Transport = Transport,
            ProfileName = Driver,
            TimeoutMs = TimeoutMs,
            Logger = LoggerFactory.CreateLogger("bsgkit.fc"),
            AllowStateChanges = allowStateChanges,
        });
        _owned.Add(client);
        return client;
    }

    /// <summary>The host a remote-port argument implies (rport-H:C-N names its host), else -H.</summary>
    public FcHostInfo SelectHostFor(string? portSpec)
    {
        if (portSpec is null) return SelectHost();
        if (HostSpec is null && TryParseRport(portSpec, out var h))
        {
            var host = Catalog.FcHosts.FirstOrDefault(x => x.HostNumber == h);
            if (host is not null) return host;
        }
        return SelectHost();
    }

    private static bool TryParseRport(string s, out int host)
    {
        host = 0;
        if (!s.StartsWith("rport-", StringComparison.Ordinal)) return false;
        var colon = s.IndexOf(':');
        return colon > 6 && int.TryParse(s.AsSpan(6, colon - 6), out host);
    }

    /// <summary>
    /// A remote port by rport-H:C-N, FC ID or WWPN (WWPNs not logged in are looked up with GID_PN). With
    /// <paramref name="mustExist"/>, an FC ID that is neither a remote port of the host nor a fabric address is checked
    /// with GPN_ID first, so "no such port" is exit 3 on every driver (each one fails an ELS to nowhere differently).
    /// </summary>
    public async Task<FcId> ResolvePortAsync(FcHostClient client, string spec, CancellationToken ct, bool mustExist = false)
    {
        var s = spec.Trim();
        if (s.StartsWith("rport-", StringComparison.Ordinal))
        {
            var r = Catalog.RemotePorts.FirstOrDefault(x => x.Name == s)
                    ?? throw CliException.NotFound($"no remote port '{s}' (remote ports of {client.Host.Name}: {RportNames(client.HostNumber)})");
            if (r.HostNumber != client.HostNumber)
                throw CliException.NotFound($"remote port '{s}' belongs to host{r.HostNumber}, not {client.Host.Name}");
            return r.PortId ?? throw CliException.NotFound($"remote port '{s}' has no port_id (state {r.PortState ?? "unknown"})");
        }
        var hexLen = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s.Length - 2 : s.Length;
        if (!s.Contains(':') && hexLen <= 6)
        {
            if (!FcId.TryParse(s, out var fcid))
                throw CliException.Usage($"'{spec}' is not a remote port (rport-H:C-N, an FC ID such as 0x010a00, or a WWPN)");
            if (mustExist) await CheckExistsAsync(client, fcid, ct).ConfigureAwait(false);
            return fcid;
        }
        var wwpn = Wwn.Parse(s);
        var known = Catalog.RemotePorts.FirstOrDefault(x => x.HostNumber == client.HostNumber && x.PortName == wwpn && x.PortId is not null);
        if (known?.PortId is FcId knownId) return knownId;
        try
        {
            return (await client.GidPnAsync(wwpn, ct).ConfigureAwait(false)).Value;
        }
        catch (FcRejectedException e)
        {
            throw CliException.NotFound($"no port with WWPN {wwpn} in the fabric as seen from {client.Host.Name} ({e.Message})");
        }
    }

    private async Task CheckExistsAsync(FcHostClient client, FcId id, CancellationToken ct)
    {
        if (id.Domain == 0xFF || client.Host.PortId == id) return; // fabric addresses (well-known, domain controllers) and the host itself
        if (Catalog.RemotePorts.Any(r => r.HostNumber == client.HostNumber && r.PortId == id)) return;
        try
        {
            await client.GpnIdAsync(id, ct).ConfigureAwait(false);
        }
        catch (FcRejectedException e)
        {
            throw CliException.NotFound($"no port {id} in the fabric as seen from {client.Host.Name} (the name server says: {e.ExplanationName ?? e.ReasonName ?? "rejected"})");
        }
        catch (FcException)
        {
            // The name server is out of reach (a driver that cannot send CT): let the request itself say what happens.
        }
    }

    private string RportNames(int host)
    {
        var names = Catalog.RemotePorts.Where(r => r.HostNumber == host).Select(r => r.Name).ToList();
        return names.Count == 0 ? "none" : string.Join(", ", names);
    }

    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--) _owned[i].Dispose();
        LoggerFactory.Dispose();
    }
}
