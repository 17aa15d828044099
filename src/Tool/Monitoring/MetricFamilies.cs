namespace BsgKit.Tool.Monitoring;

/// <summary>Gauge or counter (the two Prometheus types the exporter uses).</summary>
internal enum MetricKind { Gauge, Counter }

/// <summary>One metric family: its name (Prometheus conventions: bsgkit_ prefix, base units, _total for counters), help and label names.</summary>
internal sealed record MetricFamily(string Name, MetricKind Kind, string Help, params string[] Labels)
{
    public override string ToString() => Name;
}

/// <summary>
/// Every metric family the exporter can publish, written once; docs/metrics.md describes the same list (a test checks
/// that each name here is documented there).
/// </summary>
internal static class MetricFamilies
{
    public const string Prefix = "bsgkit_";

    // Label names.
    public const string Host = "host", Wwpn = "wwpn", Wwnn = "wwnn", FcId = "fc_id", Rport = "rport", FabricName = "fabric_name",
        Driver = "driver", PortType = "port_type", State = "state", Collector = "collector", Element = "element",
        Threshold = "threshold", Flag = "flag", Fc4Type = "fc4_type", Feature = "feature", ZoneSet = "zoneset";

    private static readonly string[] RportLabels = [Host, Rport, Wwpn, FcId];

    // sysfs: fc_host and fc_remote_ports.
    public static readonly MetricFamily HostInfo = new(Prefix + "fc_host_info", MetricKind.Gauge,
        "FC host port identity from /sys/class/fc_host (always 1).", Host, Wwpn, Wwnn, FcId, FabricName, Driver, PortType);
    public static readonly MetricFamily HostUp = new(Prefix + "fc_host_up", MetricKind.Gauge,
        "1 when the FC host's port_state is Online, else 0.", Host, Wwpn);
    public static readonly MetricFamily HostPortState = new(Prefix + "fc_host_port_state", MetricKind.Gauge,
        "The FC host's port_state as a label (always 1).", Host, Wwpn, State);
    public static readonly MetricFamily HostSpeed = new(Prefix + "fc_host_speed_bytes_per_second", MetricKind.Gauge,
        "Negotiated port speed from /sys/class/fc_host/*/speed (nominal Gbit/s / 8), 0 when not negotiated.", Host, Wwpn);
    public static readonly MetricFamily HostSecondsSinceReset = new(Prefix + "fc_host_seconds_since_last_reset", MetricKind.Gauge,
        "fc_host statistics/seconds_since_last_reset.", Host, Wwpn);
    public static readonly MetricFamily RportUp = new(Prefix + "rport_up", MetricKind.Gauge,
        "1 when the remote port's port_state is Online or Marginal, else 0.", Host, Rport, Wwpn, FcId);

    // ELS RLS: the remote port's link error status block.
    public static readonly MetricFamily RportLinkFailures = RportCounter("link_failures_total", "Link failure count (LESB, ELS RLS).");
    public static readonly MetricFamily RportLossOfSync = RportCounter("loss_of_sync_total", "Loss of synchronization count (LESB, ELS RLS).");
    public static readonly MetricFamily RportLossOfSignal = RportCounter("loss_of_signal_total", "Loss of signal count (LESB, ELS RLS).");
    public static readonly MetricFamily RportPrimitiveSequenceErrors = RportCounter("primitive_sequence_errors_total", "Primitive sequence protocol error count (LESB, ELS RLS).");
    public static readonly MetricFamily RportInvalidTxWords = RportCounter("invalid_tx_words_total", "Invalid transmission word count (LESB, ELS RLS).");
    public static readonly MetricFamily RportInvalidCrc = RportCounter("invalid_crc_total", "Invalid CRC count (LESB, ELS RLS).");

    // ELS RDP: SFP optics of the remote port, with the module's own thresholds and transgression flags.
    public static readonly MetricFamily SfpTemperature = RportGauge("sfp_temperature_celsius", "SFP temperature (ELS RDP).");
    public static readonly MetricFamily SfpVoltage = RportGauge("sfp_voltage_volts", "SFP supply voltage (ELS RDP).");
    public static readonly MetricFamily SfpTxBias = RportGauge("sfp_tx_bias_amperes", "SFP laser bias current (ELS RDP).");
    public static readonly MetricFamily SfpTxPower = RportGauge("sfp_tx_power_watts", "SFP transmitted optical power (ELS RDP).");
    public static readonly MetricFamily SfpRxPower = RportGauge("sfp_rx_power_watts", "SFP received optical power (ELS RDP).");
    public static readonly MetricFamily SfpTemperatureThreshold = RportThreshold("sfp_temperature_threshold_celsius", "temperature");
    public static readonly MetricFamily SfpVoltageThreshold = RportThreshold("sfp_voltage_threshold_volts", "supply voltage");
    public static readonly MetricFamily SfpTxBiasThreshold = RportThreshold("sfp_tx_bias_threshold_amperes", "laser bias current");
    public static readonly MetricFamily SfpTxPowerThreshold = RportThreshold("sfp_tx_power_threshold_watts", "transmitted power");
    public static readonly MetricFamily SfpRxPowerThreshold = RportThreshold("sfp_rx_power_threshold_watts", "received power");
    public static readonly MetricFamily SfpFlag = new(Prefix + "rport_sfp_flag", MetricKind.Gauge,
        "1 when the module reports the element past that threshold (RDP optical element flags), else 0.", [.. RportLabels, Element, Flag]);

    // Fabric services: name server, zone server, fabric configuration server.
    public static readonly MetricFamily NameServerPorts = new(Prefix + "nameserver_ports", MetricKind.Gauge,
        "Ports registered in the name server with this FC-4 type (GID_FT listing).", Host, FabricName, Fc4Type);
    public static readonly MetricFamily NameServerFeaturePorts = new(Prefix + "nameserver_feature_ports", MetricKind.Gauge,
        "Ports of this FC-4 type registered with this FC-4 feature (GFF_ID).", Host, FabricName, Fc4Type, Feature);
    public static readonly MetricFamily NameServerListingComplete = new(Prefix + "nameserver_listing_complete", MetricKind.Gauge,
        "1 when the name-server listing of this FC-4 type was complete, 0 when it came back truncated.", Host, FabricName, Fc4Type);
    public static readonly MetricFamily ActiveZoneSet = new(Prefix + "zoning_active_zoneset_info", MetricKind.Gauge,
        "The active zone set's name (GAZS; always 1).", Host, FabricName, ZoneSet);
    public static readonly MetricFamily ActiveZones = new(Prefix + "zoning_active_zones", MetricKind.Gauge,
        "Zones in the active zone set (GAZS).", Host, FabricName);
    public static readonly MetricFamily Switches = new(Prefix + "fabric_switches", MetricKind.Gauge,
        "Switches in the fabric (fabric configuration server GIEL, interconnect elements of type switch).", Host, FabricName);

    // The exporter itself.
    public static readonly MetricFamily CollectorSuccess = new(Prefix + "collector_success", MetricKind.Gauge,
        "1 when the collector's last run had no failed request, else 0 (absent when it was not applicable).", Collector, Host);
    public static readonly MetricFamily CollectorApplicable = new(Prefix + "collector_applicable", MetricKind.Gauge,
        "1 when the collector ran on the host, 0 when it could not (no bsg node, a driver without that passthrough, the port not Online).", Collector, Host);
    public static readonly MetricFamily CollectorDuration = new(Prefix + "collector_duration_seconds", MetricKind.Gauge,
        "How long the collector's last run took.", Collector, Host);
    public static readonly MetricFamily CollectorErrors = new(Prefix + "collector_errors_total", MetricKind.Counter,
        "Failed requests (or failed reads) of the collector since the exporter started.", Collector, Host);
    public static readonly MetricFamily BsgRequests = new(Prefix + "bsg_requests_total", MetricKind.Counter,
        "SG_IO requests the exporter has sent since it started (refreshes only: a scrape sends none).");
    public static readonly MetricFamily Refreshes = new(Prefix + "refreshes_total", MetricKind.Counter,
        "Refreshes (one run of every collector on every host) since the exporter started.");
    public static readonly MetricFamily RefreshDuration = new(Prefix + "refresh_duration_seconds", MetricKind.Gauge,
        "How long the last refresh took.");
    public static readonly MetricFamily LastRefresh = new(Prefix + "last_refresh_timestamp_seconds", MetricKind.Gauge,
        "When the last refresh finished (Unix time).");
    public static readonly MetricFamily Scrapes = new(Prefix + "scrapes_total", MetricKind.Counter,
        "Scrapes of /metrics served since the exporter started (each served the last snapshot).");

    private static MetricFamily RportCounter(string name, string help) => new(Prefix + "rport_" + name, MetricKind.Counter, help, RportLabels);
    private static MetricFamily RportGauge(string name, string help) => new(Prefix + "rport_" + name, MetricKind.Gauge, help, RportLabels);
    private static MetricFamily RportThreshold(string name, string what) => new(Prefix + "rport_" + name, MetricKind.Gauge,
        $"The SFP module's own {what} alarm and warning thresholds (RDP optical element descriptor).", [.. RportLabels, Threshold]);

    /// <summary>fc_host statistics/* counter files (docs/reference/sysfs.md §4.1) and the counter each becomes; FPIN files are matched by prefix.</summary>
    public static readonly IReadOnlyList<(string File, MetricFamily Family, double Scale)> HostStatistics =
    [
        HostStat("tx_frames", "tx_frames_total", "Frames transmitted."),
        HostStat("tx_words", "tx_words_total", "Words transmitted."),
        HostStat("rx_frames", "rx_frames_total", "Frames received."),
        HostStat("rx_words", "rx_words_total", "Words received."),
        HostStat("lip_count", "lips_total", "Loop initializations."),
        HostStat("nos_count", "nos_total", "Not operational sequences."),
        HostStat("error_frames", "error_frames_total", "Frames received in error."),
        HostStat("dumped_frames", "dumped_frames_total", "Frames dumped."),
        HostStat("link_failure_count", "link_failures_total", "Link failures (local LESB)."),
        HostStat("loss_of_sync_count", "loss_of_sync_total", "Loss of synchronization (local LESB)."),
        HostStat("loss_of_signal_count", "loss_of_signal_total", "Loss of signal (local LESB)."),
        HostStat("prim_seq_protocol_err_count", "primitive_sequence_errors_total", "Primitive sequence protocol errors (local LESB)."),
        HostStat("invalid_tx_word_count", "invalid_tx_words_total", "Invalid transmission words (local LESB)."),
        HostStat("invalid_crc_count", "invalid_crc_total", "Invalid CRCs (local LESB)."),
        HostStat("fcp_input_requests", "fcp_input_requests_total", "FCP input requests."),
        HostStat("fcp_output_requests", "fcp_output_requests_total", "FCP output requests."),
        HostStat("fcp_control_requests", "fcp_control_requests_total", "FCP control requests."),
        HostStat("fcp_input_megabytes", "fcp_input_bytes_total", "FCP input data (the driver counts MiB; exported in bytes).", 1 << 20),
        HostStat("fcp_output_megabytes", "fcp_output_bytes_total", "FCP output data (the driver counts MiB; exported in bytes).", 1 << 20),
        HostStat("fcp_packet_alloc_failures", "fcp_packet_alloc_failures_total", "FCP packet allocation failures."),
        HostStat("fcp_packet_aborts", "fcp_packet_aborts_total", "FCP packet aborts."),
        HostStat("fcp_frame_alloc_failures", "fcp_frame_alloc_failures_total", "FCP frame allocation failures."),
        HostStat("fc_no_free_exch", "no_free_exchanges_total", "Exchange allocation failures (libfc exchange manager)."),
        HostStat("fc_no_free_exch_xid", "no_free_exchange_xids_total", "Exchange ID allocation failures (libfc exchange manager)."),
        HostStat("fc_xid_not_found", "xid_not_found_total", "Frames for an unknown exchange ID."),
        HostStat("fc_xid_busy", "xid_busy_total", "Exchange ID busy."),
        HostStat("fc_seq_not_found", "sequence_not_found_total", "Frames for an unknown sequence."),
        HostStat("fc_non_bls_resp", "non_bls_responses_total", "Non-BLS responses."),
        HostStat("cn_sig_warn", "congestion_signal_warnings_total", "Congestion signal warnings (EDC)."),
        HostStat("cn_sig_alarm", "congestion_signal_alarms_total", "Congestion signal alarms (EDC)."),
    ];

    /// <summary>The statistics/fpin_* files (20 on current kernels, docs/reference/sysfs.md §4.1 and §5) all become bsgkit_fc_host_fpin_*_total (rports: bsgkit_rport_fpin_*_total).</summary>
    public const string FpinPrefix = "fpin_";

    private static (string, MetricFamily, double) HostStat(string file, string name, string help, double scale = 1) =>
        (file, new MetricFamily(Prefix + "fc_host_" + name, MetricKind.Counter, $"fc_host statistics/{file}: {help}", Host, Wwpn), scale);

    private static readonly Dictionary<string, MetricFamily> Fpin = [];

    /// <summary>The counter for an FPIN statistics file (created once per name: the kernel's list may grow).</summary>
    public static MetricFamily FpinFamily(bool remote, string file)
    {
        var name = Prefix + (remote ? "rport_" : "fc_host_") + (file.EndsWith("_count", StringComparison.Ordinal) ? file[..^"_count".Length] : file) + "_total";
        lock (Fpin)
        {
            if (Fpin.TryGetValue(name, out var f)) return f;
            f = new MetricFamily(name, MetricKind.Counter, $"{(remote ? "fc_remote_ports" : "fc_host")} statistics/{file}: FPIN notifications received.",
                remote ? RportLabels : [Host, Wwpn]);
            Fpin[name] = f;
            return f;
        }
    }

    /// <summary>Every fixed family (FPIN families are added as files are found).</summary>
    public static IReadOnlyList<MetricFamily> Fixed { get; } =
    [
        HostInfo, HostUp, HostPortState, HostSpeed, HostSecondsSinceReset, RportUp,
        .. HostStatistics.Select(s => s.Family),
        RportLinkFailures, RportLossOfSync, RportLossOfSignal, RportPrimitiveSequenceErrors, RportInvalidTxWords, RportInvalidCrc,
        SfpTemperature, SfpVoltage, SfpTxBias, SfpTxPower, SfpRxPower,
        SfpTemperatureThreshold, SfpVoltageThreshold, SfpTxBiasThreshold, SfpTxPowerThreshold, SfpRxPowerThreshold, SfpFlag,
        NameServerPorts, NameServerFeaturePorts, NameServerListingComplete, ActiveZoneSet, ActiveZones, Switches,
        CollectorSuccess, CollectorApplicable, CollectorDuration, CollectorErrors, BsgRequests, Refreshes, RefreshDuration, LastRefresh, Scrapes,
    ];
}
