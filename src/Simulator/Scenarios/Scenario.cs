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
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<SwitchSpec> Switches { get; set; } = [];
    public List<IslSpec> Isls { get; set; } = [];
    public List<HostSpec> Hosts { get; set; } = [];
    [JsonPropertyName("nports")]
    public List<NPortSpec> NPorts { get; set; } = [];
    public ZoningSpec? Zoning { get; set; }
    public List<FaultSpec> Faults { get; set; } = [];
    public List<IscsiHostSpec> IscsiHosts { get; set; } = [];
    /// <summary>Name server behaviour for large fabrics (optional).</summary>
    public NameServerSpec? NameServer { get; set; }
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
    public string Vendor { get; set; } = "Linux";
    public string Product { get; set; } = "scsi_debug";
    public string Revision { get; set; } = "0191";
}

/// <summary>A switch (one domain).</summary>
public sealed class SwitchSpec
{
    public int Domain { get; set; }
    public string? Name { get; set; }
    /// <summary>Switch WWN (also its fabric name when it is the principal switch: the lowest domain).</summary>
    public string Wwn { get; set; } = "";
    public int Ports { get; set; } = 16;
    public string? Vendor { get; set; }
    public string? Model { get; set; }
    public string? FirmwareVersion { get; set; }
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
}

/// <summary>An inter-switch link between two switch ports (E_Ports).</summary>
public sealed class IslSpec
{
    public int FromDomain { get; set; }
    public int FromPort { get; set; }
    public int ToDomain { get; set; }
    public int ToPort { get; set; }
}

/// <summary>An HBA port of the machine BsgKit runs on: becomes fc_hostN (and its rports) in the simulated sysfs.</summary>
public sealed class HostSpec
{
    public int Host { get; set; }
    /// <summary>proc_name: fcoe, bnx2fc, qedf (libfc), lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic.</summary>
    public string Driver { get; set; } = "";
    public string Wwpn { get; set; } = "";
    public string Wwnn { get; set; } = "";
    public int Domain { get; set; }
    public int Port { get; set; }
    public string? SymbolicName { get; set; }
    public string Speed { get; set; } = "16 Gbit";
    public string? SupportedSpeeds { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? SerialNumber { get; set; }
    public string? FirmwareVersion { get; set; }
    public string? DriverVersion { get; set; }
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

public sealed class NpivSpec
{
    public int Host { get; set; }
    public string Wwpn { get; set; } = "";
    public string Wwnn { get; set; } = "";
}

/// <summary>A port in the fabric that is not one of ours: a storage target, another initiator, a tape.</summary>
public sealed class NPortSpec
{
    public string Wwpn { get; set; } = "";
    public string Wwnn { get; set; } = "";
    public int Domain { get; set; }
    public int Port { get; set; }
    /// <summary>Low byte of the FC ID (non-zero for NPIV logins behind one switch port).</summary>
    public int Alpa { get; set; }
    /// <summary>"target", "initiator", or both.</summary>
    public List<string> Roles { get; set; } = ["target"];
    /// <summary>FC-4 types by name: "FCP", "NVMe", "IP", "FC-SB".</summary>
    public List<string> Fc4Types { get; set; } = ["FCP"];
    public string? SymbolicPortName { get; set; }
    public string? SymbolicNodeName { get; set; }
    public string Speed { get; set; } = "16 Gbit";
    public bool Online { get; set; } = true;
    public LesbSpec? Lesb { get; set; }
    public SfpSpec? Sfp { get; set; }
    public RnidSpec? Rnid { get; set; }
}

/// <summary>Link error status block counters (what RLS and RDP report).</summary>
public sealed class LesbSpec
{
    public uint LinkFailure { get; set; }
    public uint LossOfSync { get; set; }
    public uint LossOfSignal { get; set; }
    public uint PrimitiveSequenceError { get; set; }
    public uint InvalidTransmissionWord { get; set; }
    public uint InvalidCrc { get; set; }
}

/// <summary>SFP optics for RDP, in engineering units.</summary>
public sealed class SfpSpec
{
    public double TemperatureC { get; set; } = 38.5;
    public double VoltageV { get; set; } = 3.3;
    public double TxBiasMa { get; set; } = 7.2;
    public double TxPowerUw { get; set; } = 560;
    public double RxPowerUw { get; set; } = 480;
    public string Vendor { get; set; } = "FINISAR CORP.";
    public string PartNumber { get; set; } = "FTLF8529P4BCV";
    public string SerialNumber { get; set; } = "PUA1234567";
    public string Revision { get; set; } = "A";
    public int WavelengthNm { get; set; } = 850;
    /// <summary>Manufacturing date code as SFF-8472 writes it (YYMMDD plus lot), reported by RDP.</summary>
    public string DateCode { get; set; } = "230614";
}

public sealed class RnidSpec
{
    public string VendorUniqueName { get; set; } = "BSGKITSIM";
    public string Manufacturer { get; set; } = "SIM";
    public string Model { get; set; } = "000001";
    public string SerialNumber { get; set; } = "000000000001";
    public string Plant { get; set; } = "01";
    public int NodeType { get; set; } = 2;
}

public sealed class ZoningSpec
{
    /// <summary>When false every port sees every other port (no zoning in effect).</summary>
    public bool Enforced { get; set; } = true;
    public string? ActiveZoneSet { get; set; }
    public List<ZoneSetSpec> ZoneSets { get; set; } = [];
    public List<ZoneSpec> Zones { get; set; } = [];
}

public sealed class ZoneSetSpec
{
    public string Name { get; set; } = "";
    public List<string> Zones { get; set; } = [];
}

public sealed class ZoneSpec
{
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
    public int Explanation { get; set; }
    /// <summary>busy: "fabric" (F_BSY) or "port" (P_BSY); reject: "els", "ct", "fabric", "port".</summary>
    public string? Scope { get; set; }
    /// <summary>truncate: bytes kept; linkErrors: counter increment.</summary>
    public int Amount { get; set; }
}

public sealed class IscsiHostSpec
{
    public int Host { get; set; }
    /// <summary>qla4xxx, be2iscsi, or iscsi_tcp (software: no bsg node).</summary>
    public string Driver { get; set; } = "";
    public string InitiatorName { get; set; } = "";
    public string? IpAddress { get; set; }
    public string? HwAddress { get; set; }
    public string? NetDev { get; set; }
    public string PortState { get; set; } = "LINK_UP";
    public string? PortSpeed { get; set; }
    /// <summary>Flash image as hex (or "fill:SIZE:BYTE"); default fill:65536:ff.</summary>
    public string? Flash { get; set; }
    /// <summary>NVRAM image (qla4xxx) as hex or fill; default fill:512:00.</summary>
    public string? Nvram { get; set; }
    /// <summary>qla4xxx primary address control block (GET_ACB) as hex or fill; default 768 zero bytes.</summary>
    public string? Acb { get; set; }
    /// <summary>qla4xxx QL_DIAG_CMD_* test codes that report failure (DIAG_TEST).</summary>
    public List<uint> FailingDiagTests { get; set; } = [];

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
