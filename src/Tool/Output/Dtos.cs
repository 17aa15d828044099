using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Output;

// Output records: plain data, identifiers as strings ("0x010a00", "0x500507680b214ac1"), names from the code tables.
// The shapes are documented in docs/cli-json.md.

public sealed record ListDto(List<FcHostDto> FcHosts, List<RemotePortDto> RemotePorts, List<IscsiHostDto> IscsiHosts, List<string> Problems);

public sealed record FcHostDto(string Name, int Host)
{
    public string? Driver { get; init; }
    public string? Profile { get; init; }
    public string? State { get; init; }
    public string? PortId { get; init; }
    public string? Wwpn { get; init; }
    public string? Wwnn { get; init; }
    public string? PortType { get; init; }
    public string? Speed { get; init; }
    public string? SupportedSpeeds { get; init; }
    public string? FabricName { get; init; }
    public string? SymbolicName { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? SerialNumber { get; init; }
    public string? FirmwareVersion { get; init; }
    public string? DriverVersion { get; init; }
    public int? MaxFrameSize { get; init; }
    public string? BsgNode { get; init; }
    public string? BsgNote { get; init; }
    public List<RemotePortDto>? RemotePorts { get; init; }
    /// <summary>info: /sys/class/fc_host/hostN/statistics, keyed by file name (counters the driver does not keep are left out).</summary>
    public Dictionary<string, ulong>? Statistics { get; init; }
}

public sealed record RemotePortDto(string Name, int Host, IReadOnlyList<string> Roles)
{
    public string? State { get; init; }
    public string? PortId { get; init; }
    public string? Wwpn { get; init; }
    public string? Wwnn { get; init; }
    public int? ScsiTargetId { get; init; }
    public string? BsgNode { get; init; }
    public string? BsgNote { get; init; }
}

public sealed record IscsiHostDto(string Name, int Host)
{
    public string? Driver { get; init; }
    public string? State { get; init; }
    public string? Speed { get; init; }
    public string? NetDev { get; init; }
    public string? IpAddress { get; init; }
    public string? HwAddress { get; init; }
    public string? InitiatorName { get; init; }
    public string? BsgNode { get; init; }
    public string? BsgNote { get; init; }
    /// <summary>`iscsi list` only: the `iscsi vendor` commands the host's driver takes.</summary>
    public List<string>? Commands { get; init; }
}

public sealed record IscsiListDto(List<IscsiHostDto> IscsiHosts);

/// <summary>`iscsi vendor HOST COMMAND`: what was asked and what came back; bytes as hex or base64 per <see cref="Encoding"/>.</summary>
public sealed record IscsiVendorDto(string Host, string Driver, string Command)
{
    public string? BsgNode { get; init; }
    public uint? Region { get; init; }
    public uint? SectorSize { get; init; }
    public uint? Sector { get; init; }
    public string? Offset { get; init; }
    public string? Address { get; init; }
    public int? Length { get; init; }
    public string? AcbType { get; init; }
    public uint? AcbIndex { get; init; }
    public uint? IpIndex { get; init; }
    public string? IpState { get; init; }
    public string? Test { get; init; }
    public string? TestCode { get; init; }
    public bool? Passed { get; init; }
    public string? CommandStatus { get; init; }
    public List<string>? MailboxCommand { get; init; }
    public List<string>? MailboxStatus { get; init; }
    public uint? Field0 { get; init; }
    public uint? Field1 { get; init; }
    public bool? Written { get; init; }
    public bool? Verified { get; init; }
    public string? Encoding { get; init; }
    public string? Data { get; init; }
    public string? ReadBack { get; init; }
}

/// <summary>One answer (or failure) of a query with several arguments.</summary>
public sealed record AnswerStatus(bool Ok, string? Error, int ExitCode);

public sealed record NsReport(string Query, List<NsAnswer> Results)
{
    /// <summary>True when SIGINT/SIGTERM stopped it: the results are those answered before.</summary>
    public bool? Interrupted { get; init; }
}

public sealed record NsAnswer(string Host, string Argument, bool Ok)
{
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
    public string? PortId { get; init; }
    public string? PortName { get; init; }
    public string? NodeName { get; init; }
    public string? SymbolicPortName { get; init; }
    public string? SymbolicNodeName { get; init; }
    public int? PortType { get; init; }
    public string? PortTypeName { get; init; }
    public List<string>? Fc4Types { get; init; }
    public string? Fc4Features { get; init; }
    public bool? FcpTarget { get; init; }
    public bool? FcpInitiator { get; init; }
    public string? FabricPortName { get; init; }
    public string? ClassOfService { get; init; }
    public List<NsPortDto>? Ports { get; init; }
    public bool? Complete { get; init; }
}

public sealed record NsPortDto(string PortId, string? Name);

public sealed record PingReply(int Seq, bool Ok, double? RttMs, int Bytes)
{
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
}

public sealed record RttSummary(double Min, double Avg, double Max, double Mdev);

public sealed record LesbDto(uint LinkFailure, uint LossOfSync, uint LossOfSignal, uint PrimitiveSequenceProtocolError, uint InvalidTransmissionWord, uint InvalidCrc);

public sealed record ElsReport(string Host, string Command, string Destination)
{
    public bool Accepted { get; init; } = true;
    public double? DurationMs { get; init; }
    public LesbDto? Rls { get; init; }
    public RnidDto? Rnid { get; init; }
    public RpscDto? Rpsc { get; init; }
    public AdiscDto? Adisc { get; init; }
    public RtvDto? Rtv { get; init; }
    public RdpDto? Rdp { get; init; }
    public RplDto? Rpl { get; init; }
    public RpsDto? Rps { get; init; }
}

public sealed record RpscDto(List<SpeedDto> Ports);

public sealed record SpeedDto(int Capabilities, List<string> CapabilityNames, int Operating, string OperatingName);

public sealed record RnidDto(int Format, string FormatName, string? Wwpn, string? Wwnn)
{
    public string? VendorUniqueId { get; init; }
    public string? AssociatedType { get; init; }
    public uint? PhysicalPortNumber { get; init; }
    public uint? AttachedNodes { get; init; }
    public string? NodeManagement { get; init; }
    public string? IpAddress { get; init; }
    public string? SpecificData { get; init; }
}

public sealed record AdiscDto(string HardAddress, string Wwpn, string Wwnn, string PortId);

public sealed record RtvDto(uint RaTovMs, double EdTovMs, double RtTovMs, List<string> Qualifiers);

public sealed record RdpDto(List<RdpReadingDto> Readings, List<RdpThresholdDto> Thresholds)
{
    public string? TransceiverType { get; init; }
    public string? ConnectorType { get; init; }
    public SpeedDto? PortSpeed { get; init; }
    public LesbDto? Lesb { get; init; }
    public string? DiagnosticPortWwpn { get; init; }
    public string? AttachedPortWwpn { get; init; }
    public string? OpticalVendor { get; init; }
    public string? OpticalModel { get; init; }
    public string? OpticalSerialNumber { get; init; }
    public uint? BufferCredit { get; init; }
    public List<string> OtherDescriptors { get; init; } = [];
}

/// <summary>One SFP reading with its unit and the alarm/warning state from the matching optical element descriptor.</summary>
public sealed record RdpReadingDto(string Name, double Value, string Unit)
{
    public double? Dbm { get; init; }
    public List<string> Flags { get; init; } = [];
}

public sealed record RdpThresholdDto(string Name, string Unit, double HighAlarm, double LowAlarm, double HighWarning, double LowWarning, List<string> Transgressed);

public sealed record RplDto(uint ListLength, uint FirstIndex, List<RplBlockDto> Ports);

public sealed record RplBlockDto(uint PhysicalPort, string PortId, string Wwpn);

public sealed record RpsDto(int Flags, int PortStatus, List<string> PortStatusNames, LesbDto Lesb);

public sealed record DiscoverDto(string Host, string Device, string Profile, double DurationMs, bool Complete)
{
    public string? ListingMethod { get; init; }
    /// <summary>"brief", "standard" or "detail"; and the plan, "bulk" or "per-attribute".</summary>
    public string Level { get; init; } = "standard";
    public string Plan { get; init; } = "bulk";
    /// <summary>CT requests discovery sent, in all and per command name.</summary>
    public int Requests { get; init; }
    public Dictionary<string, int> RequestsByCommand { get; init; } = [];
    /// <summary>Why discovery took a costlier path (a bulk command the fabric rejected …).</summary>
    public List<string> Notes { get; init; } = [];
    public List<SwitchDto> Switches { get; init; } = [];
    public List<IslDto> Isls { get; init; } = [];
    public List<NPortDto> NPorts { get; init; } = [];
    public List<ErrorDto> Errors { get; init; } = [];
    /// <summary>discover --zoning: the active zone set (GAZS).</summary>
    public ZoningDto? Zoning { get; init; }
}

public sealed record SwitchDto(string Name, string Type)
{
    public int? DomainId { get; init; }
    public string? LogicalName { get; init; }
    public string? Vendor { get; init; }
    public string? Model { get; init; }
    public string? Release { get; init; }
    public List<string>? ManagementAddresses { get; init; }
    public List<SwitchPortDto> Ports { get; init; } = [];
}

public sealed record SwitchPortDto(string PortName, string PortType)
{
    public uint? PhysicalPortNumber { get; init; }
    public string? State { get; init; }
    public string? ModuleType { get; init; }
    public string? TxType { get; init; }
    public List<AttachedPortDto> Attached { get; init; } = [];
}

public sealed record AttachedPortDto(string PortName, string PortType);

public sealed record IslDto(string FromSwitch, string FromPort, string ToSwitch, string ToPort);

public sealed record NPortDto(string PortId)
{
    public string? PortName { get; init; }
    public string? NodeName { get; init; }
    public string? PortType { get; init; }
    public List<string>? Fc4Types { get; init; }
    public string? Fc4Features { get; init; }
    public string? SymbolicPortName { get; init; }
    public string? SymbolicNodeName { get; init; }
    public string? FabricPortName { get; init; }
    public string? Switch { get; init; }
}

/// <summary>One failed discovery query: shaped like every other failure record (ok false, error, exitCode).</summary>
public sealed record ErrorDto(string Operation, string Subject, string Error)
{
    public bool Ok { get; init; }
    public string? Status { get; init; }
    /// <summary>What this failure alone would exit with (the one mapping).</summary>
    public int? ExitCode { get; init; }
}

public sealed record RawDto(string Host, string MsgCode, string Status)
{
    /// <summary>Accepted; otherwise <see cref="Error"/> and <see cref="ExitCode"/> say what failed (the document is still printed).</summary>
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
    public string? Destination { get; init; }
    public string? Detail { get; init; }
    public int? Errno { get; init; }
    public string? ErrnoName { get; init; }
    public double DurationMs { get; init; }
    public string? RejectReason { get; init; }
    public string? RejectExplanation { get; init; }
    public int ReceivedLength { get; init; }
    public string Response { get; init; } = "";
    public string Reply { get; init; } = "";
    public string? Decoded { get; init; }
}

public sealed record ScenarioDto(string Name, string Description);

public sealed record FcsElementsDto(string Host, List<SwitchDto> Elements);

public sealed record FcsPortDto(string Host, string PortName)
{
    public string? PortType { get; init; }
    public uint? PhysicalPortNumber { get; init; }
    public string? State { get; init; }
    public string? Speed { get; init; }
    public string? SpeedCapabilities { get; init; }
    public List<AttachedPortDto> Attached { get; init; } = [];
}

public sealed record FdmiHbasDto(string Host, List<string> Hbas);

public sealed record FdmiAttributeDto(int Type, string Name, string Value);

public sealed record FdmiHbaDto(string Host, string HbaId, List<string> Ports, List<FdmiAttributeDto> Attributes);

public sealed record FdmiPortDto(string Host, string PortName, List<FdmiAttributeDto> Attributes);

public sealed record ZoneMemberDto(string Type, string Value);

public sealed record ZoneDto(string Name, List<ZoneMemberDto> Members);

public sealed record ZoneSetDto(string Host, string Name, List<ZoneDto> Zones);

public sealed record ZoneSummaryDto(string Name, uint Count);

public sealed record ZoneListDto(string Host, string What, List<ZoneSummaryDto> Items);

public sealed record ZoneMembersDto(string Host, string Zone, List<ZoneMemberDto> Members);

public sealed record ZoneCapsDto(string Host, bool HardZones, bool SoftZones, bool ZoneSetDatabase, string Capabilities, string Enforcement);

public sealed record VendorDto(string Host, string VendorId, string Status)
{
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
    public string? Detail { get; init; }
    public string Reply { get; init; } = "";
    public string Response { get; init; } = "";
    public double DurationMs { get; init; }
}

/// <summary>bsgkit metrics -o json: every sample of one refresh and how every collector did.</summary>
public sealed record MetricsDto(DateTimeOffset TakenAt, double DurationSeconds, long BsgRequests, List<MetricFamilyDto> Metrics, List<CollectorRunDto> Collectors);

/// <summary>bsgkit exporter's last words after SIGINT/SIGTERM (its normal end, exit 0).</summary>
public sealed record ExporterStoppedDto(string Signal, long Refreshes, long Scrapes, long BsgRequests);

/// <summary>One metric family (name, gauge or counter, help) with its samples.</summary>
public sealed record MetricFamilyDto(string Name, string Type, string Help, List<MetricSampleDto> Samples);

public sealed record MetricSampleDto(Dictionary<string, string> Labels, double Value);

/// <summary>One collector on one host: ok, not applicable (the driver cannot do it, the port is not Online), or failed requests with the first error.</summary>
public sealed record CollectorRunDto(string Collector, string Host, bool Applicable, int Errors, double DurationSeconds)
{
    [JsonPropertyOrder(-1)]
    public bool Ok { get; init; }
    public string? Error { get; init; }
    public int? ExitCode { get; init; }
    public string? NotApplicable { get; init; }
}

/// <summary>With -o json, a command that fails as a whole prints this on stdout (and its one line on stderr).</summary>
public sealed record ErrorRecordDto(string Command, string Error, int ExitCode)
{
    [JsonPropertyOrder(-1)]
    public bool Ok { get; init; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorRecordDto))]
[JsonSerializable(typeof(ListDto))]
[JsonSerializable(typeof(FcHostDto))]
[JsonSerializable(typeof(NsReport))]
[JsonSerializable(typeof(PingReply))]
[JsonSerializable(typeof(RttSummary))]
[JsonSerializable(typeof(ElsReport))]
[JsonSerializable(typeof(DiscoverDto))]
[JsonSerializable(typeof(List<DiscoverDto>))]
[JsonSerializable(typeof(List<FcHostDto>))]
[JsonSerializable(typeof(RawDto))]
[JsonSerializable(typeof(List<ScenarioDto>))]
[JsonSerializable(typeof(FcsElementsDto))]
[JsonSerializable(typeof(SwitchDto))]
[JsonSerializable(typeof(FcsPortDto))]
[JsonSerializable(typeof(FdmiHbasDto))]
[JsonSerializable(typeof(FdmiHbaDto))]
[JsonSerializable(typeof(FdmiPortDto))]
[JsonSerializable(typeof(ZoneSetDto))]
[JsonSerializable(typeof(ZoneListDto))]
[JsonSerializable(typeof(ZoneMembersDto))]
[JsonSerializable(typeof(ZoneCapsDto))]
[JsonSerializable(typeof(VendorDto))]
[JsonSerializable(typeof(IscsiListDto))]
[JsonSerializable(typeof(IscsiVendorDto))]
[JsonSerializable(typeof(DiffDto))]
[JsonSerializable(typeof(CheckDto))]
[JsonSerializable(typeof(CheckStateDto))]
[JsonSerializable(typeof(MetricsDto))]
[JsonSerializable(typeof(ExporterStoppedDto))]
internal sealed partial class CliJsonContext : JsonSerializerContext;

internal static class JsonOutput
{
    /// <summary>
    /// The generated context with an encoder that leaves non-ASCII text as it is ("°C", "µW", names with accents), so a
    /// person reading the JSON sees what a table shows; JSON-significant and control characters are still escaped.
    /// </summary>
    public static readonly CliJsonContext Context = new(new JsonSerializerOptions(CliJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>
    /// Writes <paramref name="value"/> as JSON (source-generated, no reflection) and a newline. <paramref name="info"/>
    /// picks the type's metadata from <see cref="Context"/> only when JSON is written: building it instantiates
    /// System.Text.Json generics over every value-type member, JIT-compiled at start (ReadyToRun cannot hold them).
    /// </summary>
    public static void Write<T>(TextWriter w, T value, Func<CliJsonContext, JsonTypeInfo<T>> info) =>
        w.WriteLine(JsonSerializer.Serialize(value, info(Context)));

    /// <summary>JSON when -o json, otherwise the table the caller prints (no JSON metadata is built for a table).</summary>
    public static void Emit<T>(CliContext ctx, T value, Func<CliJsonContext, JsonTypeInfo<T>> info, Action table)
    {
        ctx.NoDot();
        if (ctx.Json) Write(ctx.Out, value, info);
        else table();
    }
}
