using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Clients;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Fuzz;

/// <summary>
/// The seeds: real traffic of every query in <see cref="Workload"/> on every driver personality and on the iSCSI
/// scenario, recorded at the fabric (CT_IU and ELS payloads) and at the Bsg layer (sg_io_v4 and its buffers).
/// </summary>
public sealed class Corpus
{
    public static readonly string[] FcScenarios = ["lab", "libfc", "lpfc", "qla2xxx", "zfcp", "ibmvfc"];

    private Corpus(List<CapturedExchange> exchanges, List<CapturedSgIo> fc, List<CapturedSgIo> iscsi, string labJson)
    {
        Exchanges = exchanges;
        FcSgIo = fc;
        IscsiSgIo = iscsi;
        LabJson = labJson;
    }

    public IReadOnlyList<CapturedExchange> Exchanges { get; }
    public IReadOnlyList<CapturedSgIo> FcSgIo { get; }
    public IReadOnlyList<CapturedSgIo> IscsiSgIo { get; }
    public string LabJson { get; }

    private static readonly Lazy<Corpus> Cached = new(() => BuildAsync().GetAwaiter().GetResult());

    public static Corpus Shared => Cached.Value;

    private static async Task<Corpus> BuildAsync()
    {
        var exchanges = new List<CapturedExchange>();
        var fc = new List<CapturedSgIo>();
        var iscsi = new List<CapturedSgIo>();
        foreach (var name in FcScenarios)
        {
            var scenario = ScenarioLoader.Resolve(name);
            using var san = new SimulatedSan(scenario, new RecordingFabric(new SimFabric(scenario, new SimClock()), exchanges));
            var catalog = BsgKit.Fc.Catalog.FcCatalog.Scan(san.Catalog);
            var options = new FcClientOptions { Transport = new RecordingTransport(san.Transport, fc), AllowStateChanges = true };
            var targets = Workload.For(scenario);
            foreach (var host in catalog.FcHosts.Where(h => h.Node is not null))
            {
                using var client = FcHostClient.Open(catalog, host.HostNumber, options);
                foreach (var (_, call) in Workload.FcCalls) await Workload.TryAsync(() => call(client, targets));
            }
        }
        using (var san = SimulatedSan.Create("iscsi"))
        {
            var catalog = BsgKit.Iscsi.Catalog.IscsiCatalog.Scan(san.Catalog);
            foreach (var host in catalog.IscsiHosts.Where(h => h.Node is not null))
            {
                using var client = IscsiHostClient.Open(catalog, host.HostNumber, new IscsiClientOptions { Transport = new RecordingTransport(san.Transport, iscsi) });
                foreach (var (_, call) in Workload.IscsiCalls) await Workload.TryAsync(() => call(client));
            }
        }
        return new Corpus(exchanges, fc, iscsi, ScenarioLoader.ToJson(ScenarioLoader.Resolve("lab")));
    }
}
