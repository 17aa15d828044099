using BsgKit.Bsg.Catalog;

namespace BsgKit.Fc.Catalog;

/// <summary>
/// /sys/class/fc_host/hostN/statistics: the local port's counters (frames, words, link error status, FCP, exchange
/// manager, congestion signals, FPIN), each printed as 0x%llx by fc_stat_show() in drivers/scsi/scsi_transport_fc.c
/// (docs/reference/sysfs.md §4.1). A counter reading all ones is one the driver set to -1 (not kept) and is left out;
/// reset_statistics is write-only and not read.
/// </summary>
public static class FcHostStatistics
{
    /// <summary>The directory under the fc_host entry.</summary>
    public const string Directory = "statistics";

    /// <summary>The counter files in the order the transport class declares them (docs/reference/sysfs.md §4.1).</summary>
    public static readonly IReadOnlyList<string> Counters =
    [
        "seconds_since_last_reset", "tx_frames", "tx_words", "rx_frames", "rx_words", "lip_count", "nos_count", "error_frames",
        "dumped_frames", "link_failure_count", "loss_of_sync_count", "loss_of_signal_count", "prim_seq_protocol_err_count",
        "invalid_tx_word_count", "invalid_crc_count", "fcp_input_requests", "fcp_output_requests", "fcp_control_requests",
        "fcp_input_megabytes", "fcp_output_megabytes", "fcp_packet_alloc_failures", "fcp_packet_aborts", "fcp_frame_alloc_failures",
        "fc_no_free_exch", "fc_no_free_exch_xid", "fc_xid_not_found", "fc_xid_busy", "fc_seq_not_found", "fc_non_bls_resp",
        "cn_sig_warn", "cn_sig_alarm",
        "fpin_dn", "fpin_dn_unknown", "fpin_dn_timeout", "fpin_dn_unable_to_route", "fpin_dn_device_specific",
        "fpin_li", "fpin_li_failure_unknown", "fpin_li_link_failure_count", "fpin_li_loss_of_sync_count", "fpin_li_loss_of_signals_count",
        "fpin_li_prim_seq_err_count", "fpin_li_invalid_tx_word_count", "fpin_li_invalid_crc_count", "fpin_li_device_specific",
        "fpin_cn", "fpin_cn_clear", "fpin_cn_lost_credit", "fpin_cn_credit_stall", "fpin_cn_oversubscription", "fpin_cn_device_specific",
    ];

    /// <summary>The six local link error status counters (the LESB of the host's own port).</summary>
    public static readonly IReadOnlyList<string> LinkErrorCounters =
    [
        "link_failure_count", "loss_of_sync_count", "loss_of_signal_count", "prim_seq_protocol_err_count", "invalid_tx_word_count", "invalid_crc_count",
    ];

    /// <summary>What an unsupported counter reads as: (u64)-1.</summary>
    public const ulong NotKept = ulong.MaxValue;

    /// <summary>
    /// The counters host <paramref name="hostNumber"/> keeps, by file name, in <see cref="Counters"/> order; empty when
    /// the driver has no statistics (no directory, or every read failing with ENOENT). Unreadable values add a problem line.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, ulong>> Read(BsgNodeCatalog sysfs, int hostNumber, List<string> problems)
    {
        var dir = Path.Combine(sysfs.ClassDirectory("fc_host"), $"host{hostNumber}", Directory);
        if (!sysfs.Source.DirectoryExists(dir)) return [];
        var a = sysfs.Attributes(dir, problems);
        var result = new List<KeyValuePair<string, ulong>>();
        foreach (var name in Counters)
            if (a.Hex64(name, required: false) is ulong v && v != NotKept) result.Add(KeyValuePair.Create(name, v));
        return result;
    }
}
