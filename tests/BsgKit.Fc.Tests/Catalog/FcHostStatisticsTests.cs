using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;
using BsgKit.Tests.Shared;

namespace BsgKit.Fc.Tests.Catalog;

/// <summary>/sys/class/fc_host/hostN/statistics: counters as the transport prints them, (u64)-1 meaning "not kept".</summary>
public sealed class FcHostStatisticsTests : IDisposable
{
    private readonly SysfsTreeBuilder _t = new();
    public void Dispose() => _t.Dispose();

    private string Stats(int host) => Path.Combine(_t.Class("fc_host", $"host{host}"), FcHostStatistics.Directory);

    [Fact]
    public void Counters_are_read_in_the_transport_order_and_those_not_kept_are_left_out()
    {
        _t.FcHost(3, "lpfc");
        _t.Attr(Stats(3), "tx_frames", "0x12d687");
        _t.Attr(Stats(3), "seconds_since_last_reset", "0x15180");
        _t.Attr(Stats(3), "invalid_crc_count", "0x0");
        _t.Attr(Stats(3), "fc_xid_not_found", "0xffffffffffffffff"); // lpfc does not keep it
        _t.Attr(Stats(3), "reset_statistics", "not readable in real sysfs");
        var problems = new List<string>();

        var stats = FcHostStatistics.Read(new BsgNodeCatalog(_t.Sys, _t.Dev), 3, problems);

        Assert.Empty(problems);
        Assert.Equal(["seconds_since_last_reset", "tx_frames", "invalid_crc_count"], stats.Select(s => s.Key));
        Assert.Equal(1234567UL, stats.Single(s => s.Key == "tx_frames").Value);
        Assert.Equal(86400UL, stats[0].Value);
    }

    [Fact]
    public void No_statistics_directory_is_no_counters_and_a_malformed_value_is_a_problem_line()
    {
        _t.FcHost(4, "qla2xxx");
        var problems = new List<string>();
        Assert.Empty(FcHostStatistics.Read(new BsgNodeCatalog(_t.Sys, _t.Dev), 4, problems));
        Assert.Empty(problems);

        _t.Attr(Stats(4), "rx_frames", "lots");
        _t.Attr(Stats(4), "rx_words", "0x10");
        var stats = FcHostStatistics.Read(new BsgNodeCatalog(_t.Sys, _t.Dev), 4, problems);
        Assert.Equal("rx_words", Assert.Single(stats).Key);
        Assert.Contains("rx_frames", Assert.Single(problems));
    }
}
