using BsgKit.Simulator.Scenarios;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>bsgkit iscsi list / iscsi vendor on the built-in `iscsi` scenario: host3 qla4xxx, host4 be2iscsi, host5 iscsi_tcp.</summary>
public class IscsiCommandTests
{
    private const string Note = "this host has no bsg node (software iSCSI)";

    private static Task<CliRun> Iscsi(params string[] args) => CliRun.RunAsync(["--simulate=iscsi", "iscsi", .. args]);

    /// <summary>A refused command prints nothing on stdout, or with -o json only its error record.</summary>
    private static void AssertNothingButTheErrorRecord(CliRun r, string format)
    {
        if (format != "json") { Assert.Equal("", r.Out); return; }
        Assert.False(r.Json.GetProperty("ok").GetBoolean());
        Assert.Equal(r.Code, r.Json.GetProperty("exitCode").GetInt32());
        Assert.Equal(r.ErrLines[0], "bsgkit: " + r.Json.GetProperty("error").GetString());
    }

    private static IscsiHostSpec Spec(int host) => ScenarioLoader.Resolve("iscsi").IscsiHosts.Single(h => h.Host == host);

    private static string Hex(string? image, int offset, int length) => Convert.ToHexStringLower(ScenarioImage.Parse(image!).AsSpan(offset, length));

    [Fact]
    public async Task List_table_and_json()
    {
        var t = await Iscsi("list");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("iqn.2000-04.com.qlogic:isp4032.sim.3", t.Out);
        Assert.Contains("00:90:fa:6b:c4:40", t.Out);
        Assert.Contains("10 Gbit", t.Out); // sysfs says 10 Gbps: one unit everywhere
        Assert.Contains("/dev/bsg/iscsi_host3", t.Out);
        Assert.Contains(Note, t.Out);
        Assert.DoesNotContain("((", t.Out); // the note is not wrapped in a second pair of parentheses
        Assert.Equal("", t.Err);

        var j = await Iscsi("list", "-o", "json");
        Assert.Equal(0, j.Code);
        var hosts = j.Json.GetProperty("iscsiHosts");
        Assert.Equal(3, hosts.GetArrayLength());
        Assert.Equal("qla4xxx", hosts[0].GetProperty("driver").GetString());
        Assert.Equal("192.0.2.30", hosts[0].GetProperty("ipAddress").GetString());
        Assert.Equal("LINK_UP", hosts[0].GetProperty("state").GetString());
        Assert.Equal("10 Gbit", hosts[0].GetProperty("speed").GetString());
        Assert.EndsWith("/dev/bsg/iscsi_host3", hosts[0].GetProperty("bsgNode").GetString());
        Assert.Contains(hosts[0].GetProperty("commands").EnumerateArray(), c => c.GetString() == "diag-test");
        Assert.Equal(["read-flash", "write-flash"], hosts[1].GetProperty("commands").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal("iscsi_tcp", hosts[2].GetProperty("driver").GetString());
        Assert.Equal(Note, hosts[2].GetProperty("bsgNote").GetString());
        Assert.False(hosts[2].TryGetProperty("bsgNode", out _));
    }

    [Fact]
    public async Task Scenario_name_iscsi_before_the_iscsi_command()
    {
        var r = await CliRun.RunAsync("--simulate", "iscsi", "iscsi", "list", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(3, r.Json.GetProperty("iscsiHosts").GetArrayLength());
    }

    [Theory]
    [InlineData("host3", "read-flash", "flash", 16, 64)]
    [InlineData("iscsi_host3", "read-nvram", "nvram", 0, 128)]
    [InlineData("3", "read-flash", "flash", 0, 256)]
    public async Task Qla4xxx_reads_return_the_scenario_bytes(string host, string command, string image, int offset, int length)
    {
        string[] args = offset == 0 && length == 256 ? [] : ["--offset", $"0x{offset:x}", "--length", length.ToString()];
        var r = await Iscsi(["vendor", host, command, "-o", "json", .. args]);
        Assert.True(r.Code == 0, r.ToString());
        var spec = Spec(3);
        Assert.Equal(Hex(image == "flash" ? spec.Flash : spec.Nvram, offset, length), r.Json.GetProperty("data").GetString());
        Assert.Equal("hex", r.Json.GetProperty("encoding").GetString());
        Assert.Equal(length, r.Json.GetProperty("length").GetInt32());
        Assert.Equal("qla4xxx", r.Json.GetProperty("driver").GetString());
    }

    [Fact]
    public async Task Read_table_is_a_hex_dump_and_json_can_be_base64()
    {
        var t = await Iscsi("vendor", "host3", "read-flash", "--length", "32");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("0000  51 4c 41 34", t.Out);
        Assert.Contains("QLA4xxx flash", t.Out);
        var j = await Iscsi("vendor", "host3", "read-flash", "--length", "32", "--encoding", "base64", "-o", "json");
        Assert.Equal("base64", j.Json.GetProperty("encoding").GetString());
        Assert.Equal(ScenarioImage.Parse(Spec(3).Flash!)[..32], Convert.FromBase64String(j.Json.GetProperty("data").GetString()!));
    }

    [Fact]
    public async Task Get_acb_and_acb_state()
    {
        var acb = await Iscsi("vendor", "host3", "get-acb", "-o", "json");
        Assert.True(acb.Code == 0, acb.ToString());
        Assert.Equal("primary", acb.Json.GetProperty("acbType").GetString());
        Assert.Equal(Hex(Spec(3).Acb, 0, 768), acb.Json.GetProperty("data").GetString());

        var state = await Iscsi("vendor", "host3", "get-acb-state", "--acb-index", "0", "-o", "json");
        Assert.True(state.Code == 0, state.ToString());
        Assert.Equal("PREFERRED", state.Json.GetProperty("ipState").GetString());
        Assert.Equal("COMMAND_COMPLETE", state.Json.GetProperty("commandStatus").GetString());
        Assert.Equal(8, state.Json.GetProperty("mailboxStatus").GetArrayLength());
    }

    [Fact]
    public async Task Be2iscsi_read_flash_addresses_sector_times_size_plus_offset()
    {
        var r = await Iscsi("vendor", "4", "read-flash", "--sector", "1", "--sector-size", "1024", "--offset", "8", "--length", "40", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal("0x408", r.Json.GetProperty("address").GetString());
        Assert.Equal(Hex(Spec(4).Flash, 1032, 40), r.Json.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Diag_test_passes_and_fails()
    {
        var ok = await Iscsi("vendor", "host3", "diag-test", "--test", "test-ddr-rw", "-o", "json");
        Assert.True(ok.Code == 0, ok.ToString());
        Assert.True(ok.Json.GetProperty("passed").GetBoolean());
        Assert.Equal("TEST_DDR_RW", ok.Json.GetProperty("test").GetString());
        Assert.Equal("COMMAND_COMPLETE", ok.Json.GetProperty("commandStatus").GetString());

        // The scenario fails QL_DIAG_CMD 0x8 (TEST_EXT_LOOPBACK).
        var bad = await Iscsi("vendor", "host3", "diag-test", "--test", "0x8");
        Assert.True(bad.Code == ExitCodes.Rejected, bad.ToString());
        Assert.Contains("FAILED", bad.Out);
        Assert.Contains("COMMAND_ERROR", Assert.Single(bad.ErrLines));
    }

    [Theory]
    [InlineData("table", "host3", "update-flash", "--data", "deadbeef")]
    [InlineData("json", "host3", "update-flash", "--data", "deadbeef")]
    [InlineData("json", "host3", "update-nvram", "--data", "01:02")]
    [InlineData("table", "host3", "restore-defaults", "--region", "0")]
    [InlineData("json", "host4", "write-flash", "--data", "0102")]
    public async Task Writes_are_refused_without_the_confirmation_flag(string format, string host, string command, string option, string value)
    {
        var r = await Iscsi("vendor", host, command, option, value, "-o", format);
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.Contains("--yes-i-mean-it", line);
        Assert.Contains(command, line);
        AssertNothingButTheErrorRecord(r, format);
    }

    [Fact]
    public async Task Refused_write_changes_nothing()
    {
        var refused = await Iscsi("vendor", "host3", "update-flash", "--offset", "0x10", "--data", "deadbeef", "-o", "json");
        Assert.Equal(ExitCodes.Usage, refused.Code);
        var read = await Iscsi("vendor", "host3", "read-flash", "--offset", "0x10", "--length", "4", "-o", "json");
        Assert.Equal(Hex(Spec(3).Flash, 16, 4), read.Json.GetProperty("data").GetString());
        Assert.NotEqual("deadbeef", read.Json.GetProperty("data").GetString());
    }

    [Fact]
    public async Task Confirmed_flash_write_reads_back_the_new_bytes()
    {
        var r = await Iscsi("vendor", "host3", "update-flash", "--offset", "0x10", "--data", "de:ad:be:ef", "--yes-i-mean-it", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        Assert.True(r.Json.GetProperty("written").GetBoolean());
        Assert.True(r.Json.GetProperty("verified").GetBoolean());
        Assert.Equal("deadbeef", r.Json.GetProperty("readBack").GetString());
        Assert.Equal("", r.Err);

        var t = await Iscsi("vendor", "host4", "write-flash", "--sector", "2", "--sector-size", "1024", "--offset", "4", "--data", "cafe", "--yes-i-mean-it");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("yes (read back matches)", t.Out);
    }

    [Fact]
    public async Task Confirmed_nvram_write_from_a_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bsgkit-nvram-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(file, [0x11, 0x22, 0x33]);
        try
        {
            var r = await Iscsi("vendor", "host3", "update-nvram", "--offset", "4", "--data", "@" + file, "--yes-i-mean-it", "--encoding", "base64", "-o", "json");
            Assert.True(r.Code == 0, r.ToString());
            Assert.Equal([0x11, 0x22, 0x33], Convert.FromBase64String(r.Json.GetProperty("readBack").GetString()!));
            Assert.True(r.Json.GetProperty("verified").GetBoolean());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Restore_defaults_with_confirmation()
    {
        var r = await Iscsi("vendor", "host3", "restore-defaults", "--yes-i-mean-it", "-o", "json");
        Assert.True(r.Code == 0, r.ToString());
        Assert.True(r.Json.GetProperty("written").GetBoolean());
    }

    [Theory]
    [InlineData("host9")]
    [InlineData("iscsi_host42")]
    [InlineData("nonsense")]
    public async Task Unknown_host_is_exit_3_naming_it(string host)
    {
        var r = await Iscsi("vendor", host, "read-flash");
        Assert.True(r.Code == ExitCodes.NotFound, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.Contains($"'{host}'", line);
        Assert.Contains("host3, host4, host5", line);
    }

    [Theory]
    [InlineData("host4", "get-acb", "be2iscsi")]
    [InlineData("host4", "update-nvram", "be2iscsi")]
    [InlineData("host3", "write-flash", "qla4xxx")]
    public async Task Command_of_the_other_driver_is_exit_2_naming_the_driver(string host, string command, string runs)
    {
        var r = await Iscsi("vendor", host, command, "-o", "json");
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        var line = Assert.Single(r.ErrLines);
        Assert.Contains($"runs {runs}", line);
        AssertNothingButTheErrorRecord(r, "json");
    }

    [Fact]
    public async Task Software_iscsi_host_is_exit_6_with_the_note()
    {
        var r = await Iscsi("vendor", "host5", "read-flash");
        Assert.True(r.Code == ExitCodes.Transport, r.ToString());
        Assert.Contains(Note, Assert.Single(r.ErrLines));
    }

    [Theory]
    [InlineData("read-flash", "--test", "0x3")]
    [InlineData("read-flash", "--length", "0")]
    [InlineData("read-flash", "--offset", "zz")]
    [InlineData("diag-test", "--test", "TEST_NOPE")]
    [InlineData("update-flash", "--yes-i-mean-it", null)]
    [InlineData("frobnicate", "--length", "1")]
    public async Task Bad_input_is_exit_2_with_one_line(string command, string option, string? value)
    {
        string[] extra = value is null ? [option] : [option, value];
        var r = await Iscsi(["vendor", "host3", command, .. extra]);
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        Assert.Single(r.ErrLines);
    }

    [Fact]
    public async Task Flash_read_beyond_the_image_is_a_driver_error()
    {
        // qla4xxx flash ranges are checked by the firmware: DID_ERROR, exit 6.
        var r = await Iscsi("vendor", "host3", "read-flash", "--offset", "0x10000", "--length", "16");
        Assert.True(r.Code == ExitCodes.Transport, r.ToString());
        Assert.Single(r.ErrLines);
    }
}
