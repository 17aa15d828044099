using System.Collections.Concurrent;
using System.Diagnostics;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Ct.ConfigServer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Fc.Discovery;

/// <summary>
/// Walks a fabric into a <see cref="FabricSnapshot"/>, with bounded parallelism. The bulk plan (default) asks as few
/// questions as the level needs (<see cref="BulkDiscovery"/>); the per-attribute plan asks the configuration server
/// GIEL → GDID, GIELN, GIEIL, GPL → GPPN, GPS, GAPNL and the name server for the listing, then GNN_ID, GPT_ID,
/// GFT_ID, GFF_ID, GSPN_ID, GSNN_NN, GFPN_ID per port. A failed query becomes a <see cref="DiscoveryError"/>;
/// everything that worked is kept.
/// </summary>
public static partial class FabricDiscovery
{
    /// <summary>Discovers the fabric behind <paramref name="client"/>'s host. Failed queries end up in <see cref="FabricSnapshot.Errors"/>, not as exceptions.</summary>
    /// <param name="client">The host's client; its driver profile bounds the parallelism.</param>
    /// <param name="options">What to learn and how; null for the defaults (standard level, bulk plan).</param>
    /// <param name="progress">Receives a <see cref="DiscoveryProgress"/> per phase start and per item done; may be null.</param>
    /// <param name="logger">Logs fallbacks and failures; null for none.</param>
    /// <param name="cancellationToken">Stops discovery (the task then throws <see cref="OperationCanceledException"/>).</param>
    /// <returns>The snapshot, complete or not (<see cref="FabricSnapshot.IsComplete"/>).</returns>
    public static async Task<FabricSnapshot> DiscoverAsync(FcClient client, FabricDiscoveryOptions? options = null,
        IProgress<DiscoveryProgress>? progress = null, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new FabricDiscoveryOptions();
        logger ??= NullLogger.Instance;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var parallelism = client.Profile.SerializeRequests ? 1 : Math.Max(1, Math.Min(options.MaxParallelism, client.Profile.MaxParallelRequests));
        using var gate = new SemaphoreSlim(parallelism);
        var errors = new ConcurrentQueue<DiscoveryError>();
        var run = new Run(gate, errors, logger);
        if (options.Plan == DiscoveryPlan.Bulk)
        {
            var bulk = await new BulkDiscovery(client, options, run, progress, logger, cancellationToken).RunAsync().ConfigureAwait(false);
            return new FabricSnapshot(client.DevicePath, client.Profile.ToString(), started, clock.Elapsed, bulk.Switches, bulk.NPorts, bulk.Method,
                bulk.ListingComplete, errors.ToArray())
            {
                RequestCounts = run.Counts(), Level = options.Level, Plan = options.Plan, Notes = bulk.Notes,
            };
        }

        NameServerListingMethod? method = null;
        var listingComplete = false;
        var nports = new List<FabricNPort>();
        if (options.IncludeNPorts)
        {
            progress?.Report(new DiscoveryProgress("name server", 0, 1, null));
            NameServerListingResult? listing = null;
            try
            {
                listing = await NameServerListing.ListAsync(client, options.Listing, logger, cancellationToken).ConfigureAwait(false);
            }
            catch (FcException e)
            {
                run.Fail("name server listing", "fabric", e);
            }
            if (listing is not null)
            {
                method = listing.Method;
                listingComplete = listing.IsComplete;
                run.Add(listing.RequestsByCommand);
                foreach (var e in listing.Errors) run.Fail("name server listing", "fabric", e);
                var done = 0;
                var total = listing.Ports.Count;
                var tasks = new Task<FabricNPort>[total];
                for (var i = 0; i < total; i++)
                {
                    var port = listing.Ports[i];
                    tasks[i] = Task.Run(async () =>
                    {
                        var result = await DescribePortAsync(client, port, run, cancellationToken).ConfigureAwait(false);
                        progress?.Report(new DiscoveryProgress("ports", Interlocked.Increment(ref done), total, port.PortId.ToString()));
                        return result;
                    }, cancellationToken);
                }
                nports.AddRange(await Task.WhenAll(tasks).ConfigureAwait(false));
            }
        }

        var switches = new List<FabricSwitch>();
        if (options.IncludeSwitches)
        {
            progress?.Report(new DiscoveryProgress("switches", 0, 1, null));
            var elements = await run.TryAsync("GIEL", "fabric", () => client.GielAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            if (elements is not null)
            {
                var done = 0;
                var tasks = new Task<FabricSwitch>[elements.Count];
                for (var i = 0; i < elements.Count; i++)
                {
                    var element = elements[i];
                    tasks[i] = Task.Run(async () =>
                    {
                        var result = await DescribeSwitchAsync(client, element, run, cancellationToken).ConfigureAwait(false);
                        progress?.Report(new DiscoveryProgress("switches", Interlocked.Increment(ref done), elements.Count, element.Name.ToString()));
                        return result;
                    }, cancellationToken);
                }
                switches.AddRange(await Task.WhenAll(tasks).ConfigureAwait(false));
            }
        }

        return new FabricSnapshot(client.DevicePath, client.Profile.ToString(), started, clock.Elapsed, switches, nports, method, listingComplete,
            errors.ToArray())
        {
            RequestCounts = run.Counts(), Level = options.Level, Plan = options.Plan,
        };
    }

    internal static async Task<FabricNPort> DescribePortAsync(FcClient client, NameServerPort port, Run run, CancellationToken ct)
    {
        var id = port.PortId;
        var subject = id.ToString();
        var wwpn = port.PortName ?? await run.TryValueAsync("GPN_ID", subject, () => client.GpnIdAsync(id, ct), ct).ConfigureAwait(false);
        var wwnn = await run.TryValueAsync("GNN_ID", subject, () => client.GnnIdAsync(id, ct), ct).ConfigureAwait(false);
        var type = await run.TryValueAsync("GPT_ID", subject, () => client.GptIdAsync(id, ct), ct).ConfigureAwait(false);
        var types = await run.TryAsync("GFT_ID", subject, () => client.GftIdAsync(id, ct), ct).ConfigureAwait(false);
        var features = await run.TryAsync("GFF_ID", subject, () => client.GffIdAsync(id, ct), ct).ConfigureAwait(false);
        var spn = await run.TryAsync("GSPN_ID", subject, () => client.GspnIdAsync(id, ct), ct).ConfigureAwait(false);
        string? snn = null;
        if (wwnn is Wwn nn) snn = await run.TryAsync("GSNN_NN", subject, () => client.GsnnNnAsync(nn, ct), ct).ConfigureAwait(false);
        var fabricPort = await run.TryValueAsync("GFPN_ID", subject, () => client.GfpnIdAsync(id, ct), ct).ConfigureAwait(false);
        return new FabricNPort(id)
        {
            PortName = wwpn, NodeName = wwnn, PortType = type, Fc4Types = types, Fc4Features = features,
            SymbolicPortName = spn, SymbolicNodeName = snn, FabricPortName = fabricPort,
        };
    }

    private static async Task<FabricSwitch> DescribeSwitchAsync(FcClient client, FcsInterconnectElement element, Run run, CancellationToken ct)
    {
        var name = element.Name;
        var subject = name.ToString();
        var domain = await run.TryValueAsync("GDID", subject, () => client.GdidAsync(name, ct), ct).ConfigureAwait(false);
        var logical = await run.TryAsync("GIELN", subject, () => client.GielnAsync(name, ct), ct).ConfigureAwait(false);
        var info = await run.TryAsync("GIEIL", subject, () => client.GieilAsync(name, ct), ct).ConfigureAwait(false);
        var ports = await run.TryAsync("GPL", subject, () => client.GplAsync(name, ct), ct).ConfigureAwait(false);
        var described = new List<FabricSwitchPort>();
        if (ports is not null)
            foreach (var p in ports)
            {
                var pn = p.PortName;
                var ps = pn.ToString();
                var number = await run.TryValueAsync("GPPN", ps, () => client.GppnAsync(pn, ct), ct).ConfigureAwait(false);
                var state = await run.TryValueAsync("GPS", ps, () => client.GpsAsync(pn, ct), ct).ConfigureAwait(false);
                var attached = await run.TryAsync("GAPNL", ps, () => client.GapnlAsync(pn, ct), ct).ConfigureAwait(false);
                described.Add(new FabricSwitchPort(pn, p.PortType, p.ModuleType, p.TxType)
                {
                    PhysicalPortNumber = number, State = state, AttachedPorts = attached ?? [],
                });
            }
        return new FabricSwitch(name, element.Type) { DomainId = domain, LogicalName = logical, Info = info, Ports = described };
    }

    /// <summary>Runs one query under the parallelism gate and counts it; a failure is recorded and becomes null.</summary>
    internal sealed class Run(SemaphoreSlim gate, ConcurrentQueue<DiscoveryError> errors, ILogger logger)
    {
        private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

        /// <summary>Counts one request of <paramref name="operation"/> (a CT command name).</summary>
        public void Count(string operation) => _counts.AddOrUpdate(operation, 1, static (_, n) => n + 1);

        public void Add(IReadOnlyDictionary<string, int> counts)
        {
            foreach (var (op, n) in counts) _counts.AddOrUpdate(op, n, (_, m) => m + n);
        }

        public IReadOnlyDictionary<string, int> Counts() => new SortedDictionary<string, int>(_counts, StringComparer.Ordinal);

        public void Fail(string operation, string subject, string message) =>
            errors.Enqueue(new DiscoveryError(operation, subject, message, null, null));

        /// <summary>One query under the gate, counted; failures are the caller's to judge (bulk commands fall back, not fail).</summary>
        public async Task<T> AskAsync<T>(string operation, Func<ValueTask<FcResponse<T>>> query, CancellationToken ct)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                Count(operation);
                return (await query().ConfigureAwait(false)).Value;
            }
            finally
            {
                gate.Release();
            }
        }

        public void Fail(string operation, string subject, FcException e)
        {
            errors.Enqueue(new DiscoveryError(operation, subject, e.Message, e.Exchange?.Status, e.Hint) { Error = e });
            logger.LogDebug("{Operation} {Subject}: {Message}", operation, subject, e.Message);
        }

        public async Task<T?> TryAsync<T>(string operation, string subject, Func<ValueTask<FcResponse<T>>> query, CancellationToken ct) where T : class
        {
            var (ok, value) = await RunAsync(operation, subject, query, ct).ConfigureAwait(false);
            return ok ? value : null;
        }

        public async Task<T?> TryValueAsync<T>(string operation, string subject, Func<ValueTask<FcResponse<T>>> query, CancellationToken ct) where T : struct
        {
            var (ok, value) = await RunAsync(operation, subject, query, ct).ConfigureAwait(false);
            return ok ? value : null;
        }

        /// <summary>One query under the parallelism gate; a failure becomes a DiscoveryError, never an exception.</summary>
        private async Task<(bool Ok, T Value)> RunAsync<T>(string operation, string subject, Func<ValueTask<FcResponse<T>>> query, CancellationToken ct)
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                Count(operation);
                return (true, (await query().ConfigureAwait(false)).Value);
            }
            catch (FcException e)
            {
                Fail(operation, subject, e);
                return (false, default!);
            }
            finally
            {
                gate.Release();
            }
        }
    }
}
