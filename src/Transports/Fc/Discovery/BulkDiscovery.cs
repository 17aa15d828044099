using System.Collections.Concurrent;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.NameServer;
using Microsoft.Extensions.Logging;

namespace BsgKit.Fc.Discovery;

public static partial class FabricDiscovery
{
    /// <summary>What the bulk plan found, for the snapshot.</summary>
    internal sealed record BulkResult(IReadOnlyList<FabricSwitch> Switches, IReadOnlyList<FabricNPort> NPorts, NameServerListingMethod? Method,
        bool ListingComplete, IReadOnlyList<string> Notes);

    /// <summary>
    /// The bulk plan. Standard and Detail: GIEL, then GDID, GIELN, GIEIL, GPL per switch; the N_Ports by GPN_FT and
    /// one GA_NXT per listed port (it gives type, IDs, both names, both symbolic names, FC-4 types and fabric port name),
    /// in parallel (a GA_NXT walk, one walker per domain, when the listing is rejected); FC-4 features by GID_FF per
    /// type and feature bit; GAPNL on E_Ports only (an F_Port's attached ports are the listed N_Ports whose fabric port
    /// name it is); Detail adds
    /// GPPN, GPS and GAPNL on every switch port. Brief: GIEL and GDID, then GPN_FT, GNN_FT, GID_PT, GID_FT and GID_FF
    /// listings. A bulk command the fabric rejects (or that fails) falls back to the per-port command for what it
    /// would have answered, with a note; listings too big for one answer are paged per domain, then per area
    /// (docs/reference/discovery.md).
    /// </summary>
    internal sealed class BulkDiscovery(FcClient client, FabricDiscoveryOptions options, Run run, IProgress<DiscoveryProgress>? progress,
        ILogger logger, CancellationToken ct)
    {
        /// <summary>The four FC-4 feature bits of a type (FC-GS: one nibble per type; FCP: 1 target, 2 initiator).</summary>
        private static readonly byte[] FeatureBits = [0x1, 0x2, 0x4, 0x8];

        /// <summary>Nx_Port types GID_PT is asked for in brief mode.</summary>
        private static readonly byte[] NxPortTypes = [PortTypes.NPort, PortTypes.NlPort, PortTypes.FnlPort];

        private readonly List<string> _notes = [];
        private readonly Lock _notesLock = new();
        /// <summary>Bulk lists ask for the CT maximum; the client clips it to what the driver passes (FcDriverProfile.ListResponseBytes).</summary>
        private const int ListBytes = CtIuHeader.MaxResponseBytes;

        private void Note(string note)
        {
            lock (_notesLock) _notes.Add(note);
            logger.LogInformation("{Note}", note);
        }

        public async Task<BulkResult> RunAsync()
        {
            var brief = options.Level == DiscoveryLevel.Brief;
            // Switches first: their domains split the walk and scope the listings.
            var switches = new List<SwitchDraft>();
            if (options.IncludeSwitches)
            {
                progress?.Report(new DiscoveryProgress("switches", 0, 1, null));
                var elements = await run.TryAsync("GIEL", "fabric", () => client.GielAsync(ct), ct).ConfigureAwait(false);
                if (elements is not null)
                    switches.AddRange(await Task.WhenAll(elements.Select(e => DescribeSwitchAsync(e, brief))).ConfigureAwait(false));
            }
            var domains = switches.Where(s => s.DomainId is not null).Select(s => s.DomainId!.Value).Distinct().Order().ToArray();

            NameServerListingMethod? method = null;
            var listingComplete = false;
            List<FabricNPort> nports = [];
            if (options.IncludeNPorts)
            {
                progress?.Report(new DiscoveryProgress("name server", 0, 1, null));
                if (brief)
                    (nports, method, listingComplete) = await BriefNPortsAsync(domains).ConfigureAwait(false);
                if (!brief || method is null)
                    (nports, method, listingComplete) = await ListedNPortsAsync(domains).ConfigureAwait(false);
            }

            var done = new List<FabricSwitch>(switches.Count);
            if (!brief)
            {
                // An F_Port's attached ports: the N_Ports found whose fabric port name it is (GAPNL is asked on E_Ports only).
                var attachedTo = new Dictionary<Wwn, List<FcsAttachedPort>>();
                foreach (var n in nports)
                {
                    if (n is not { FabricPortName: { } fabricPort, PortName: { } portName }) continue;
                    if (!attachedTo.TryGetValue(fabricPort, out var list)) attachedTo[fabricPort] = list = [];
                    list.Add(new FcsAttachedPort(portName, 0, n.PortType ?? PortTypes.Unidentified));
                }
                var count = 0;
                done.AddRange(await Task.WhenAll(switches.Select(async s =>
                {
                    var r = await DescribeSwitchPortsAsync(s, attachedTo).ConfigureAwait(false);
                    progress?.Report(new DiscoveryProgress("switches", Interlocked.Increment(ref count), switches.Count, s.Name.ToString()));
                    return r;
                })).ConfigureAwait(false));
            }
            else
                done.AddRange(switches.Select(s => s.ToSwitch([])));
            return new BulkResult(done, nports, method, listingComplete, _notes);
        }

        // ------------------------------------------------------------------ switches

        private sealed record SwitchDraft(Wwn Name, byte Type, byte? DomainId, string? LogicalName, FcsElementInfo? Info, IReadOnlyList<FcsPortEntry>? Ports)
        {
            public FabricSwitch ToSwitch(IReadOnlyList<FabricSwitchPort> ports) =>
                new(Name, Type) { DomainId = DomainId, LogicalName = LogicalName, Info = Info, Ports = ports };
        }

        private async Task<SwitchDraft> DescribeSwitchAsync(FcsInterconnectElement element, bool brief)
        {
            var name = element.Name;
            var subject = name.ToString();
            var domain = await run.TryValueAsync("GDID", subject, () => client.GdidAsync(name, ct), ct).ConfigureAwait(false);
            if (brief) return new SwitchDraft(name, element.Type, domain, null, null, null);
            var logical = await run.TryAsync("GIELN", subject, () => client.GielnAsync(name, ct), ct).ConfigureAwait(false);
            var info = await run.TryAsync("GIEIL", subject, () => client.GieilAsync(name, ct), ct).ConfigureAwait(false);
            var ports = await run.TryAsync("GPL", subject, () => client.GplAsync(name, ct), ct).ConfigureAwait(false);
            return new SwitchDraft(name, element.Type, domain, logical, info, ports);
        }

        private async Task<FabricSwitch> DescribeSwitchPortsAsync(SwitchDraft s, Dictionary<Wwn, List<FcsAttachedPort>> attachedTo)
        {
            var detail = options.Level == DiscoveryLevel.Detail;
            var described = new List<FabricSwitchPort>();
            foreach (var p in s.Ports ?? [])
            {
                var pn = p.PortName;
                var ps = pn.ToString();
                uint? number = null;
                FcsPortState? state = null;
                if (detail)
                {
                    number = await run.TryValueAsync("GPPN", ps, () => client.GppnAsync(pn, ct), ct).ConfigureAwait(false);
                    state = await run.TryValueAsync("GPS", ps, () => client.GpsAsync(pn, ct), ct).ConfigureAwait(false);
                }
                IReadOnlyList<FcsAttachedPort> attached;
                if (detail || p.PortType == PortTypes.EPort)
                    attached = await run.TryAsync("GAPNL", ps, () => client.GapnlAsync(pn, ct), ct).ConfigureAwait(false) ?? [];
                else
                    attached = attachedTo.TryGetValue(pn, out var list) ? list : [];
                described.Add(new FabricSwitchPort(pn, p.PortType, p.ModuleType, p.TxType)
                {
                    PhysicalPortNumber = number, State = state, AttachedPorts = attached,
                });
            }
            return s.ToSwitch(described);
        }

        // ------------------------------------------------------------------ N_Ports: listing, then GA_NXT per port

        /// <summary>
        /// GPN_FT lists the ports (paged per domain when too big); then GA_NXT(ID − 1) per listed port answers that very
        /// port (no registered ID lies between), so each N_Port costs one request, all of them in parallel. A listing the
        /// fabric rejects falls back to a GA_NXT walk; a GA_NXT the fabric rejects, to the per-attribute queries.
        /// </summary>
        private async Task<(List<FabricNPort>, NameServerListingMethod?, bool)> ListedNPortsAsync(byte[] domains)
        {
            var type = options.Listing.Fc4Type;
            var listing = await PagedNamesAsync("GPN_FT", (d, a, m) => client.GpnFtAsync(new NsFc4TypeScope(type, d, a), m, ct), domains).ConfigureAwait(false);
            if (listing.Failure is { } failure)
            {
                Note($"GPN_FT failed ({failure.Message}); walking the name server with GA_NXT");
                return await WalkedNPortsAsync(domains).ConfigureAwait(false);
            }
            var listed = listing.Entries.Where(e => e.PortId.Value != 0).GroupBy(e => e.PortId.Value).Select(g => new NameServerPort(g.First().PortId, g.First().Name))
                .OrderBy(p => p.PortId.Value).ToList();
            var method = listing.Scoped ? NameServerListingMethod.Scoped : NameServerListingMethod.FullFabric;
            var entries = new ConcurrentDictionary<uint, GaNxtEntry>();
            var perAttribute = new ConcurrentBag<NameServerPort>();
            var total = listed.Count;
            var done = 0;
            var useGaNxt = 1;

            async Task One(NameServerPort port)
            {
                if (Volatile.Read(ref useGaNxt) == 0) { perAttribute.Add(port); return; }
                try
                {
                    var entry = await run.AskAsync("GA_NXT", () => client.GaNxtAsync(new FcId(port.PortId.Value - 1), ct), ct).ConfigureAwait(false);
                    if (entry.PortId == port.PortId) entries[port.PortId.Value] = entry;
                    else perAttribute.Add(port);   // the port left between the listing and now: ask for it by ID
                }
                catch (FcRejectedException e) when (e.IsCtReject && !IsEmptyAnswer(e.Explanation))
                {
                    if (Interlocked.Exchange(ref useGaNxt, 0) == 1) Note($"GA_NXT failed ({e.Message}); asking per attribute");
                    perAttribute.Add(port);
                }
                catch (FcException)
                {
                    perAttribute.Add(port);
                }
                progress?.Report(new DiscoveryProgress("ports", Interlocked.Increment(ref done), total, port.PortId.ToString()));
            }

            // The first answer tells whether the fabric has GA_NXT at all; the rest go in parallel.
            if (listed.Count > 0) await One(listed[0]).ConfigureAwait(false);
            await Task.WhenAll(listed.Skip(1).Select(One)).ConfigureAwait(false);

            var ports = new Dictionary<uint, FabricNPort>();
            foreach (var e in entries.Values) ports[e.PortId.Value] = FromEntry(e);
            var missing = perAttribute.ToList();
            var described = await Task.WhenAll(missing.Select(p => DescribePortAsync(client, p, run, ct))).ConfigureAwait(false);
            foreach (var d in described) ports[d.PortId.Value] = d;

            var walkedPorts = entries.Values.OrderBy(e => e.PortId.Value).ToList();
            if (walkedPorts.Count > 0)
            {
                var features = await FeaturesAsync(walkedPorts.Select(e => (e.PortId, (Fc4TypeSet?)e.Fc4Types)).ToList(), WalkDomains(walkedPorts)).ConfigureAwait(false);
                foreach (var (id, f) in features) ports[id] = ports[id] with { Fc4Features = f };
            }
            var list = ports.Values.ToList();
            list.Sort(static (a, b) => a.PortId.CompareTo(b.PortId));
            return (list, method, listing.Complete);
        }

        // ------------------------------------------------------------------ N_Ports by walk

        private async Task<(List<FabricNPort>, NameServerListingMethod?, bool)> WalkedNPortsAsync(byte[] domains)
        {
            var walk = await WalkAsync(domains).ConfigureAwait(false);
            var type = options.Listing.Fc4Type;
            var kept = walk.Entries.Values.Where(e => e.PortId.Value != 0 && e.Fc4Types.Contains(type)).ToDictionary(e => e.PortId.Value);
            var ports = new Dictionary<uint, FabricNPort>();
            foreach (var e in kept.Values) ports[e.PortId.Value] = FromEntry(e);
            NameServerListingMethod? method = NameServerListingMethod.GaNxtWalk;
            var complete = walk.Failure is null;

            if (walk.Failure is { } failure)
            {
                // The walk was rejected or broke off: list the ports and ask per port for those the walk did not reach.
                Note(walk.Entries.IsEmpty
                    ? $"GA_NXT failed ({failure.Message}); listing the ports and asking per port"
                    : $"the GA_NXT walk stopped after {walk.Entries.Count} ports ({failure.Message}); listing the ports and asking per port for the rest");
                NameServerListingResult? listing = null;
                try
                {
                    listing = await NameServerListing.ListAsync(client, options.Listing, logger, ct).ConfigureAwait(false);
                }
                catch (FcException e)
                {
                    // A name server that answers nothing: one failure to report, not one per way of asking.
                    run.Fail("name server listing", "fabric", e);
                }
                if (listing is not null)
                {
                    run.Add(listing.RequestsByCommand);
                    foreach (var e in listing.Errors) run.Fail("name server listing", "fabric", e);
                    method = listing.Method;
                    complete = listing.IsComplete;
                    var missing = listing.Ports.Where(p => !ports.ContainsKey(p.PortId.Value)).ToList();
                    var count = 0;
                    var described = await Task.WhenAll(missing.Select(async p =>
                    {
                        var r = await DescribePortAsync(client, p, run, ct).ConfigureAwait(false);
                        progress?.Report(new DiscoveryProgress("ports", Interlocked.Increment(ref count), missing.Count, p.PortId.ToString()));
                        return r;
                    })).ConfigureAwait(false);
                    // The per-port path asked GFF_ID already; the features below are for the walked ports.
                    foreach (var d in described) ports[d.PortId.Value] = d;
                }
                else
                    method = null;
            }

            // FC-4 features of the walked ports: GID_FF per type and bit, GFF_ID per port where the fabric will not list them.
            if (kept.Count > 0)
            {
                var features = await FeaturesAsync(kept.Values.Select(e => (e.PortId, (Fc4TypeSet?)e.Fc4Types)).ToList(), WalkDomains(kept.Values)).ConfigureAwait(false);
                foreach (var (id, f) in features) ports[id] = ports[id] with { Fc4Features = f };
            }
            var list = ports.Values.ToList();
            list.Sort(static (a, b) => a.PortId.CompareTo(b.PortId));
            return (list, method, complete);
        }

        private static byte[] WalkDomains(IEnumerable<GaNxtEntry> entries) => entries.Select(e => e.PortId.Domain).Distinct().Order().ToArray();

        private static FabricNPort FromEntry(GaNxtEntry e) => new(e.PortId)
        {
            PortName = e.PortName, NodeName = e.NodeName, PortType = e.PortType,
            Fc4Types = e.Fc4Types.IsEmpty ? null : e.Fc4Types,
            SymbolicPortName = e.SymbolicPortName.Length == 0 ? null : e.SymbolicPortName,
            SymbolicNodeName = e.SymbolicNodeName.Length == 0 ? null : e.SymbolicNodeName,
            FabricPortName = e.FabricPortName,
        };

        private sealed record WalkResult(ConcurrentDictionary<uint, GaNxtEntry> Entries, FcException? Failure);

        /// <summary>
        /// GA_NXT over the name server, one walker per ID range [domain &lt;&lt; 16, next domain &lt;&lt; 16) so the walkers
        /// run in parallel; each stops at the first port beyond its range, when the walk wraps, at "database empty",
        /// or at the bound. Costs one request per port plus one per range.
        /// </summary>
        private async Task<WalkResult> WalkAsync(byte[] domains)
        {
            var entries = new ConcurrentDictionary<uint, GaNxtEntry>();
            var starts = new List<uint> { 0 };
            foreach (var d in domains)
                if (d > 1) starts.Add((uint)d << 16);
            FcException? failure = null;
            var steps = 0;
            var walkers = new Task[starts.Count];
            for (var i = 0; i < starts.Count; i++)
            {
                var lo = starts[i];
                var hi = i + 1 < starts.Count ? starts[i + 1] : 0x1_000_000u;
                walkers[i] = Task.Run(async () =>
                {
                    var previous = new FcId(lo == 0 ? 0 : lo - 1);
                    while (Volatile.Read(ref failure) is null)
                    {
                        if (Interlocked.Increment(ref steps) > options.MaxWalkSteps)
                        {
                            Interlocked.CompareExchange(ref failure, new FcDiscoveryBoundException(client.DevicePath,
                                $"the GA_NXT walk reached its bound of {options.MaxWalkSteps} steps"), null);
                            return;
                        }
                        GaNxtEntry entry;
                        try
                        {
                            entry = await run.AskAsync("GA_NXT", () => client.GaNxtAsync(previous, ct), ct).ConfigureAwait(false);
                        }
                        catch (FcRejectedException e) when (e.IsCtReject && e.Explanation is CtReasonExplanations.DatabaseEmpty or CtReasonExplanations.NoObjectInScope)
                        {
                            return;
                        }
                        catch (FcException e)
                        {
                            Interlocked.CompareExchange(ref failure, e, null);
                            return;
                        }
                        var id = entry.PortId.Value;
                        if (id < lo || id >= hi || !entries.TryAdd(id, entry)) return;   // past the range, wrapped, or repeating
                        progress?.Report(new DiscoveryProgress("ports", entries.Count, Math.Max(entries.Count, 1), entry.PortId.ToString()));
                        previous = entry.PortId;
                    }
                }, ct);
            }
            await Task.WhenAll(walkers).ConfigureAwait(false);
            return new WalkResult(entries, failure);
        }

        // ------------------------------------------------------------------ FC-4 features

        /// <summary>
        /// The features of <paramref name="ports"/>: GID_FF per FC-4 type they have and per feature bit; where the fabric
        /// rejects or fails GID_FF for a type, GFF_ID per port of that type. Null for a port with no feature registered.
        /// </summary>
        private async Task<Dictionary<uint, Fc4FeatureSet?>> FeaturesAsync(IReadOnlyList<(FcId Id, Fc4TypeSet? Types)> ports, byte[] domains)
        {
            var nibbles = new Dictionary<uint, List<(byte Type, byte Bits)>>();
            var types = ports.Where(p => p.Types is not null).SelectMany(p => p.Types!.Types).Distinct().Order().ToArray();
            var wanted = ports.Select(p => p.Id.Value).ToHashSet();
            var perPort = new HashSet<uint>();
            foreach (var type in types)
            {
                var bits = new Dictionary<uint, byte>();
                var listed = true;
                foreach (var bit in FeatureBits)
                {
                    var t = type;
                    var b = bit;
                    var page = await PagedIdsAsync("GID_FF", (d, a, m) => client.GidFfAsync(new NsFc4FeatureScope(t, b, d, a), m, ct), domains)
                        .ConfigureAwait(false);
                    if (page.Failure is { } e)
                    {
                        Note($"GID_FF for FC-4 type {Fc4Types.Table.NameOf(type)} failed ({e.Message}); asking GFF_ID per port");
                        listed = false;
                        break;
                    }
                    foreach (var id in page.Ids)
                        if (wanted.Contains(id.Value)) bits[id.Value] = (byte)(bits.GetValueOrDefault(id.Value) | bit);
                }
                if (!listed)
                {
                    foreach (var p in ports)
                        if (p.Types?.Contains(type) == true) perPort.Add(p.Id.Value);
                    continue;
                }
                foreach (var (id, v) in bits)
                {
                    if (!nibbles.TryGetValue(id, out var l)) nibbles[id] = l = [];
                    l.Add((type, v));
                }
            }

            var result = new Dictionary<uint, Fc4FeatureSet?>();
            foreach (var p in ports)
                result[p.Id.Value] = nibbles.TryGetValue(p.Id.Value, out var l) ? Fc4FeatureSet.Of(l.ToArray()) : null;
            if (perPort.Count > 0)
            {
                var answers = await Task.WhenAll(perPort.Select(async id =>
                    (id, await run.TryAsync("GFF_ID", new FcId(id).ToString(), () => client.GffIdAsync(new FcId(id), ct), ct).ConfigureAwait(false))))
                    .ConfigureAwait(false);
                foreach (var (id, f) in answers) result[id] = f;
            }
            return result;
        }

        // ------------------------------------------------------------------ brief: listings only

        private async Task<(List<FabricNPort>, NameServerListingMethod?, bool)> BriefNPortsAsync(byte[] domains)
        {
            var type = options.Listing.Fc4Type;
            var listing = await PagedNamesAsync("GPN_FT", (d, a, m) => client.GpnFtAsync(new NsFc4TypeScope(type, d, a), m, ct), domains).ConfigureAwait(false);
            if (listing.Failure is { } failure)
            {
                Note($"GPN_FT failed ({failure.Message}); walking the name server instead");
                return ([], null, false);
            }
            var ids = listing.Entries.Where(e => e.PortId.Value != 0).Select(e => e.PortId).Distinct().Order().ToList();
            var portDomains = ids.Select(i => i.Domain).Distinct().Order().ToArray();
            var names = listing.Entries.Where(e => e.PortId.Value != 0).GroupBy(e => e.PortId.Value).ToDictionary(g => g.Key, g => g.First().Name);
            var method = listing.Scoped ? NameServerListingMethod.Scoped : NameServerListingMethod.FullFabric;

            // Node names.
            Dictionary<uint, Wwn?> nodeNames;
            var nn = await PagedNamesAsync("GNN_FT", (d, a, m) => client.GnnFtAsync(new NsFc4TypeScope(type, d, a), m, ct), portDomains).ConfigureAwait(false);
            if (nn.Failure is { } nnFailure)
            {
                Note($"GNN_FT failed ({nnFailure.Message}); asking GNN_ID per port");
                nodeNames = await PerPortAsync(ids, "GNN_ID", id => client.GnnIdAsync(id, ct)).ConfigureAwait(false);
            }
            else
            {
                nodeNames = [];
                foreach (var e in nn.Entries) nodeNames[e.PortId.Value] = e.Name;
            }

            // Port types.
            Dictionary<uint, byte?> portTypes = [];
            foreach (var pt in NxPortTypes)
            {
                var t = pt;
                var page = await PagedIdsAsync("GID_PT", (d, a, m) => client.GidPtAsync(new NsPortTypeScope(t, d, a), m, ct), portDomains).ConfigureAwait(false);
                if (page.Failure is { } e)
                {
                    Note($"GID_PT failed ({e.Message}); asking GPT_ID per port");
                    portTypes = await PerPortAsync(ids, "GPT_ID", id => client.GptIdAsync(id, ct)).ConfigureAwait(false);
                    break;
                }
                foreach (var id in page.Ids) portTypes.TryAdd(id.Value, t);
            }

            // FC-4 types: the listed type, plus every other type the name server lists.
            var typeBits = new Dictionary<uint, List<byte>>();
            foreach (var id in ids) typeBits[id.Value] = [type];
            var typesListed = true;
            foreach (var (code, _) in Fc4Types.Table.Entries)
            {
                var t = (byte)code;
                if (t == type) continue;
                var page = await PagedIdsAsync("GID_FT", (d, a, m) => client.GidFtAsync(new NsFc4TypeScope(t, d, a), m, ct), portDomains).ConfigureAwait(false);
                if (page.Failure is { } e)
                {
                    Note($"GID_FT failed ({e.Message}); asking GFT_ID per port");
                    typesListed = false;
                    break;
                }
                foreach (var id in page.Ids)
                    if (typeBits.TryGetValue(id.Value, out var l)) l.Add(t);
            }
            Dictionary<uint, Fc4TypeSet?> fc4Types;
            if (typesListed)
            {
                fc4Types = [];
                foreach (var (id, l) in typeBits) fc4Types[id] = Fc4TypeSet.Of(l.ToArray());
            }
            else
                fc4Types = await PerPortRefAsync(ids, "GFT_ID", id => client.GftIdAsync(id, ct)).ConfigureAwait(false);

            var features = await FeaturesAsync(ids.Select(i => (i, fc4Types.GetValueOrDefault(i.Value))).ToList(), portDomains).ConfigureAwait(false);
            var ports = ids.Select(id => new FabricNPort(id)
            {
                PortName = names.GetValueOrDefault(id.Value), NodeName = nodeNames.GetValueOrDefault(id.Value),
                PortType = portTypes.GetValueOrDefault(id.Value), Fc4Types = fc4Types.GetValueOrDefault(id.Value),
                Fc4Features = features.GetValueOrDefault(id.Value),
            }).ToList();
            return (ports, method, listing.Complete);
        }

        private async Task<Dictionary<uint, T?>> PerPortAsync<T>(IReadOnlyList<FcId> ids, string operation, Func<FcId, ValueTask<FcResponse<T>>> query) where T : struct
        {
            var answers = await Task.WhenAll(ids.Select(async id =>
                (id.Value, await run.TryValueAsync(operation, id.ToString(), () => query(id), ct).ConfigureAwait(false)))).ConfigureAwait(false);
            return answers.ToDictionary(a => a.Item1, a => a.Item2);
        }

        private async Task<Dictionary<uint, T?>> PerPortRefAsync<T>(IReadOnlyList<FcId> ids, string operation, Func<FcId, ValueTask<FcResponse<T>>> query) where T : class
        {
            var answers = await Task.WhenAll(ids.Select(async id =>
                (id.Value, await run.TryAsync(operation, id.ToString(), () => query(id), ct).ConfigureAwait(false)))).ConfigureAwait(false);
            return answers.ToDictionary(a => a.Item1, a => a.Item2);
        }

        // ------------------------------------------------------------------ paging

        private delegate ValueTask<FcResponse<T>> ScopedQuery<T>(byte domain, byte area, int maxResponseBytes);

        private sealed record Paged<T>(List<T> Entries, bool Complete, bool Scoped, FcException? Failure);

        private sealed record PagedIds(List<FcId> Ids, FcException? Failure);

        private async Task<PagedIds> PagedIdsAsync(string operation, ScopedQuery<NsPortIdList> query, byte[] domains)
        {
            var p = await PagedAsync(operation, query, static l => (l.PortIds, l.IsComplete), domains).ConfigureAwait(false);
            if (p.Failure is null && !p.Complete)
                run.Fail(operation, "fabric", $"{operation}: the list stayed truncated even per area; ports beyond it are missing");
            return new PagedIds(p.Entries, p.Failure);
        }

        private Task<Paged<NsPortNameEntry>> PagedNamesAsync(string operation, ScopedQuery<NsPortNameList> query, byte[] domains) =>
            PagedAsync(operation, query, static l => (l.Entries, l.IsComplete), domains);

        private enum Outcome { Complete, Empty, Truncated, Rejected }

        /// <summary>
        /// One bulk list over the whole fabric, sized for the most the driver takes; when it does not fit (truncated, or
        /// "invalid CT_IU size"), per domain (the known ones, else 1..239), and a domain still too big per area. Any other
        /// reject or failure is returned as <see cref="Paged{T}.Failure"/>: the caller falls back to per-port commands.
        /// </summary>
        private async Task<Paged<T>> PagedAsync<TList, T>(string operation, ScopedQuery<TList> query, Func<TList, (IReadOnlyList<T>, bool)> open, byte[] domains)
        {
            var entries = new List<T>();
            async Task<(Outcome, FcException?)> Ask(byte domain, byte area)
            {
                try
                {
                    var list = await run.AskAsync(operation, () => query(domain, area, ListBytes), ct).ConfigureAwait(false);
                    var (items, complete) = open(list);
                    entries.AddRange(items);
                    return (complete ? Outcome.Complete : Outcome.Truncated, null);
                }
                catch (FcRejectedException e) when (e.IsCtReject && e.Reason == CtRejectReasons.UnableToPerform && IsEmptyAnswer(e.Explanation))
                {
                    return (Outcome.Empty, null);
                }
                catch (FcRejectedException e) when (e.IsCtReject && e.Reason == CtRejectReasons.InvalidIuSize)
                {
                    return (Outcome.Truncated, e);
                }
                catch (FcRejectedException e)
                {
                    return (Outcome.Rejected, e);
                }
                catch (FcException e)
                {
                    return (Outcome.Rejected, e);
                }
            }

            var (whole, error) = await Ask(0, 0).ConfigureAwait(false);
            if (whole is Outcome.Complete or Outcome.Empty) return new Paged<T>(entries, true, false, null);
            if (whole == Outcome.Rejected) return new Paged<T>(entries, false, false, error);

            entries.Clear();
            var complete = true;
            var scope = domains.Length > 0 ? domains : Enumerable.Range(options.Listing.FirstDomain, options.Listing.LastDomain - options.Listing.FirstDomain + 1).Select(d => (byte)d).ToArray();
            foreach (var domain in scope)
            {
                var (d, e) = await Ask(domain, 0).ConfigureAwait(false);
                if (d == Outcome.Rejected) return new Paged<T>(entries, false, true, e);
                if (d != Outcome.Truncated) continue;
                for (var area = 1; area <= 255; area++)
                {
                    var (a, ae) = await Ask(domain, (byte)area).ConfigureAwait(false);
                    if (a == Outcome.Rejected) return new Paged<T>(entries, false, true, ae);
                    if (a == Outcome.Truncated) complete = false;
                }
            }
            return new Paged<T>(entries, complete, true, null);
        }

        /// <summary>"Nothing to list" answers: the list is empty, not unsupported.</summary>
        private static bool IsEmptyAnswer(byte explanation) => explanation is CtReasonExplanations.DatabaseEmpty or CtReasonExplanations.NoObjectInScope
            or CtReasonExplanations.Fc4TypesNotRegistered or CtReasonExplanations.PortTypeNotRegistered or CtReasonExplanations.Fc4FeaturesNotRegistered;
    }
}

/// <summary>Discovery stopped a walk at its bound (a name server that never repeats).</summary>
/// <param name="devicePath">The fc_host bsg node the walk went through.</param>
/// <param name="message">Which walk stopped, and at how many steps.</param>
public sealed class FcDiscoveryBoundException(string devicePath, string message)
    : FcException(devicePath, message, "raise FabricDiscoveryOptions.MaxWalkSteps if the fabric really has that many ports");
