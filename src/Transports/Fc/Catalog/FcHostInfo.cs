using BsgKit.Bsg.Catalog;

namespace BsgKit.Fc.Catalog;

/// <summary>/sys/class/fc_host/hostN plus the host's driver and bsg node. Absent or malformed attributes are null.</summary>
public sealed record FcHostInfo(int HostNumber)
{
    /// <summary>"hostN", the SCSI host name.</summary>
    public string Name => $"host{HostNumber}";
    /// <summary>The LLD name from /sys/class/scsi_host/hostN/proc_name ("lpfc", "qla2xxx", …).</summary>
    public string? Driver { get; init; }
    /// <summary>port_name: the host's WWPN.</summary>
    public Wwn? PortName { get; init; }
    /// <summary>node_name: the host's WWNN.</summary>
    public Wwn? NodeName { get; init; }
    /// <summary>permanent_port_name: the burnt-in WWPN (differs from port_name on NPIV vports).</summary>
    public Wwn? PermanentPortName { get; init; }
    /// <summary>port_id: the 24-bit N_Port ID the fabric assigned at FLOGI.</summary>
    public FcId? PortId { get; init; }
    /// <summary>port_type as sysfs prints it ("NPort (fabric via point-to-point)", "NPIV VPORT", …).</summary>
    public string? PortType { get; init; }
    /// <summary>port_state ("Online", "Linkdown", "Blocked", …).</summary>
    public string? PortState { get; init; }
    /// <summary>speed: the negotiated link speed as text ("16 Gbit", "unknown").</summary>
    public string? Speed { get; init; }
    /// <summary>supported_speeds: comma-separated speeds the port can run ("8 Gbit, 16 Gbit, 32 Gbit").</summary>
    public string? SupportedSpeeds { get; init; }
    /// <summary>fabric_name: the fabric WWN the driver reports (from the FLOGI accept).</summary>
    public Wwn? FabricName { get; init; }
    /// <summary>symbolic_name: the host's symbolic name, as registered with the name server.</summary>
    public string? SymbolicName { get; init; }
    /// <summary>supported_classes: FC classes of service ("Class 3").</summary>
    public string? SupportedClasses { get; init; }
    /// <summary>maxframe_size: the maximum frame payload in bytes.</summary>
    public int? MaxFrameSize { get; init; }
    /// <summary>max_npiv_vports: how many NPIV vports the HBA allows.</summary>
    public int? MaxNpivVports { get; init; }
    /// <summary>npiv_vports_inuse: how many NPIV vports exist now.</summary>
    public int? NpivVportsInUse { get; init; }
    /// <summary>manufacturer: the HBA vendor (not every driver exports it).</summary>
    public string? Manufacturer { get; init; }
    /// <summary>model: the HBA model name.</summary>
    public string? Model { get; init; }
    /// <summary>serial_number: the HBA serial number.</summary>
    public string? SerialNumber { get; init; }
    /// <summary>firmware_version: the HBA firmware version.</summary>
    public string? FirmwareVersion { get; init; }
    /// <summary>driver_version: the LLD's version string.</summary>
    public string? DriverVersion { get; init; }
    /// <summary>The host's bsg node (/dev/bsg/fc_hostN), or null if there is none.</summary>
    public BsgNode? Node { get; init; }

    /// <summary>FCoE hosts put " over " in symbolic_name (the test fcping, libhbalinux and lsscsi use).</summary>
    public bool IsFcoe => SymbolicName?.Contains(" over ", StringComparison.Ordinal) == true;

    /// <summary>"host1 (lpfc) 0x010100 0x10000090fa8c0a01 Online, /dev/bsg/fc_host1".</summary>
    public override string ToString() =>
        $"{Name} ({Driver ?? "unknown driver"}) {Text(PortId)} {Text(PortName)} {PortState ?? "unknown state"}, " +
        (Node?.DevicePath ?? "no bsg node");

    internal static string Text<T>(T? value) where T : struct => value?.ToString() ?? "-";
}

/// <summary>/sys/class/fc_remote_ports/rport-H:C-N plus its bsg node.</summary>
public sealed record FcRemotePortInfo(string Name, int HostNumber, int Channel, int Number)
{
    /// <summary>port_name: the remote port's WWPN.</summary>
    public Wwn? PortName { get; init; }
    /// <summary>node_name: the remote port's WWNN.</summary>
    public Wwn? NodeName { get; init; }
    /// <summary>port_id: the remote port's 24-bit N_Port ID.</summary>
    public FcId? PortId { get; init; }
    /// <summary>The roles attribute split on ", " ("FCP Target", "Directory Server", …); empty for "unknown".</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>port_state ("Online", "Marginal", "Blocked", "Not Present", …).</summary>
    public string? PortState { get; init; }
    /// <summary>scsi_target_id: the SCSI target number, or -1 when the port is not a target.</summary>
    public int? ScsiTargetId { get; init; }
    /// <summary>The remote port's bsg node (/dev/bsg/rport-H:C-N), or null if there is none.</summary>
    public BsgNode? Node { get; init; }

    /// <summary>True when port_state is "Online" or "Marginal" (the port accepts I/O).</summary>
    public bool IsOnline => PortState is "Online" or "Marginal";

    /// <summary>"rport-1:0-2 0x010a00 0x500507680b214ac1 (FCP Target) Online".</summary>
    public override string ToString() =>
        $"{Name} {FcHostInfo.Text(PortId)} {FcHostInfo.Text(PortName)} ({(Roles.Count == 0 ? "unknown" : string.Join(", ", Roles))}) {PortState ?? "unknown state"}";
}
