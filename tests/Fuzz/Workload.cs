using BsgKit.Fc;
using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Discovery;
using BsgKit.Fc.Els;
using BsgKit.Iscsi.Clients;

namespace BsgKit.Fuzz;

/// <summary>
/// Every typed query the clients offer, as a list of calls against one host: what the corpus records, and what
/// the hostile-reply family replays with mutated completions. Each call may fail with a documented exception.
/// </summary>
internal static class Workload
{
    public sealed record Targets(FcId Target, Wwn TargetWwpn, Wwn TargetWwnn, Wwn Switch, Wwn HostWwpn, string? ZoneSet, string? Zone);

    public static IReadOnlyList<(string Name, Func<FcHostClient, Targets, Task> Call)> FcCalls { get; } =
    [
        ("GA_NXT", (c, t) => c.GaNxtAsync(new FcId(0)).AsTask()),
        ("GPN_ID", (c, t) => c.GpnIdAsync(t.Target).AsTask()),
        ("GNN_ID", (c, t) => c.GnnIdAsync(t.Target).AsTask()),
        ("GCS_ID", (c, t) => c.GcsIdAsync(t.Target).AsTask()),
        ("GFT_ID", (c, t) => c.GftIdAsync(t.Target).AsTask()),
        ("GSPN_ID", (c, t) => c.GspnIdAsync(t.Target).AsTask()),
        ("GPT_ID", (c, t) => c.GptIdAsync(t.Target).AsTask()),
        ("GFPN_ID", (c, t) => c.GfpnIdAsync(t.Target).AsTask()),
        ("GFF_ID", (c, t) => c.GffIdAsync(t.Target).AsTask()),
        ("GID_PN", (c, t) => c.GidPnAsync(t.TargetWwpn).AsTask()),
        ("GID_NN", (c, t) => c.GidNnAsync(t.TargetWwnn).AsTask()),
        ("GSNN_NN", (c, t) => c.GsnnNnAsync(t.TargetWwnn).AsTask()),
        ("GID_FT", (c, t) => c.GidFtAsync(new NsFc4TypeScope(Fc4Types.Fcp)).AsTask()),
        ("GPN_FT", (c, t) => c.GpnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp)).AsTask()),
        ("GNN_FT", (c, t) => c.GnnFtAsync(new NsFc4TypeScope(Fc4Types.Fcp)).AsTask()),
        ("GID_PT", (c, t) => c.GidPtAsync(new NsPortTypeScope(PortTypes.NPort)).AsTask()),
        ("RSPN_ID", (c, t) => c.RspnIdAsync(t.Target, "fuzz").AsTask()),
        ("GTIN", (c, t) => c.GtinAsync().AsTask()),
        ("GIEL", (c, t) => c.GielAsync().AsTask()),
        ("GIET", (c, t) => c.GietAsync(t.Switch).AsTask()),
        ("GDID", (c, t) => c.GdidAsync(t.Switch).AsTask()),
        ("GMID", (c, t) => c.GmidAsync(t.Switch).AsTask()),
        ("GFN", (c, t) => c.GfnAsync(t.Switch).AsTask()),
        ("GIELN", (c, t) => c.GielnAsync(t.Switch).AsTask()),
        ("GMAL", (c, t) => c.GmalAsync(t.Switch).AsTask()),
        ("GIEIL", (c, t) => c.GieilAsync(t.Switch).AsTask()),
        ("GPL", (c, t) => c.GplAsync(t.Switch).AsTask()),
        ("GPT", (c, t) => c.GptAsync(t.TargetWwpn).AsTask()),
        ("GPPN", (c, t) => c.GppnAsync(t.TargetWwpn).AsTask()),
        ("GAPNL", (c, t) => c.GapnlAsync(t.TargetWwpn).AsTask()),
        ("GPS", (c, t) => c.GpsAsync(t.TargetWwpn).AsTask()),
        ("GPSC", (c, t) => c.GpscAsync(t.TargetWwpn).AsTask()),
        ("FPNG", (c, t) => c.FpngAsync(t.Target, 1).AsTask()),
        ("GRHL", (c, t) => c.GrhlAsync().AsTask()),
        ("GHAT", (c, t) => c.GhatAsync(t.HostWwpn).AsTask()),
        ("GRPL", (c, t) => c.GrplAsync(t.HostWwpn).AsTask()),
        ("GPAT", (c, t) => c.GpatAsync(t.HostWwpn).AsTask()),
        ("GZC", (c, t) => c.GzcAsync().AsTask()),
        ("GEST", (c, t) => c.GestAsync().AsTask()),
        ("GZSN", (c, t) => c.GzsnAsync().AsTask()),
        ("GZD", (c, t) => c.GzdAsync(t.ZoneSet ?? "cfg").AsTask()),
        ("GZM", (c, t) => c.GzmAsync(t.Zone ?? "zone").AsTask()),
        ("GAZS", (c, t) => c.GazsAsync().AsTask()),
        ("GZS", (c, t) => c.GzsAsync(t.ZoneSet ?? "cfg").AsTask()),
        ("ECHO", (c, t) => c.EchoAsync(t.Target, new byte[] { 1, 2, 3, 4, 5, 6, 7, 8 }).AsTask()),
        ("RLS", (c, t) => c.RlsAsync(t.Target, t.Target).AsTask()),
        ("RNID", (c, t) => c.RnidAsync(t.Target).AsTask()),
        ("RNID common", (c, t) => c.RnidAsync(t.Target, RnidTypes.FormatCommonOnly).AsTask()),
        ("RPSC", (c, t) => c.RpscAsync(t.Target).AsTask()),
        ("ADISC", (c, t) => c.AdiscAsync(t.Target, new AdiscParameters(default, t.HostWwpn, t.HostWwpn, new FcId(0x010100))).AsTask()),
        ("RTV", (c, t) => c.RtvAsync(t.Target).AsTask()),
        ("RDP", (c, t) => c.RdpAsync(t.Target, t.Target).AsTask()),
        ("LIRR", (c, t) => c.LirrAsync(t.Target, new LirrRequest(1, 0)).AsTask()),
        ("SRL", (c, t) => c.SrlAsync(t.Target, new SrlRequest(0, 0)).AsTask()),
        ("RPL", (c, t) => c.RplAsync(t.Target, new RplRequest(8, 0)).AsTask()),
        ("RPS", (c, t) => c.RpsAsync(t.Target, RpsRequest.ForDestinationId()).AsTask()),
        ("discovery", async (c, t) => await FabricDiscovery.DiscoverAsync(c)),
    ];

    public static IReadOnlyList<(string Name, Func<IscsiHostClient, Task> Call)> IscsiCalls { get; } =
    [
        ("READ_FLASH", c => c.ReadFlashAsync(0x100, 64)),
        ("READ_NVRAM", c => c.ReadNvramAsync(0, 32)),
        ("GET_ACB_STATE", c => c.GetAcbStateAsync(0, 0)),
        ("GET_ACB", c => c.GetAcbAsync()),
        ("DIAG_TEST", c => c.DiagTestAsync(1)),
        ("READ_FLASH region", c => c.ReadFlashRegionAsync(1, 512, 2, 10, 100)),
    ];

    /// <summary>Where the calls go on a simulated SAN: its first N_Port, first switch, first host; its first zone set and zone.</summary>
    public static Targets For(Simulator.Scenarios.Scenario s)
    {
        var n = s.NPorts[0];
        return new Targets(new FcId((uint)(n.Domain << 16 | n.Port << 8 | n.Alpa)), Wwn.Parse(n.Wwpn), Wwn.Parse(n.Wwnn),
            Wwn.Parse(s.Switches[0].Wwn), Wwn.Parse(s.Hosts[0].Wwpn), s.Zoning?.ZoneSets.FirstOrDefault()?.Name, s.Zoning?.Zones.FirstOrDefault()?.Name);
    }

    /// <summary>Runs a call: answered, failed as documented (any <see cref="Bsg.BsgException"/>), or failed otherwise.</summary>
    public static async Task<(bool Documented, Exception? Failure)> TryAsync(Func<Task> call)
    {
        try
        {
            await call().ConfigureAwait(false);
            return (false, null);
        }
        catch (Bsg.BsgException)
        {
            return (true, null);
        }
        catch (Exception e)
        {
            return (false, e);
        }
    }
}
