using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace BsgKit.Tool.Help;

/// <summary>One example of a command: the command line as typed, and what it shows.</summary>
internal sealed record HelpExample(string CommandLine, string What)
{
    /// <summary>
    /// Runs in the tests as written (in process, expecting exit 0): every example on the simulated SAN does. Examples that
    /// need root, a network interface or a pipe say <c>Runs = false</c>, and so must one that serves until interrupted.
    /// </summary>
    public bool Runs { get; init; } = true;
}

/// <summary>
/// The examples under every command's --help and in the man page, in one table keyed by command path ("" is bsgkit
/// itself, "ns gpn-id" …). A new command needs its entry here: the tests fail naming the command path that has none.
/// </summary>
internal static class HelpExamples
{
    private static HelpExample Ex(string commandLine, string what) => new(commandLine, what);
    private static HelpExample Root(string commandLine, string what) => new(commandLine, what) { Runs = false };

    private const string Lab = "bsgkit --simulate lab";
    private const string Array1Id = "0x010a00", Array1Wwpn = "0x500507680b214ac1", Array1Wwnn = "0x500507680b004ac1";
    private const string Host1Wwpn = "0x10000090fa8c0a01";

    public static IReadOnlyDictionary<string, HelpExample[]> Table { get; } = new Dictionary<string, HelpExample[]>
    {
        [""] =
        [
            Ex($"{Lab} discover", "the whole simulated lab fabric as seen from host1 (no HBA needed)"),
            Root("sudo bsgkit list", "the FC and iSCSI hosts, remote ports and bsg nodes of this machine"),
        ],
        ["list"] =
        [
            Ex($"{Lab} list", "FC hosts, remote ports (rport-H:C-N) and iSCSI hosts of the lab scenario"),
            Ex($"{Lab} list -H host2 -o json", "one host and its remote ports, as JSON"),
        ],
        ["info"] =
        [
            Ex($"{Lab} info host1", "everything sysfs says about host1, with its remote ports"),
            Ex($"{Lab} info -H all -o json", "every FC host, one JSON document each in an array"),
        ],
        ["ns"] =
        [
            Ex($"{Lab} ns gpn-ft", "every N_Port the name server knows, with its WWPN"),
            Ex($"{Lab} ns gpn-id {Array1Id} 0x010b00", "the port names of two FC IDs in one call"),
        ],
        ["ns gpn-id"] = [Ex($"{Lab} ns gpn-id {Array1Id} 0x010b00", "the port name (WWPN) of each FC ID")],
        ["ns gnn-id"] = [Ex($"{Lab} ns gnn-id {Array1Id}", "the node name (WWNN) of an FC ID")],
        ["ns gspn-id"] = [Ex($"{Lab} ns gspn-id {Array1Id}", "the symbolic port name a port registered")],
        ["ns gsnn-nn"] = [Ex($"{Lab} ns gsnn-nn {Array1Wwnn}", "the symbolic node name of a node (WWNN)")],
        ["ns gff-id"] = [Ex($"{Lab} ns gff-id {Array1Id}", "the FC-4 features: is the port an FCP initiator, a target?")],
        ["ns gft-id"] = [Ex($"{Lab} ns gft-id {Array1Id}", "the FC-4 types the port registered (FCP, NVMe …)")],
        ["ns gpt-id"] = [Ex($"{Lab} ns gpt-id {Array1Id}", "the port type (N_Port, NL_Port …)")],
        ["ns gid-pn"] = [Ex($"{Lab} ns gid-pn {Array1Wwpn}", "the FC ID of a WWPN")],
        ["ns gid-nn"] = [Ex($"{Lab} ns gid-nn {Array1Wwnn}", "the FC IDs of every port of a node")],
        ["ns ga-nxt"] = [Ex($"{Lab} ns ga-nxt 0x010100", "everything about the next port after an FC ID (walks the name server)")],
        ["ns gid-ft"] = [Ex($"{Lab} ns gid-ft", "the FC IDs of every FCP port"), Ex($"{Lab} ns gid-ft -o json", "the same as JSON, with complete: true|false")],
        ["ns gpn-ft"] = [Ex($"{Lab} ns gpn-ft", "every FCP port with its WWPN")],
        ["ns gnn-ft"] = [Ex($"{Lab} ns gnn-ft", "every FCP port with its WWNN")],
        ["ns gid-pt"] = [Ex($"{Lab} ns gid-pt", "the FC IDs of every N_Port")],
        ["ns gfpn-id"] = [Ex($"{Lab} ns gfpn-id {Array1Id}", "the switch port (fabric port name) a port is attached to")],
        ["ns gcs-id"] = [Ex($"{Lab} ns gcs-id {Array1Id}", "the classes of service a port supports")],
        ["fdmi"] = [Ex($"{Lab} fdmi list", "the HBAs registered with the management server")],
        ["fdmi list"] = [Ex($"{Lab} fdmi list", "the identifiers of every registered HBA")],
        ["fdmi hba"] = [Ex($"{Lab} fdmi hba {Host1Wwpn}", "an HBA's attributes (model, firmware, driver …) and its ports")],
        ["fdmi port"] = [Ex($"{Lab} fdmi port {Host1Wwpn}", "a port's attributes: speed, state, FC-4 types, frame size")],
        ["fcs"] = [Ex($"{Lab} fcs list", "the switches of the fabric")],
        ["fcs list"] = [Ex($"{Lab} fcs list", "every switch: domain, WWN, name, vendor, model, management address")],
        ["fcs ports"] = [Ex($"{Lab} fcs ports 0x100000051e0a0001", "the ports of switch lab-sw-a and what is attached to each")],
        ["fcs port"] = [Ex($"{Lab} fcs port {Array1Wwpn}", "port type, speed and state of a port as the fabric sees it")],
        ["fcs ping"] = [Ex($"{Lab} fcs ping {Array1Id} -c 3 -i 0", "fabric ping (FPNG) of a port, three times")],
        ["zone"] = [Ex($"{Lab} zone active", "the active zone set with its zones and members")],
        ["zone active"] = [Ex($"{Lab} zone active", "the active zone set"), Ex($"{Lab} zone active -o json", "the same as JSON")],
        ["zone set"] = [Ex($"{Lab} zone set lab_cfg", "one zone set of the zone database with its zones")],
        ["zone sets"] = [Ex($"{Lab} zone sets", "the zone sets of the zone database")],
        ["zone zones"] = [Ex($"{Lab} zone zones lab_cfg", "the zones of a zone set")],
        ["zone members"] = [Ex($"{Lab} zone members z_host1_arrays", "the members of a zone")],
        ["zone caps"] = [Ex($"{Lab} zone caps", "what the zone server supports (hard zones, enhanced zoning …)")],
        ["els"] =
        [
            Ex($"{Lab} els ping -c 3 -i 0 {Array1Wwpn}", "three ELS ECHO round trips to a port"),
            Ex($"{Lab} els rdp rport-1:0-2", "the SFP optics of a remote port"),
        ],
        ["els echo"] = [Ex($"{Lab} els echo -c 3 -i 0 {Array1Id}", "three ECHO round trips with per-reply times and loss")],
        ["els ping"] = [Ex($"{Lab} els ping -c 3 -i 0 {Array1Wwpn}", "like ping(8): three round trips to a WWPN")],
        ["els rls"] = [Ex($"{Lab} els rls rport-1:0-2", "the link error counters of a remote port")],
        ["els rnid"] = [Ex($"{Lab} els rnid {Array1Id}", "node identification: WWPN, WWNN, vendor data, attached nodes")],
        ["els rpsc"] = [Ex($"{Lab} els rpsc {Array1Id}", "the supported and operating speeds of a port")],
        ["els adisc"] = [Ex($"{Lab} els adisc {Array1Id}", "a port's hard address, WWPN, WWNN and N_Port ID")],
        ["els rtv"] = [Ex($"{Lab} els rtv {Array1Id}", "a port's R_A_TOV, E_D_TOV and R_T_TOV")],
        ["els rdp"] = [Ex($"{Lab} els rdp rport-1:0-2", "SFP temperature, voltage, bias and power with alarm flags"), Ex($"{Lab} els rdp {Array1Id} -o json", "the same as JSON (value + unit)")],
        ["els lirr"] = [Ex($"{Lab} els lirr {Array1Id} --yes-i-mean-it", "register host1 for link incident records at a port (changes state)")],
        ["els rpl"] = [Ex($"{Lab} els rpl {Array1Id}", "the port list a port reports")],
        ["els rps"] = [Ex($"{Lab} els rps {Array1Id}", "a port's status and link error counters")],
        ["els srl"] = [Ex($"{Lab} els srl {Array1Id} --yes-i-mean-it", "ask for a scan of the remote loop (changes state)")],
        ["discover"] =
        [
            Ex($"{Lab} discover", "switches, ISLs and N_Ports of the fabric, with what every query said"),
            Root("bsgkit --simulate libfc discover -o dot | dot -Tsvg > fabric.svg", "the fabric drawn by Graphviz"),
        ],
        ["diff"] =
        [
            Root("bsgkit diff before.json after.json", "two `bsgkit discover -o json` snapshots: ports joined, left, moved or changed, switches, ISLs, zoning; exit 1 when they differ"),
            Root("bsgkit diff before.json after.json -o json", "the same as JSON, for a script"),
        ],
        ["check"] =
        [
            Ex($"{Lab} check ports", "a monitoring-plugins status line: are the remote ports online?"),
            Ex($"{Lab} check optics", "SFP readings of every remote port against the module's thresholds"),
        ],
        ["check optics"] = [Ex($"{Lab} check optics rport-1:0-2", "OK / WARNING / CRITICAL from one port's SFP readings, with perfdata")],
        ["check errors"] = [Root("bsgkit check errors --state /var/lib/bsgkit/errors.state -w 1 -c 10", "link error counters that went up since the previous run (the first run writes the state file)")],
        ["check ports"] = [Ex($"{Lab} check ports -w 1 -c 2", "WARNING when one remote port is not online, CRITICAL at two")],
        ["exporter"] =
        [
            Root("bsgkit --simulate lab exporter --listen 127.0.0.1:9780", "Prometheus metrics of the lab on http://127.0.0.1:9780/metrics until Ctrl-C"),
            Root("sudo bsgkit exporter --interval 30", "every FC host of this machine on :9780, refreshed every 30 s"),
        ],
        ["metrics"] =
        [
            Ex($"{Lab} metrics", "one refresh of the exporter's metrics, in Prometheus text format"),
            Root("sudo bsgkit metrics --output-file /var/lib/node_exporter/bsgkit.prom", "for node_exporter's textfile collector (from cron)"),
        ],
        ["raw"] = [Ex($"{Lab} raw --msgcode ct --dout 01000000fc020000011200000000000000010a00", "a GPN_ID CT_IU sent as bytes, the reply decoded")],
        ["vendor"] = [Ex($"{Lab} vendor 6", "an lpfc vendor command (GET_MGMT_REV) through FC_BSG_HST_VENDOR")],
        ["iscsi"] = [Ex("bsgkit --simulate=iscsi iscsi list", "the iSCSI hosts: qla4xxx, be2iscsi and software iSCSI")],
        ["iscsi list"] = [Ex("bsgkit --simulate=iscsi iscsi list", "iSCSI hosts with driver, state, IP address, initiator and bsg node")],
        ["iscsi vendor"] =
        [
            Ex("bsgkit --simulate=iscsi iscsi vendor host3 read-flash --offset 0x100 --length 64", "64 bytes of qla4xxx flash"),
            Ex("bsgkit --simulate=iscsi iscsi vendor host3 update-nvram --data 0102 --yes-i-mean-it", "a write: refused without the flag"),
        ],
        ["sim"] = [Ex("bsgkit sim list", "the built-in scenarios"), Ex("bsgkit sim show lab", "a scenario as JSON, to copy and edit")],
        ["sim list"] = [Ex("bsgkit sim list", "the built-in scenarios with a description each")],
        ["sim show"] = [Ex("bsgkit sim show lab", "the lab scenario as JSON (save it, edit it, pass the file to --simulate)")],
        ["sim generate"] = [Ex("bsgkit sim generate --nports 1000 --seed 7", "a generated fabric of 1,000 N_Ports as a scenario file")],
        ["sim run"] = [Root("sudo bsgkit sim run --scenario lab -- fcnsq host1 --gpn 0x010a00", "an unmodified program's SG_IO served by the simulated SAN")],
        ["man"] =
        [
            Root("bsgkit man | man -l -", "read the manual page"),
            Root("bsgkit man > ~/.local/share/man/man1/bsgkit.1", "install it for `man bsgkit`"),
        ],
        ["completion"] =
        [
            Root("source <(bsgkit completion bash)", "complete commands, options, scenarios, hosts and remote ports in this bash"),
            Root("bsgkit completion fish > ~/.config/fish/completions/bsgkit.fish", "the same for every new fish"),
        ],
        ["sim fcf"] = [Root("sudo bsgkit sim fcf --scenario lab -i veth-fcf", "the lab fabric as an FCoE switch on an Ethernet interface")],
    };

    /// <summary>The examples of a command, empty when it has none.</summary>
    public static IReadOnlyList<HelpExample> For(string path) => Table.TryGetValue(path, out var e) ? e : [];

    /// <summary>The "Examples:" section under a command's help.</summary>
    public static void Write(TextWriter output, string path)
    {
        var examples = For(path);
        if (examples.Count == 0) return;
        output.WriteLine("Examples:");
        foreach (var e in examples)
        {
            output.WriteLine($"  {e.CommandLine}");
            output.WriteLine($"      {e.What}");
        }
        output.WriteLine();
    }

    /// <summary>Puts the examples under the help of every command (the root's help option is recursive).</summary>
    public static void Attach(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        if (help.Action is HelpAction standard) help.Action = new WithExamples(standard);
    }

    /// <summary>The standard help, then the command's examples.</summary>
    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            Write(parseResult.InvocationConfiguration.Output, CommandTree.PathOf(parseResult));
            return code;
        }
    }
}
