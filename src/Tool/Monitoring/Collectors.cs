using System.Globalization;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.ZoneServer;
using BsgKit.Fc.Discovery;
using BsgKit.Fc.Els;
using BsgKit.Fc;
using BsgKit.Tool.Infrastructure;
using F = BsgKit.Tool.Monitoring.MetricFamilies;

namespace BsgKit.Tool.Monitoring;

/// <summary>What a collector works on: one FC host, its remote ports, its client (null without a bsg node) and the request gate.</summary>
internal sealed class HostScope(FcHostInfo host, IReadOnlyList<FcRemotePortInfo> remotePorts, FcHostClient? client, string? clientUnavailable,
    SemaphoreSlim gate, SampleSink sink, BsgNodeCatalog sysfs)
{
    public FcHostInfo Host => host;
    public string HostName => host.Name;
    public string Wwpn => host.PortName?.ToString() ?? "";
    public string FabricName => host.FabricName?.ToString() ?? "";
    /// <summary>This host's remote ports (all states).</summary>
    public IReadOnlyList<FcRemotePortInfo> RemotePorts => remotePorts;
    /// <summary>The N_Ports worth an ELS: online, with an FC ID outside the fabric's well-known addresses.</summary>
    public IEnumerable<FcRemotePortInfo> OnlineNPorts => remotePorts.Where(r => r.IsOnline && r.PortId is FcId id && id.Domain != 0xFF);
    public FcHostClient? Client => client;
    public string? ClientUnavailable => clientUnavailable;
    public SampleSink Sink => sink;
    public BsgNodeCatalog Sysfs => sysfs;

    /// <summary>One request under the host's parallelism gate (the fabric never sees more than the gate allows from us).</summary>
    public async Task<T> SendAsync<T>(Func<CancellationToken, Task<T>> send, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try { return await send(ct).ConfigureAwait(false); }
        finally { gate.Release(); }
    }

    /// <summary>The same for the typed FC calls (they return ValueTask).</summary>
    public async Task<T> SendAsync<T>(Func<CancellationToken, ValueTask<T>> send, CancellationToken ct)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try { return await send(ct).ConfigureAwait(false); }
        finally { gate.Release(); }
    }

    public string[] RportLabels(FcRemotePortInfo r) => [HostName, r.Name, r.PortName?.ToString() ?? "", r.PortId?.ToString() ?? ""];
}

/// <summary>Failures of one collector run: counted, the first one kept; "the driver cannot do it" marks the collector unsupported.</summary>
internal sealed class RunErrors
{
    private int _errors;
    public int Count => Volatile.Read(ref _errors);
    public string? First { get; private set; }
    public int? FirstCode { get; private set; }
    public string? NotApplicable { get; private set; }

    public void Fail(string what, Exception e)
    {
        if (e is FcNotSupportedException)
        {
            lock (this) NotApplicable ??= ExitCodes.Describe(e);
            return;
        }
        Interlocked.Increment(ref _errors);
        lock (this)
        {
            if (First is not null) return;
            First = $"{what}: {ExitCodes.Describe(e)}";
            FirstCode = ExitCodes.Classify(e);
        }
    }
}

/// <summary>Answers that mean "this port does not do that ELS", which are the port's nature, not a failure.</summary>
internal static class PortDeclines
{
    /// <summary>LS_RJT "command not supported" or "invalid command code" (docs/reference/fc-els.md, LS_RJT reasons).</summary>
    public static bool Els(Exception e) =>
        e is FcRejectedException { Exchange.ElsReject: { } rjt } && rjt.Reason is LsRjtReasons.CommandNotSupported or LsRjtReasons.InvalidCommandCode;
}

/// <summary>One kind of metrics for one host per refresh. A collector never throws for a failed request: it records it.</summary>
internal abstract class Collector
{
    public abstract string Name { get; }
    /// <summary>Sends bsg requests (false: reads sysfs only).</summary>
    public virtual bool SendsRequests => true;
    public abstract Task CollectAsync(HostScope scope, RunErrors errors, CancellationToken ct);

    /// <summary>Runs <paramref name="each"/> for every item at once; the gate bounds how many requests are in flight.</summary>
    protected static Task ForEachAsync<T>(IEnumerable<T> items, Func<T, Task> each) => Task.WhenAll(items.Select(each));

    /// <summary>The built-in collectors, in the order they are documented.</summary>
    public static IReadOnlyList<Collector> All { get; } =
        [new SysfsCollector(), new RlsCollector(), new RdpCollector(), new NameServerCollector(), new ZoningCollector(), new SwitchCollector()];
}

/// <summary>fc_host identity, state, speed and statistics (FPIN included), and remote port states: sysfs only.</summary>
internal sealed class SysfsCollector : Collector
{
    public override string Name => "sysfs";
    public override bool SendsRequests => false;

    public override Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct)
    {
        var h = s.Host;
        var sink = s.Sink;
        sink.Add(F.HostInfo, 1, s.HostName, s.Wwpn, h.NodeName?.ToString() ?? "", h.PortId?.ToString() ?? "", s.FabricName, h.Driver ?? "", h.PortType ?? "");
        sink.Add(F.HostUp, h.PortState == "Online" ? 1 : 0, s.HostName, s.Wwpn);
        sink.Add(F.HostPortState, 1, s.HostName, s.Wwpn, h.PortState ?? "unknown");
        sink.Add(F.HostSpeed, SpeedBytesPerSecond(h.Speed), s.HostName, s.Wwpn);

        var hostDir = Path.Combine(s.Sysfs.ClassDirectory("fc_host"), h.Name);
        ReadStatistics(s.Sysfs, Path.Combine(hostDir, "statistics"), remote: false, [s.HostName, s.Wwpn], sink, errors, s.HostName);
        foreach (var r in s.RemotePorts)
        {
            sink.Add(F.RportUp, r.IsOnline ? 1 : 0, s.RportLabels(r));
            ReadStatistics(s.Sysfs, Path.Combine(s.Sysfs.ClassDirectory("fc_remote_ports"), r.Name, "statistics"), remote: true, s.RportLabels(r), sink, errors, r.Name);
        }
        return Task.CompletedTask;
    }

    /// <summary>"32 Gbit" → 4e9 bytes/s; "Not Negotiated", "unknown" or absent → 0.</summary>
    internal static double SpeedBytesPerSecond(string? speed)
    {
        if (speed is null) return 0;
        var end = speed.IndexOf(" Gbit", StringComparison.Ordinal);
        return end > 0 && double.TryParse(speed.AsSpan(0, end), NumberStyles.Float, CultureInfo.InvariantCulture, out var gbit) ? gbit * 1e9 / 8 : 0;
    }

    private static void ReadStatistics(BsgNodeCatalog sysfs, string dir, bool remote, string[] labels, SampleSink sink, RunErrors errors, string owner)
    {
        if (!sysfs.Source.DirectoryExists(dir)) return; // an LLD without statistics (and rports before FPIN support)
        var problems = new List<string>();
        var attributes = sysfs.Attributes(dir, problems);
        if (!remote)
        {
            if (attributes.Hex64("seconds_since_last_reset", required: false) is ulong seconds && seconds != ulong.MaxValue)
                sink.Add(F.HostSecondsSinceReset, seconds, labels);
            foreach (var (file, family, scale) in F.HostStatistics)
                if (attributes.Hex64(file, required: false) is ulong v && v != ulong.MaxValue) sink.Add(family, v * scale, labels);
        }
        IEnumerable<string> fpin;
        try { fpin = sysfs.Source.ListFiles(dir).Where(f => f.StartsWith(F.FpinPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { errors.Fail($"{owner}: {dir}", e); return; }
        foreach (var file in fpin)
            if (attributes.Hex64(file, required: false) is ulong v && v != ulong.MaxValue) sink.Add(F.FpinFamily(remote, file), v, labels);
        foreach (var p in problems) errors.Fail(owner, new FormatException(p));
    }
}

/// <summary>ELS RLS to every online remote N_Port: the remote end's link error status block.</summary>
internal sealed class RlsCollector : Collector
{
    public override string Name => "rls";

    public override Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct) => ForEachAsync(s.OnlineNPorts, async r =>
    {
        var id = r.PortId!.Value;
        Lesb l;
        try { l = (await s.SendAsync(c => s.Client!.RlsAsync(id, id, c), ct).ConfigureAwait(false)).Value; }
        catch (Exception e) when (PortDeclines.Els(e)) { return; } // a port without RLS: no series, no error
        catch (Exception e) when (e is not OperationCanceledException) { errors.Fail($"RLS {id} ({r.Name})", e); return; }
        var labels = s.RportLabels(r);
        s.Sink.Add(F.RportLinkFailures, l.LinkFailureCount, labels);
        s.Sink.Add(F.RportLossOfSync, l.LossOfSyncCount, labels);
        s.Sink.Add(F.RportLossOfSignal, l.LossOfSignalCount, labels);
        s.Sink.Add(F.RportPrimitiveSequenceErrors, l.PrimitiveSequenceProtocolErrorCount, labels);
        s.Sink.Add(F.RportInvalidTxWords, l.InvalidTransmissionWordCount, labels);
        s.Sink.Add(F.RportInvalidCrc, l.InvalidCrcCount, labels);
    });
}

/// <summary>ELS RDP to every online remote N_Port: SFP optics in base units, the module's thresholds and its flags (docs/reference/fc-els.md §3.7).</summary>
internal sealed class RdpCollector : Collector
{
    public override string Name => "rdp";

    /// <summary>Per element type: the reading's family, the thresholds' family, the label value, and the factor to base units.</summary>
    private static readonly Dictionary<int, (MetricFamily Reading, MetricFamily Thresholds, string Label, double ToBase)> Elements = new()
    {
        [RdpDescriptors.Temperature] = (F.SfpTemperature, F.SfpTemperatureThreshold, "temperature", 1),
        [RdpDescriptors.Voltage] = (F.SfpVoltage, F.SfpVoltageThreshold, "voltage", 1),
        [RdpDescriptors.TxBias] = (F.SfpTxBias, F.SfpTxBiasThreshold, "tx_bias", 1e-3),   // mA
        [RdpDescriptors.TxPower] = (F.SfpTxPower, F.SfpTxPowerThreshold, "tx_power", 1e-6), // µW
        [RdpDescriptors.RxPower] = (F.SfpRxPower, F.SfpRxPowerThreshold, "rx_power", 1e-6),
    };

    public const string LowWarning = "low_warning", HighWarning = "high_warning", LowAlarm = "low_alarm", HighAlarm = "high_alarm";

    public override Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct) => ForEachAsync(s.OnlineNPorts, async r =>
    {
        var id = r.PortId!.Value;
        RdpAccept a;
        try { a = (await s.SendAsync(c => s.Client!.RdpAsync(id, id, c), ct).ConfigureAwait(false)).Value; }
        catch (Exception e) when (PortDeclines.Els(e)) { return; } // many targets do not answer RDP: no series, no error
        catch (Exception e) when (e is not OperationCanceledException) { errors.Fail($"RDP {id} ({r.Name})", e); return; }
        var labels = s.RportLabels(r);
        if (a.SfpDiagnostics is { } d)
        {
            Reading(RdpDescriptors.Temperature, d.TemperatureCelsius);
            Reading(RdpDescriptors.Voltage, d.SupplyVoltageVolts);
            Reading(RdpDescriptors.TxBias, d.TxBiasMilliamps);
            Reading(RdpDescriptors.TxPower, d.TxPowerMicrowatts);
            Reading(RdpDescriptors.RxPower, d.RxPowerMicrowatts);
        }
        foreach (var e in a.OpticalElements)
        {
            if (!Elements.TryGetValue(e.ElementType, out var m)) continue;
            s.Sink.Add(m.Thresholds, e.HighAlarmValue * m.ToBase, [.. labels, HighAlarm]);
            s.Sink.Add(m.Thresholds, e.LowAlarmValue * m.ToBase, [.. labels, LowAlarm]);
            s.Sink.Add(m.Thresholds, e.HighWarningValue * m.ToBase, [.. labels, HighWarning]);
            s.Sink.Add(m.Thresholds, e.LowWarningValue * m.ToBase, [.. labels, LowWarning]);
            s.Sink.Add(F.SfpFlag, e.HighAlarm ? 1 : 0, [.. labels, m.Label, HighAlarm]);
            s.Sink.Add(F.SfpFlag, e.LowAlarm ? 1 : 0, [.. labels, m.Label, LowAlarm]);
            s.Sink.Add(F.SfpFlag, e.HighWarning ? 1 : 0, [.. labels, m.Label, HighWarning]);
            s.Sink.Add(F.SfpFlag, e.LowWarning ? 1 : 0, [.. labels, m.Label, LowWarning]);
        }

        void Reading(int type, double value)
        {
            var m = Elements[type];
            s.Sink.Add(m.Reading, value * m.ToBase, labels);
        }
    });
}

/// <summary>
/// Name-server population per FC-4 type (one listing each: GID_FT, scoped by domain on large fabrics) and per FC-4
/// feature (GFF_ID of each listed port). Costs 1 + N requests per type on a fabric of N ports of that type.
/// </summary>
internal sealed class NameServerCollector : Collector
{
    public override string Name => "nameserver";

    /// <summary>The FC-4 types counted, with the label each gets.</summary>
    public static readonly IReadOnlyList<(byte Type, string Label)> Types = [(Fc4Types.Fcp, "fcp"), (Fc4Types.Nvme, "nvme")];

    /// <summary>FC-4 feature bits (FCP and NVMe put target and initiator in the same positions).</summary>
    public static readonly IReadOnlyList<(byte Bit, string Label)> Features = [(Fc4Features.FcpTarget, "target"), (Fc4Features.FcpInitiator, "initiator")];

    public override async Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct)
    {
        foreach (var (type, label) in Types)
        {
            NameServerListingResult listing;
            try
            {
                listing = await s.SendAsync(c => NameServerListing.ListAsync(s.Client!, new NameServerListingOptions { Fc4Type = type, WithPortNames = false },
                    cancellationToken: c), ct).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException) { errors.Fail($"name server listing ({label})", e); continue; }
            foreach (var e in listing.Errors) errors.Fail($"name server listing ({label})", e);
            s.Sink.Add(F.NameServerPorts, listing.Ports.Count, s.HostName, s.FabricName, label);
            s.Sink.Add(F.NameServerListingComplete, listing.IsComplete ? 1 : 0, s.HostName, s.FabricName, label);

            var counts = new int[Features.Count];
            await ForEachAsync(listing.Ports, async p =>
            {
                Fc4FeatureSet features;
                try { features = (await s.SendAsync(c => s.Client!.GffIdAsync(p.PortId, c), ct).ConfigureAwait(false)).Value; }
                catch (Exception e) when (e is not OperationCanceledException) { errors.Fail($"GFF_ID {p.PortId}", e); return; }
                var bits = features.FeaturesOf(type);
                for (var i = 0; i < Features.Count; i++)
                    if ((bits & Features[i].Bit) != 0) Interlocked.Increment(ref counts[i]);
            }).ConfigureAwait(false);
            for (var i = 0; i < Features.Count; i++) s.Sink.Add(F.NameServerFeaturePorts, counts[i], s.HostName, s.FabricName, label, Features[i].Label);
        }
    }
}

/// <summary>The active zone set's name and zone count (zone server GAZS).</summary>
internal sealed class ZoningCollector : Collector
{
    public override string Name => "zoning";

    public override async Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct)
    {
        try
        {
            var set = (await s.SendAsync(c => s.Client!.GazsAsync(c), ct).ConfigureAwait(false)).Value;
            s.Sink.Add(F.ActiveZoneSet, 1, s.HostName, s.FabricName, set.Name);
            s.Sink.Add(F.ActiveZones, set.Zones.Count, s.HostName, s.FabricName);
        }
        catch (Exception e) when (e is not OperationCanceledException) { errors.Fail(Gazs.Name, e); }
    }
}

/// <summary>How many switches the fabric has (fabric configuration server GIEL).</summary>
internal sealed class SwitchCollector : Collector
{
    public override string Name => "switches";

    /// <summary>GIEL interconnect element type of a switch (FC-GS: 1 switch, 2 hub, 3 bridge).</summary>
    public const byte SwitchElementType = 1;

    public override async Task CollectAsync(HostScope s, RunErrors errors, CancellationToken ct)
    {
        try
        {
            var elements = (await s.SendAsync(c => s.Client!.GielAsync(c), ct).ConfigureAwait(false)).Value;
            s.Sink.Add(F.Switches, elements.Count(e => e.Type == SwitchElementType), s.HostName, s.FabricName);
        }
        catch (Exception e) when (e is not OperationCanceledException) { errors.Fail(Giel.Name, e); }
    }
}
