namespace BsgKit.Bsg.Catalog;

/// <summary>/sys/class/fc_host/hostN plus the host's driver and bsg node. Absent or malformed attributes are null.</summary>
public sealed record FcHostInfo(int HostNumber)
{
    public string Name => $"host{HostNumber}";
    public string? Driver { get; init; }
    public ulong? PortName { get; init; }
    public ulong? NodeName { get; init; }
    public ulong? PermanentPortName { get; init; }
    public uint? PortId { get; init; }
    public string? PortType { get; init; }
    public string? PortState { get; init; }
    public string? Speed { get; init; }
    public string? SupportedSpeeds { get; init; }
    public ulong? FabricName { get; init; }
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
}

/// <summary>/sys/class/fc_remote_ports/rport-H:C-N plus its bsg node.</summary>
public sealed record FcRemotePortInfo(string Name, int HostNumber, int Channel, int Number)
{
    public ulong? PortName { get; init; }
    public ulong? NodeName { get; init; }
    public uint? PortId { get; init; }
    /// <summary>The roles attribute split on ", " ("FCP Target", "Directory Server", …); empty for "unknown".</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    public string? PortState { get; init; }
    public int? ScsiTargetId { get; init; }
    public BsgNode? Node { get; init; }

    public bool IsOnline => PortState is "Online" or "Marginal";
}

/// <summary>/sys/class/iscsi_host/hostN plus the host's driver and (offload drivers only) bsg node.</summary>
public sealed record IscsiHostInfo(int HostNumber)
{
    public string Name => $"host{HostNumber}";
    public string? Driver { get; init; }
    public string? NetDev { get; init; }
    public string? HwAddress { get; init; }
    public string? IpAddress { get; init; }
    public string? InitiatorName { get; init; }
    public string? PortState { get; init; }
    public string? PortSpeed { get; init; }
    public BsgNode? Node { get; init; }

    /// <summary>Why there is no usable node (<see cref="NoBsgNodeNote"/> for software iSCSI), or the node's own note; null when usable.</summary>
    public string? Note { get; init; }

    /// <summary>The note for a host whose driver creates no iscsi_hostN node (iscsi_tcp and other drivers without a bsg handler).</summary>
    public const string NoBsgNodeNote = "this host has no bsg node (software iSCSI)";

    /// <summary>proc_name values whose iSCSI transport has a bsg handler (iscsi-bsg.md §6).</summary>
    public static bool DriverHasBsgHandler(string? driver) => driver is "qla4xxx" or "be2iscsi";
}

/// <summary>Everything the catalog found, plus the problems it stepped over (never a crash).</summary>
public sealed record BsgCatalogSnapshot(
    IReadOnlyList<BsgNode> Nodes,
    IReadOnlyList<FcHostInfo> FcHosts,
    IReadOnlyList<FcRemotePortInfo> RemotePorts,
    IReadOnlyList<IscsiHostInfo> IscsiHosts,
    IReadOnlyList<string> Problems)
{
    public BsgNode? FindNode(string name) => Nodes.FirstOrDefault(n => n.Name == name);

    /// <summary>The SCSI host's driver from /sys/class/scsi_host/hostN/proc_name, if any host knows it.</summary>
    public string? DriverOf(int hostNumber) =>
        FcHosts.FirstOrDefault(h => h.HostNumber == hostNumber)?.Driver
        ?? IscsiHosts.FirstOrDefault(h => h.HostNumber == hostNumber)?.Driver;
}
