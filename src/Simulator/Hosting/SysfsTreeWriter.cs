using System.Globalization;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// Writes the simulated machine's /sys/class/{fc_host,fc_remote_ports,scsi_host,iscsi_host,bsg} and /dev/bsg
/// into a directory, in the kernel's formats (docs/reference/sysfs.md), so the node catalog — and unmodified programs that
/// read sysfs — find the simulated hosts exactly as on a real machine. /dev/bsg nodes are regular files. The tree is
/// files or memory (<see cref="SysfsStorage"/>); the formats are the same.
/// </summary>
internal static class SysfsTreeWriter
{
    public static void WriteHost(ISysfsTree tree, SimFcHost host, Scenarios.HostSpec spec)
    {
        var sysRoot = tree.SysRoot;
        var scsiHost = Path.Combine(sysRoot, "class", "scsi_host", $"host{host.HostNumber}");
        Write(tree, scsiHost, "proc_name", host.Lld.ProcName);
        var d = Path.Combine(sysRoot, "class", "fc_host", $"host{host.HostNumber}");
        Write(tree, d, "port_name", $"0x{host.PortName.Value:x16}");
        Write(tree, d, "node_name", $"0x{host.NodeName.Value:x16}");
        Write(tree, d, "permanent_port_name", $"0x{host.PortName.Value:x16}");
        Write(tree, d, "port_id", $"0x{host.PortId.Value:x6}");
        Write(tree, d, "port_type", "NPort (fabric via point-to-point)");
        Write(tree, d, "port_state", host.PortState);
        Write(tree, d, "speed", spec.Speed);
        Write(tree, d, "supported_speeds", spec.SupportedSpeeds ?? spec.Speed);
        Write(tree, d, "fabric_name", $"0x{host.FabricName.Value:x16}");
        Write(tree, d, "symbolic_name", spec.SymbolicName ?? DefaultSymbolicName(spec));
        Write(tree, d, "supported_classes", "Class 3");
        Write(tree, d, "maxframe_size", "2048 bytes");
        Write(tree, d, "max_npiv_vports", "255");
        Write(tree, d, "npiv_vports_inuse", spec.Npiv.Count.ToString(CultureInfo.InvariantCulture));
        Write(tree, d, "dev_loss_tmo", "30");
        Write(tree, d, "tgtid_bind_type", "wwpn (World Wide Port Name)");
        if (spec.Manufacturer != null) Write(tree, d, "manufacturer", spec.Manufacturer);
        if (spec.Model != null) Write(tree, d, "model", spec.Model);
        if (spec.SerialNumber != null) Write(tree, d, "serial_number", spec.SerialNumber);
        if (spec.FirmwareVersion != null) Write(tree, d, "firmware_version", spec.FirmwareVersion);
        if (spec.DriverVersion != null) Write(tree, d, "driver_version", spec.DriverVersion);
        WriteStatistics(tree, Path.Combine(d, Fc.Catalog.FcHostStatistics.Directory), host, spec);
        if (host.Lld.HasBsgHandler) WriteBsgNode(tree, host.Node);
    }

    /// <summary>
    /// fc_host statistics as a driver that has been running a while reports them: frame and FCP counts from the host
    /// number (so hosts differ), the scenario's local LESB, FPIN counters zero. The exchange-manager counters are
    /// libfc's own (its exchange manager counts them); the other personalities report them as -1, not kept — a
    /// simulator choice, so that readers meet the all-ones value (docs/reference/sysfs.md §4.1).
    /// </summary>
    public static void WriteStatistics(ISysfsTree tree, string dir, SimFcHost host, Scenarios.HostSpec spec)
    {
        var lesb = spec.Lesb;
        var n = (ulong)host.HostNumber;
        var libfc = spec.Driver is "fcoe" or "bnx2fc" or "qedf";
        foreach (var name in Fc.Catalog.FcHostStatistics.Counters)
        {
            ulong value = name switch
            {
                "seconds_since_last_reset" => 86_400,
                "tx_frames" => 1_200_000 + n * 1000, "rx_frames" => 1_500_000 + n * 1000,
                "tx_words" => 300_000_000 + n * 250_000, "rx_words" => 380_000_000 + n * 250_000,
                "link_failure_count" => lesb?.LinkFailure ?? 0, "loss_of_sync_count" => lesb?.LossOfSync ?? 0,
                "loss_of_signal_count" => lesb?.LossOfSignal ?? 0, "prim_seq_protocol_err_count" => lesb?.PrimitiveSequenceError ?? 0,
                "invalid_tx_word_count" => lesb?.InvalidTransmissionWord ?? 0, "invalid_crc_count" => lesb?.InvalidCrc ?? 0,
                "fcp_input_requests" => 400_000 + n * 100, "fcp_output_requests" => 250_000 + n * 100, "fcp_control_requests" => 1_000 + n,
                "fcp_input_megabytes" => 51_200 + n, "fcp_output_megabytes" => 30_720 + n,
                "fc_no_free_exch" or "fc_no_free_exch_xid" or "fc_xid_not_found" or "fc_xid_busy" or "fc_seq_not_found" or "fc_non_bls_resp"
                    => libfc ? 0 : Fc.Catalog.FcHostStatistics.NotKept,
                _ => 0,
            };
            Write(tree, dir, name, Hex(value));
        }
        // The scenario's own statistics files (FPIN counters …) come last: they add to the transport's set or replace one.
        // Without any, no empty dictionary is made to be walked (Dictionary<string, ulong> is JIT-compiled at start).
        if (spec.Statistics is { } statistics)
            foreach (var (name, value) in statistics) Write(tree, dir, name, Hex(value));
    }

    public static string DefaultSymbolicName(Scenarios.HostSpec spec) => spec.Driver switch
    {
        "fcoe" or "bnx2fc" or "qedf" => $"{spec.Driver} v1.0.4 over eth{spec.Host}",
        "lpfc" => "Emulex LPe32002-M2 FV14.0.326.12 DV14.2.0.17",
        "qla2xxx" => "QLE2772 FW:v9.10.11 DVR:v10.02.09.100-k",
        "zfcp" => "IBM FICON Express32S",
        "ibmvfc" => "ibmvfc v1.0.11 POWER10",
        _ => $"{spec.Driver} simulated HBA",
    };

    /// <summary>An rport's attributes (fc_remote_ports/rport-H:C-N), in the order the kernel lists them.</summary>
    private static readonly string[] RemotePortAttributes =
        ["port_name", "node_name", "port_id", "roles", "port_state", "scsi_target_id", "supported_classes", "maxframe_size", "dev_loss_tmo", "fast_io_fail_tmo"];

    private static readonly string[] BsgNodeAttributes = ["dev"];

    public static void WriteRemotePort(ISysfsTree tree, SimRport rport)
    {
        tree.WriteDirectory(tree.RemotePortsDir, rport.Name, RemotePortAttributes, RemotePortAttributeOf, rport);
        if (rport.Host.Lld.HasBsgHandler) WriteBsgNode(tree, rport.Node);
    }

    // Static: one delegate for every rport, the rport passed as the directory's owner.
    private static readonly Func<object, string, string> RemotePortAttributeOf = static (rport, name) => RemotePortAttribute((SimRport)rport, name);
    private static readonly Func<object, string, string> DeviceNumberOf = static (node, _) => ((SimNode)node).DeviceNumber;

    private static string RemotePortAttribute(SimRport rport, string name) => name switch
    {
        "port_name" => $"0x{rport.PortName.Value:x16}",
        "node_name" => $"0x{rport.NodeName.Value:x16}",
        "port_id" => $"0x{rport.PortId.Value:x6}",
        "roles" => rport.Roles.Count == 0 ? "unknown" : string.Join(", ", rport.Roles),
        "port_state" => rport.StateName,
        "scsi_target_id" => rport.Roles.Contains("FCP Target") ? rport.Number.ToString(CultureInfo.InvariantCulture) : "-1",
        "supported_classes" => "Class 3",
        "maxframe_size" => "2048 bytes",
        "dev_loss_tmo" => "30",
        "fast_io_fail_tmo" => "5",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not an rport attribute"),
    };

    /// <summary>A remote port changed: rewrite its state, or remove it (and its node) when it is gone.</summary>
    public static void UpdateRemotePort(ISysfsTree tree, SimRport rport)
    {
        var d = Path.Combine(tree.RemotePortsDir, rport.Name);
        if (rport.State == RportState.Deleted)
        {
            tree.DeleteDirectory(d);
            tree.DeleteDirectory(Path.Combine(tree.BsgClassDir, rport.Name));
            tree.DeleteFile(Path.Combine(tree.DevBsgDir, rport.Name));
            return;
        }
        if (!tree.IsLive) Write(tree, d, "port_state", rport.StateName);
    }

    public static void WriteBsgNode(ISysfsTree tree, SimNode node)
    {
        tree.WriteDirectory(tree.BsgClassDir, node.Name, BsgNodeAttributes, DeviceNumberOf, node);
        tree.CreateNode(tree.DevBsgDir, node.Name);
    }

    public static void WriteIscsiHost(ISysfsTree tree, Scenarios.IscsiHostSpec spec)
    {
        var sysRoot = tree.SysRoot;
        Write(tree, Path.Combine(sysRoot, "class", "scsi_host", $"host{spec.Host}"), "proc_name", spec.Driver);
        var d = Path.Combine(sysRoot, "class", "iscsi_host", $"host{spec.Host}");
        Write(tree, d, "initiatorname", spec.InitiatorName);
        if (spec.IpAddress != null) Write(tree, d, "ipaddress", spec.IpAddress);
        if (spec.HwAddress != null) Write(tree, d, "hwaddress", spec.HwAddress);
        if (spec.NetDev != null) Write(tree, d, "netdev", spec.NetDev);
        Write(tree, d, "port_state", spec.PortState);
        if (spec.PortSpeed != null) Write(tree, d, "port_speed", spec.PortSpeed);
    }

    private static string Hex(ulong v) => $"0x{v:x}";

    private static void Write(ISysfsTree tree, string dir, string attribute, string value) => tree.Write(dir, attribute, value);
}
