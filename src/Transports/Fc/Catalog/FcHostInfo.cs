using BsgKit.Bsg.Catalog;

namespace BsgKit.Fc.Catalog;

/// <summary>/sys/class/fc_host/hostN plus the host's driver and bsg node. Absent or malformed attributes are null.</summary>
public sealed record FcHostInfo(int HostNumber)
{
    public string Name => $"host{HostNumber}";
    public string? Driver { get; init; }
    public Wwn? PortName { get; init; }
    public Wwn? NodeName { get; init; }
    public Wwn? PermanentPortName { get; init; }
    public FcId? PortId { get; init; }
    public string? PortType { get; init; }
    public string? PortState { get; init; }
    public string? Speed { get; init; }
    public string? SupportedSpeeds { get; init; }
    public Wwn? FabricName { get; init; }
    public string? SymbolicName { get; init; }
    public string? SupportedClasses { get; init; }
    public int? MaxFrameSize { get; init; }
    public int? MaxNpivVports { get; init; }
    public int? NpivVportsInUse { get; init; }
    public string? Manufacturer { get; init; }
    public string? Model { get; init; }
    public string? SerialNumber { get; init; }
    public string? FirmwareVersion { get; init; }
    public string? DriverVersion { get; init; }
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
    public Wwn? PortName { get; init; }
    public Wwn? NodeName { get; init; }
    public FcId? PortId { get; init; }
    /// <summary>The roles attribute split on ", " ("FCP Target", "Directory Server", …); empty for "unknown".</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? PortState { get; init; }
    public int? ScsiTargetId { get; init; }
    public BsgNode? Node { get; init; }

    public bool IsOnline => PortState is "Online" or "Marginal";

    /// <summary>"rport-1:0-2 0x010a00 0x500507680b214ac1 (FCP Target) Online".</summary>
    public override string ToString() =>
        $"{Name} {FcHostInfo.Text(PortId)} {FcHostInfo.Text(PortName)} ({(Roles.Count == 0 ? "unknown" : string.Join(", ", Roles))}) {PortState ?? "unknown state"}";
}
