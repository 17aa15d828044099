using System.Globalization;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// Writes the simulated machine's /sys/class/{fc_host,fc_remote_ports,scsi_host,iscsi_host,bsg} and /dev/bsg
/// into a directory, in the kernel's formats (docs/reference/sysfs.md), so the node catalog — and unmodified programs that
/// read sysfs — find the simulated hosts exactly as on a real machine. /dev/bsg nodes are regular files.
/// </summary>
public static class SysfsTreeWriter
{
    public static void WriteHost(string sysRoot, string devRoot, SimFcHost host, Scenarios.HostSpec spec)
    {
        var scsiHost = Path.Combine(sysRoot, "class", "scsi_host", $"host{host.HostNumber}");
        Write(scsiHost, "proc_name", host.Lld.ProcName);
        var d = Path.Combine(sysRoot, "class", "fc_host", $"host{host.HostNumber}");
        Write(d, "port_name", $"0x{host.PortName.Value:x16}");
        Write(d, "node_name", $"0x{host.NodeName.Value:x16}");
        Write(d, "permanent_port_name", $"0x{host.PortName.Value:x16}");
        Write(d, "port_id", $"0x{host.PortId.Value:x6}");
        Write(d, "port_type", "NPort (fabric via point-to-point)");
        Write(d, "port_state", host.PortState);
        Write(d, "speed", spec.Speed);
        Write(d, "supported_speeds", spec.SupportedSpeeds ?? spec.Speed);
        Write(d, "fabric_name", $"0x{host.FabricName.Value:x16}");
        Write(d, "symbolic_name", spec.SymbolicName ?? DefaultSymbolicName(spec));
        Write(d, "supported_classes", "Class 3");
        Write(d, "maxframe_size", "2048 bytes");
        Write(d, "max_npiv_vports", "255");
        Write(d, "npiv_vports_inuse", spec.Npiv.Count.ToString(CultureInfo.InvariantCulture));
        Write(d, "dev_loss_tmo", "30");
        Write(d, "tgtid_bind_type", "wwpn (World Wide Port Name)");
        if (spec.Manufacturer != null) Write(d, "manufacturer", spec.Manufacturer);
        if (spec.Model != null) Write(d, "model", spec.Model);
        if (spec.SerialNumber != null) Write(d, "serial_number", spec.SerialNumber);
        if (spec.FirmwareVersion != null) Write(d, "firmware_version", spec.FirmwareVersion);
        if (spec.DriverVersion != null) Write(d, "driver_version", spec.DriverVersion);
        WriteStatistics(Path.Combine(d, Fc.Catalog.FcHostStatistics.Directory), host, spec);
        if (host.Lld.HasBsgHandler) WriteBsgNode(sysRoot, devRoot, host.Node);
    }

    /// <summary>
    /// fc_host statistics as a driver that has been running a while reports them: frame and FCP counts from the host
    /// number (so hosts differ), the scenario's local LESB, FPIN counters zero. The exchange-manager counters are
    /// libfc's own (its exchange manager counts them); the other personalities report them as -1, not kept — a
    /// simulator choice, so that readers meet the all-ones value (docs/reference/sysfs.md §4.1).
    /// </summary>
    public static void WriteStatistics(string dir, SimFcHost host, Scenarios.HostSpec spec)
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
            Write(dir, name, Hex(value));
        }
        // The scenario's own statistics files (FPIN counters …) come last: they add to the transport's set or replace one.
        foreach (var (name, value) in spec.Statistics ?? []) Write(dir, name, Hex(value));
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

    public static void WriteRemotePort(string sysRoot, string devRoot, SimRport rport)
    {
        var d = Path.Combine(sysRoot, "class", "fc_remote_ports", rport.Name);
        Write(d, "port_name", $"0x{rport.PortName.Value:x16}");
        Write(d, "node_name", $"0x{rport.NodeName.Value:x16}");
        Write(d, "port_id", $"0x{rport.PortId.Value:x6}");
        Write(d, "roles", rport.Roles.Count == 0 ? "unknown" : string.Join(", ", rport.Roles));
        Write(d, "port_state", rport.StateName);
        Write(d, "scsi_target_id", rport.Roles.Contains("FCP Target") ? rport.Number.ToString(CultureInfo.InvariantCulture) : "-1");
        Write(d, "supported_classes", "Class 3");
        Write(d, "maxframe_size", "2048 bytes");
        Write(d, "dev_loss_tmo", "30");
        Write(d, "fast_io_fail_tmo", "5");
        if (rport.Host.Lld.HasBsgHandler) WriteBsgNode(sysRoot, devRoot, rport.Node);
    }

    /// <summary>A remote port changed: rewrite its state, or remove it (and its node) when it is gone.</summary>
    public static void UpdateRemotePort(string sysRoot, string devRoot, SimRport rport)
    {
        var d = Path.Combine(sysRoot, "class", "fc_remote_ports", rport.Name);
        if (rport.State == RportState.Deleted)
        {
            if (Directory.Exists(d)) Directory.Delete(d, recursive: true);
            var bsg = Path.Combine(sysRoot, "class", "bsg", rport.Name);
            if (Directory.Exists(bsg)) Directory.Delete(bsg, recursive: true);
            File.Delete(Path.Combine(devRoot, "bsg", rport.Name));
            return;
        }
        Write(d, "port_state", rport.StateName);
    }

    public static void WriteBsgNode(string sysRoot, string devRoot, SimNode node)
    {
        Write(Path.Combine(sysRoot, "class", "bsg", node.Name), "dev", node.DeviceNumber);
        var dev = Path.Combine(devRoot, "bsg");
        Directory.CreateDirectory(dev);
        var path = Path.Combine(dev, node.Name);
        if (!File.Exists(path)) File.WriteAllBytes(path, []);
    }

    public static void WriteIscsiHost(string sysRoot, Scenarios.IscsiHostSpec spec)
    {
        Write(Path.Combine(sysRoot, "class", "scsi_host", $"host{spec.Host}"), "proc_name", spec.Driver);
        var d = Path.Combine(sysRoot, "class", "iscsi_host", $"host{spec.Host}");
        Write(d, "initiatorname", spec.InitiatorName);
        if (spec.IpAddress != null) Write(d, "ipaddress", spec.IpAddress);
        if (spec.HwAddress != null) Write(d, "hwaddress", spec.HwAddress);
        if (spec.NetDev != null) Write(d, "netdev", spec.NetDev);
        Write(d, "port_state", spec.PortState);
        if (spec.PortSpeed != null) Write(d, "port_speed", spec.PortSpeed);
    }

    private static string Hex(ulong v) => $"0x{v:x}";

    private static void Write(string dir, string attribute, string value)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, attribute), value + "\n");
    }
}
