using System.Text.Json;
using System.Text.Json.Serialization;

namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// A simulated SAN, as a JSON scenario file describes it. Plain settable records so System.Text.Json's source
/// generator can read and write them; <see cref="ScenarioValidator"/> checks everything and names the field.
/// The schema is documented in docs/scenario-schema.md.
/// </summary>
public sealed class Scenario
{
    /// <summary>The scenario's name: what <c>--simulate NAME</c> and <c>sim list</c> show.</summary>
    public string Name { get; set; } = "";
    /// <summary>One line saying what the scenario is for (shown by <c>sim list</c>).</summary>
    public string? Description { get; set; }
    /// <summary>The fabric's switches, one domain each.</summary>
    public List<SwitchSpec> Switches { get; set; } = [];
    /// <summary>Inter-switch links (E_Port to E_Port).</summary>
    public List<IslSpec> Isls { get; set; } = [];
    /// <summary>The local FC HBA ports: each becomes /sys/class/fc_host/hostN and /dev/bsg/fc_hostN.</summary>
    public List<HostSpec> Hosts { get; set; } = [];
    /// <summary>The other N_Ports in the fabric (targets, initiators); JSON field <c>nports</c>.</summary>
    [JsonPropertyName("nports")]
    public List<NPortSpec> NPorts { get; set; } = [];
    /// <summary>The zone server's database and which zone set is active; null for no zoning.</summary>
    public ZoningSpec? Zoning { get; set; }
    /// <summary>Faults injected on matching requests, in order.</summary>
    public List<FaultSpec> Faults { get; set; } = [];
    /// <summary>iSCSI hosts: /sys/class/iscsi_host/hostN and, for offload drivers, /dev/bsg/iscsi_hostN.</summary>
    public List<IscsiHostSpec> IscsiHosts { get; set; } = [];
    /// <summary>Name server behaviour for large fabrics (optional).</summary>
    public NameServerSpec? NameServer { get; set; }
    /// <summary>A latency model (service time per CT request, name-server rate limit); off when absent. Implies real delays.</summary>
    public LatencySpec? Latency { get; set; }
    /// <summary>Sleep for simulated latencies instead of only advancing the simulated clock.</summary>
    public bool RealDelays { get; set; }

    /// <summary>The simulated caller lacks CAP_SYS_RAWIO: every SG_IO fails with EPERM (docs/reference/kernel-rules.md #7).</summary>
    public bool CallerLacksCapSysRawio { get; set; }
    /// <summary>
    /// FCoE VN2VN: the hosts (libfc drivers only) talk to each other point-to-point over one Ethernet segment with
    /// no fabric services — no name server, no management server, no F_Port — so HST_CT to 0xFFFFFC is EINVAL at
    /// once, port IDs are 0x00 + the WWPN's low 16 bits (the MAC's), and ELS to a host port is answered by
    /// libfc's receive path. The one switch the schema needs only places the ports. Default false.
    /// </summary>
    public bool Vn2vn { get; set; }
    /// <summary>A scsi_debug-like SCSI host with one LUN: its own bsg node HOST:0:0:0 (optional).</summary>
    public ScsiDebugSpec? ScsiDebug { get; set; }
}

/// <summary>A scsi_debug-like SCSI host: one disk LUN answering INQUIRY and TEST UNIT READY.</summary>
public sealed class ScsiDebugSpec
{
    /// <summary>SCSI host number (the node is /dev/bsg/HOST:0:0:0).</summary>
    public int Host { get; set; }
    /// <summary>INQUIRY T10 vendor identification (8 bytes, space padded).</summary>
    public string Vendor { get; set; } = "Linux";
    /// <summary>INQUIRY product identification (16 bytes, space padded).</summary>
    public string Product { get; set; } = "scsi_debug";
    /// <summary>INQUIRY product revision level (4 bytes).</summary>
    public string Revision { get; set; } = "0191";
}

/// <summary>A switch (one domain).</summary>
public sealed class SwitchSpec
{
    /// <summary>Domain ID (1-239): the upper byte of every FC ID behind this switch.</summary>
    public int Domain { get; set; }
    /// <summary>Symbolic switch name (FCS/GS interconnect element name); null for none.</summary>
    public string? Name { get; set; }
    /// <summary>Switch WWN (also its fabric name when it is the principal switch: the lowest domain).</summary>
    public string Wwn { get; set; } = "";
    /// <summary>Number of switch ports (area byte 0..Ports-1).</summary>
    public int Ports { get; set; } = 16;
    /// <summary>Vendor reported by the configuration server; null for a default.</summary>
    public string? Vendor { get; set; }
    /// <summary>Model reported by the configuration server; null for a default.</summary>
    public string? Model { get; set; }
    /// <summary>Firmware version reported by the configuration server; null for a default.</summary>
    public string? FirmwareVersion { get; set; }
    /// <summary>Management IP address (GMAL / GIEIL); null for none.</summary>
    public string? IpAddress { get; set; }
}

/// <summary>Name server limits, for testing how clients cope with large fabrics.</summary>
public sealed class NameServerSpec
{
    /// <summary>
    /// Largest number of entries one GID_FT / GPN_FT / GNN_FT / GID_PT may return; a larger answer is rejected with
    /// reason 0x04 (invalid CT_IU size) so clients retry with a domain or area scope. 0 = no cap.
    /// </summary>
    public int MaxEntriesPerQuery { get; set; }

    /// <summary>Name-server commands (names as in the code tables: "GA_NXT", "GID_FF", "GID_PT" …) this name server answers
    /// with "command not supported", as an older switch would; discovery must fall back.</summary>
    public List<string> UnsupportedCommands { get; set; } = [];
}

/// <summary>
/// How long the fabric takes, for benchmarks that show discovery as a real fabric would give it: real switches answer
/// name-server queries in about a millisecond and throttle bursts. Any non-zero field turns on real delays.
/// </summary>
public sealed class LatencySpec
{
    /// <summary>Service time of every CT request (name server and management server), microseconds; 0 = the default 400 µs, simulated only.</summary>
    public int CtServiceTimeUs { get; set; }

    /// <summary>The most name-server requests the fabric serves per second; more wait their turn. 0 = no limit.</summary>
    public int NameServerRequestsPerSecond { get; set; }

    /// <summary>True when the model changes anything.</summary>
    public bool IsOn => CtServiceTimeUs > 0 || NameServerRequestsPerSecond > 0;
}

/// <summary>An inter-switch link between two switch ports (E_Ports).</summary>
public sealed class IslSpec
{
    /// <summary>Domain of the switch at one end.</summary>
    public int FromDomain { get; set; }
    /// <summary>Switch port number at that end.</summary>
    public int FromPort { get; set; }
    /// <summary>Domain of the switch at the other end.</summary>
    public int ToDomain { get; set; }
    /// <summary>Switch port number at the other end.</summary>
    public int ToPort { get; set; }
}

/// <summary>An HBA port of the machine BsgKit runs on: becomes fc_hostN (and its rports) in the simulated sysfs.</summary>
public sealed class HostSpec
{
    /// <summary>SCSI host number N of fc_hostN.</summary>
    public int Host { get; set; }
    /// <summary>proc_name: fcoe, bnx2fc, qedf (libfc), lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic.</summary>
    public string Driver { get; set; } = "";
    /// <summary>Port name (WWPN): 16 hex digits, <c>0x</c> optional, or colon-separated pairs.</summary>
    public string Wwpn { get; set; } = "";
    /// <summary>Node name (WWNN), written as <see cref="Wwpn"/>.</summary>
    public string Wwnn { get; set; } = "";
    /// <summary>Domain of the switch the host is logged in through.</summary>
    public int Domain { get; set; }
    /// <summary>Switch port number (area byte of its FC ID).</summary>
    public int Port { get; set; }
    /// <summary>fc_host symbolic_name (and its RSPN_ID); null for the driver's default.</summary>
    public string? SymbolicName { get; set; }
    /// <summary>fc_host speed as sysfs writes it ("16 Gbit").</summary>
    public string Speed { get; set; } = "16 Gbit";
    /// <summary>fc_host supported_speeds ("4 Gbit, 8 Gbit, 16 Gbit"); null for the driver's default.</summary>
    public string? SupportedSpeeds { get; set; }
    /// <summary>FDMI / fc_host manufacturer; null for the driver's default.</summary>
    public string? Manufacturer { get; set; }
    /// <summary>FDMI / fc_host model; null for the driver's default.</summary>
    public string? Model { get; set; }
    /// <summary>FDMI / fc_host serial number; null for a default.</summary>
    public string? SerialNumber { get; set; }
    /// <summary>FDMI / fc_host firmware version; null for a default.</summary>
    public string? FirmwareVersion { get; set; }
    /// <summary>FDMI / fc_host driver version; null for a default.</summary>
    public string? DriverVersion { get; set; }
    /// <summary>fc_host port_state: Online, Linkdown, Offline or Blocked.</summary>
    public string PortState { get; set; } = "Online";
    /// <summary>NPIV virtual ports created on this host (each becomes another fc_host).</summary>
    public List<NpivSpec> Npiv { get; set; } = [];
    /// <summary>Register the host with FDMI (RHBA/RPA) at fabric login, as most drivers do.</summary>
    public bool RegisterFdmi { get; set; } = true;
    /// <summary>Local link error counters (fc_host statistics).</summary>
    public LesbSpec? Lesb { get; set; }
    /// <summary>More fc_host statistics files by name (tx_frames, fpin_li, fpin_cn_credit_stall …), written as 0x%llx.</summary>
    public Dictionary<string, ulong>? Statistics { get; set; }
}

/// <summary>An NPIV virtual port (vport) on a host: another fc_host logged in with FDISC.</summary>
public sealed class NpivSpec
{
    /// <summary>SCSI host number of the virtual port's fc_host.</summary>
    public int Host { get; set; }
    /// <summary>The virtual port's port name (WWPN).</summary>
    public string Wwpn { get; set; } = "";
    /// <summary>The virtual port's node name (WWNN).</summary>
    public string Wwnn { get; set; } = "";
}

/// <summary>A port in the fabric that is not one of ours: a storage target, another initiator, a tape.</summary>
public sealed class NPortSpec
{
    /// <summary>Port name (WWPN).</summary>
    public string Wwpn { get; set; } = "";
    /// <summary>Node name (WWNN).</summary>
    public string Wwnn { get; set; } = "";
    /// <summary>Domain of the switch it is attached to.</summary>
    public int Domain { get; set; }
    /// <summary>Switch port number (area byte of its FC ID).</summary>
    public int Port { get; set; }
    /// <summary>Low byte of the FC ID (non-zero for NPIV logins behind one switch port).</summary>
    public int Alpa { get; set; }
    /// <summary>"target", "initiator", or both.</summary>
    public List<string> Roles { get; set; } = ["target"];
    /// <summary>FC-4 types by name: "FCP", "NVMe", "IP", "FC-SB".</summary>
    public List<string> Fc4Types { get; set; } = ["FCP"];
    /// <summary>Symbolic port name registered with the name server (GSPN_ID); null for none.</summary>
    public string? SymbolicPortName { get; set; }
    /// <summary>Symbolic node name registered with the name server (GSNN_NN); null for none.</summary>
    public string? SymbolicNodeName { get; set; }
    /// <summary>Port speed as sysfs writes it ("16 Gbit").</summary>
    public string Speed { get; set; } = "16 Gbit";
    /// <summary>False: the remote port is Blocked/Not Present and requests to it fail as the driver makes them fail.</summary>
    public bool Online { get; set; } = true;
    /// <summary>Link error counters RLS and RDP report; null for zeros.</summary>
    public LesbSpec? Lesb { get; set; }
    /// <summary>SFP optics RDP reports; null for defaults.</summary>
    public SfpSpec? Sfp { get; set; }
    /// <summary>Node identification data RNID reports; null for defaults.</summary>
    public RnidSpec? Rnid { get; set; }
}

/// <summary>Link error status block counters (what RLS and RDP report).</summary>
public sealed class LesbSpec
{
    /// <summary>Link failure count (LESB word 0).</summary>
    public uint LinkFailure { get; set; }
    /// <summary>Loss-of-synchronization count (LESB word 1).</summary>
    public uint LossOfSync { get; set; }
    /// <summary>Loss-of-signal count (LESB word 2).</summary>
    public uint LossOfSignal { get; set; }
    /// <summary>Primitive sequence protocol error count (LESB word 3).</summary>
    public uint PrimitiveSequenceError { get; set; }
    /// <summary>Invalid transmission word count (LESB word 4).</summary>
    public uint InvalidTransmissionWord { get; set; }
    /// <summary>Invalid CRC count (LESB word 5).</summary>
    public uint InvalidCrc { get; set; }
}

/// <summary>SFP optics for RDP, in engineering units.</summary>
public sealed class SfpSpec
{
    /// <summary>Module temperature, °C.</summary>
    public double TemperatureC { get; set; } = 38.5;
    /// <summary>Supply voltage, V.</summary>
    public double VoltageV { get; set; } = 3.3;
    /// <summary>Transmitter bias current, mA.</summary>
    public double TxBiasMa { get; set; } = 7.2;
    /// <summary>Transmitted optical power, µW.</summary>
    public double TxPowerUw { get; set; } = 560;
    /// <summary>Received optical power, µW.</summary>
    public double RxPowerUw { get; set; } = 480;
    /// <summary>SFF-8472 vendor name (16 characters).</summary>
    public string Vendor { get; set; } = "FINISAR CORP.";
    /// <summary>SFF-8472 vendor part number.</summary>
    public string PartNumber { get; set; } = "FTLF8529P4BCV";
    /// <summary>SFF-8472 vendor serial number.</summary>
    public string SerialNumber { get; set; } = "PUA1234567";
    /// <summary>SFF-8472 vendor revision.</summary>
    public string Revision { get; set; } = "A";
    /// <summary>Laser wavelength, nm (850 for short-wave multimode).</summary>
    public int WavelengthNm { get; set; } = 850;
    /// <summary>Manufacturing date code as SFF-8472 writes it (YYMMDD plus lot), reported by RDP.</summary>
    public string DateCode { get; set; } = "230614";
}

/// <summary>What a port answers to RNID (FC-LS node identification: general topology-specific data).</summary>
public sealed class RnidSpec
{
    /// <summary>Vendor-unique node name (the RNID common identification data).</summary>
    public string VendorUniqueName { get; set; } = "BSGKITSIM";
    /// <summary>Manufacturer (3 characters).</summary>
    public string Manufacturer { get; set; } = "SIM";
    /// <summary>Model number (6 characters).</summary>
    public string Model { get; set; } = "000001";
    /// <summary>Serial number (12 characters).</summary>
    public string SerialNumber { get; set; } = "000000000001";
    /// <summary>Plant of manufacture (2 characters).</summary>
    public string Plant { get; set; } = "01";
    /// <summary>RNID node type code (2 = storage).</summary>
    public int NodeType { get; set; } = 2;
}

/// <summary>The zone server's database: zone sets, zones and which set is active.</summary>
public sealed class ZoningSpec
{
    /// <summary>When false every port sees every other port (no zoning in effect).</summary>
    public bool Enforced { get; set; } = true;
    /// <summary>Name of the active zone set (one of <see cref="ZoneSets"/>); null for none.</summary>
    public string? ActiveZoneSet { get; set; }
    /// <summary>The defined zone sets.</summary>
    public List<ZoneSetSpec> ZoneSets { get; set; } = [];
    /// <summary>The defined zones, referred to by name from the zone sets.</summary>
    public List<ZoneSpec> Zones { get; set; } = [];
}

/// <summary>A zone set: a named list of zones.</summary>
public sealed class ZoneSetSpec
{
    /// <summary>Zone set name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Names of the zones it holds.</summary>
    public List<string> Zones { get; set; } = [];
}

/// <summary>A zone: ports that may see each other.</summary>
public sealed class ZoneSpec
{
    /// <summary>Zone name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Members as WWPNs (0x… or colon form) or FC IDs ("fcid:0x010200").</summary>
    public List<string> Members { get; set; } = [];
}

/// <summary>
/// A fault injected on matching requests. Kind is one of: timeout, busy, reject, blocked, offline, truncate,
/// drop, linkErrors, disappear. Matching narrows by target and command; Count limits how often it fires.
/// </summary>
public sealed class FaultSpec
{
    /// <summary>The fault: timeout, busy, reject, blocked, offline, truncate, drop, linkErrors or disappear.</summary>
    public string Kind { get; set; } = "";
    /// <summary>WWPN or FC ID of the port (or well-known address) the fault applies to; null for all.</summary>
    public string? Target { get; set; }
    /// <summary>ELS or CT command name ("RLS", "GPN_ID" …); null for all.</summary>
    public string? Command { get; set; }
    /// <summary>How many times the fault fires; 0 = every time.</summary>
    public int Count { get; set; }
    /// <summary>Skip this many matching requests before the fault fires.</summary>
    public int After { get; set; }
    /// <summary>timeout: "etimedout" or "ioerr" (default: what the personality does).</summary>
    public string? Mode { get; set; }
    /// <summary>reject / busy: reason and explanation codes.</summary>
    public int Reason { get; set; }
    /// <summary>reject: the reason code explanation.</summary>
    public int Explanation { get; set; }
    /// <summary>busy: "fabric" (F_BSY) or "port" (P_BSY); reject: "els", "ct", "fabric", "port".</summary>
    public string? Scope { get; set; }
    /// <summary>truncate: bytes kept; linkErrors: counter increment.</summary>
    public int Amount { get; set; }
}

/// <summary>An iSCSI host: /sys/class/iscsi_host/hostN, with a bsg node for the offload drivers.</summary>
public sealed class IscsiHostSpec
{
    /// <summary>SCSI host number N of iscsi_hostN.</summary>
    public int Host { get; set; }
    /// <summary>qla4xxx, be2iscsi, or iscsi_tcp (software: no bsg node).</summary>
    public string Driver { get; set; } = "";
    /// <summary>initiatorname in sysfs (an iqn.… name).</summary>
    public string InitiatorName { get; set; } = "";
    /// <summary>ipaddress in sysfs; null for none.</summary>
    public string? IpAddress { get; set; }
    /// <summary>hwaddress (MAC) in sysfs; null for none.</summary>
    public string? HwAddress { get; set; }
    /// <summary>netdev in sysfs; null for none.</summary>
    public string? NetDev { get; set; }
    /// <summary>port_state in sysfs (LINK_UP, LINK_DOWN).</summary>
    public string PortState { get; set; } = "LINK_UP";
    /// <summary>port_speed in sysfs; null for none.</summary>
    public string? PortSpeed { get; set; }
    /// <summary>Flash image as hex (or "fill:SIZE:BYTE"); default fill:65536:ff.</summary>
    public string? Flash { get; set; }
    /// <summary>NVRAM image (qla4xxx) as hex or fill; default fill:512:00.</summary>
    public string? Nvram { get; set; }
    /// <summary>qla4xxx primary address control block (GET_ACB) as hex or fill; default 768 zero bytes.</summary>
    public string? Acb { get; set; }
    /// <summary>qla4xxx QL_DIAG_CMD_* test codes that report failure (DIAG_TEST).</summary>
    public List<uint> FailingDiagTests { get; set; } = [];

    /// <summary>Default images: flash 64 KiB of 0xFF, NVRAM 512 zero bytes, ACB 768 zero bytes.</summary>
    public const string DefaultFlash = "fill:65536:ff", DefaultNvram = "fill:512:00", DefaultAcb = "fill:768:00";
}

/// <summary>Scenario byte images: an even-length hex string, or fill:SIZE:HEXBYTE.</summary>
public static class ScenarioImage
{
    /// <summary>The image as a lazily allocated device image (what the simulator uses).</summary>
    public static Kernel.SimImage Load(string image)
    {
        if (image.StartsWith("fill:", StringComparison.Ordinal))
        {
            var parts = image.Split(':');
            return Kernel.SimImage.Filled(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture),
                byte.Parse(parts[2], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture));
        }
        return Kernel.SimImage.Of(Convert.FromHexString(image));
    }

    /// <summary>The declared size without allocating it (0 when malformed: the validator reports that).</summary>
    public static long SizeOf(string image)
    {
        if (!image.StartsWith("fill:", StringComparison.Ordinal)) return image.Length / 2;
        var parts = image.Split(':');
        return parts.Length == 3 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0;
    }

    /// <summary>Every byte of the image (for tests and small images).</summary>
    public static byte[] Parse(string image) => Load(image).ToArray();
}

/// <summary>The System.Text.Json source-generated reader and writer of <see cref="Scenario"/> (camelCase fields, comments and trailing commas allowed, unknown fields an error).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    WriteIndented = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    RespectNullableAnnotations = true)] // "wwpn": null is a JSON error naming the field, not a crash later
[JsonSerializable(typeof(Scenario))]
public sealed partial class ScenarioJsonContext : JsonSerializerContext;
