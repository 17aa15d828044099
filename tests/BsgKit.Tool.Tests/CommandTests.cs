using System.Text.Json;

namespace BsgKit.Tool.Tests;

/// <summary>Every command family on the simulated SAN, as a table and as JSON, checked against the scenario.</summary>
public class CommandTests
{
    // lab: host1 (lpfc, 0x010100; rports 0 and 1 are the directory and management servers) sees 0x010a00 = 0x500507680b214ac1 (IBM array1 port1) and 0x010b00 = 0x524a937c1f7b6a00.
    private const string Target = "0x500507680b214ac1";

    [Fact]
    public async Task List_table_and_json()
    {
        var t = await CliRun.SimAsync("list");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("host1", t.Out);
        Assert.Contains("rport-1:0-2", t.Out);
        Assert.Contains("no bsg node (software iSCSI)", t.Out);
        var j = await CliRun.SimAsync("list", "-o", "json");
        Assert.Equal(0, j.Code);
        var hosts = j.Json.GetProperty("fcHosts");
        Assert.Equal(2, hosts.GetArrayLength());
        Assert.Equal("lpfc", hosts[0].GetProperty("driver").GetString());
        Assert.Equal("0x10000090fa8c0a01", hosts[0].GetProperty("wwpn").GetString());
        var rport = j.Json.GetProperty("remotePorts").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "rport-1:0-2");
        Assert.Equal(Target, rport.GetProperty("wwpn").GetString());
        Assert.Equal("FCP Target", rport.GetProperty("roles")[0].GetString());
        Assert.Equal("host5", j.Json.GetProperty("iscsiHosts")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Info_table_and_json()
    {
        var t = await CliRun.SimAsync("info", "host2");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("LPe32002-M2", t.Out);
        var j = await CliRun.SimAsync("info", "2", "-o", "json");
        Assert.Equal("0x10000090fa8c0a02", j.Json.GetProperty("wwpn").GetString());
        Assert.Contains(j.Json.GetProperty("remotePorts").EnumerateArray(), r => r.GetProperty("wwpn").GetString() == "0x500507680b224ac1");
    }

    [Fact]
    public async Task Ns_gpn_id_several_arguments_table_and_json()
    {
        var t = await CliRun.SimAsync("ns", "gpn-id", "0x010a00", "010b00");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains(Target, t.Out);
        Assert.Contains("0x524a937c1f7b6a00", t.Out);
        var j = await CliRun.SimAsync("ns", "gpn-id", "0x010a00", "-o", "json");
        var r = j.Json.GetProperty("results")[0];
        Assert.True(r.GetProperty("ok").GetBoolean());
        Assert.Equal(Target, r.GetProperty("portName").GetString());
    }

    [Theory]
    [InlineData("gnn-id", "0x010a00", "nodeName", "0x500507680b004ac1")]
    [InlineData("gspn-id", "0x010a00", "symbolicPortName", "IBM 2145 FlashSystem array1 port1")]
    [InlineData("gsnn-nn", "0x500507680b004ac1", "symbolicNodeName", "IBM 2145 FlashSystem array1")]
    [InlineData("gid-pn", Target, "portId", "0x010a00")]
    [InlineData("gpt-id", "0x010a00", "portTypeName", "N_Port")]
    [InlineData("ga-nxt", "0x010100", "portId", "0x010a00")]
    public async Task Ns_single_value_queries(string query, string arg, string field, string expected)
    {
        var j = await CliRun.SimAsync("ns", query, arg, "-o", "json");
        Assert.True(j.Code == 0, j.ToString());
        Assert.Equal(expected, j.Json.GetProperty("results")[0].GetProperty(field).GetString());
        var t = await CliRun.SimAsync("ns", query, arg);
        Assert.Equal(0, t.Code);
        Assert.Contains(expected, t.Out);
    }

    [Fact]
    public async Task Ns_feature_and_type_queries()
    {
        var ff = await CliRun.SimAsync("ns", "gff-id", "0x010a00", "-o", "json");
        Assert.True(ff.Json.GetProperty("results")[0].GetProperty("fcpTarget").GetBoolean(), ff.ToString());
        var ft = await CliRun.SimAsync("ns", "gft-id", "0x010a00", "-o", "json");
        Assert.Contains("FCP", ft.Json.GetProperty("results")[0].GetProperty("fc4Types")[0].GetString());
        var t = await CliRun.SimAsync("ns", "gft-id", "0x010a00");
        Assert.Contains("FCP (SCSI)", t.Out);
    }

    [Theory]
    [InlineData("gid-ft")]
    [InlineData("gpn-ft")]
    [InlineData("gnn-ft")]
    [InlineData("gid-pt")]
    [InlineData("gid-nn")]
    public async Task Ns_list_queries(string query)
    {
        string[] args = query == "gid-nn" ? ["ns", query, "0x524a937c1f7b6aff"] : ["ns", query];
        var j = await CliRun.SimAsync([.. args, "-o", "json"]);
        Assert.True(j.Code == 0, j.ToString());
        var ports = j.Json.GetProperty("results")[0].GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("portId").GetString()).ToList();
        Assert.Contains(query == "gid-nn" ? "0x010b00" : "0x010a00", ports);
        if (query == "gpn-ft")
            Assert.Contains(j.Json.GetProperty("results")[0].GetProperty("ports").EnumerateArray(), p => p.GetProperty("name").GetString() == Target);
        var t = await CliRun.SimAsync(args);
        Assert.Equal(0, t.Code);
        Assert.Contains(query == "gid-nn" ? "0x010b00" : "0x010a00", t.Out);
    }

    [Fact]
    public async Task Ns_all_hosts()
    {
        var j = await CliRun.SimAsync("-H", "all", "ns", "gid-pn", "0x500507680b224ac1", "-o", "json");
        // host2 is zoned with array1 port2; host1 is not, so the result is partial (exit 7).
        Assert.Equal(7, j.Code);
        var results = j.Json.GetProperty("results");
        Assert.Equal(2, results.GetArrayLength());
        Assert.Contains(results.EnumerateArray(), r => r.GetProperty("host").GetString() == "host2" && r.GetProperty("portId").GetString() == "0x020a00");
    }

    [Fact]
    public async Task Els_ping_summary_table_and_json()
    {
        var t = await CliRun.SimAsync("els", "ping", "-c", "3", "-i", "0", Target);
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("seq=3 time=", t.Out);
        Assert.Contains("3 transmitted, 3 received, 0% loss", t.Out);
        Assert.Matches(@"rtt min/avg/max/mdev = [\d.]+/[\d.]+/[\d.]+/[\d.]+ ms", t.Out);
        var j = await CliRun.SimAsync("els", "echo", "-c", "2", "-i", "0", "-s", "100", "rport-1:0-2", "-o", "json");
        Assert.Equal(0, j.Code);
        Assert.Equal(2, j.Json.GetProperty("received").GetInt32());
        Assert.Equal(0, j.Json.GetProperty("lossPercent").GetDouble());
        Assert.Equal(104, j.Json.GetProperty("replies")[0].GetProperty("bytes").GetInt32());
        var f = await CliRun.SimAsync("els", "ping", "-f", "-c", "10", "0x010a00");
        Assert.DoesNotContain("seq=", f.Out);
        Assert.Contains("10 transmitted, 10 received", f.Out);
    }

    [Fact]
    public async Task Els_rls_counters_from_the_scenario()
    {
        var j = await CliRun.SimAsync("els", "rls", "0x010a00", "-o", "json");
        Assert.True(j.Code == 0, j.ToString());
        var lesb = j.Json.GetProperty("rls");
        Assert.Equal(4u, lesb.GetProperty("lossOfSync").GetUInt32());
        Assert.Equal(12u, lesb.GetProperty("invalidTransmissionWord").GetUInt32());
        var t = await CliRun.SimAsync("els", "rls", "rport-1:0-2");
        Assert.Matches(@"Invalid transmission word:\s+12", t.Out);
    }

    [Fact]
    public async Task Els_rdp_optics_with_units()
    {
        var j = await CliRun.SimAsync("els", "rdp", Target, "-o", "json");
        Assert.True(j.Code == 0, j.ToString());
        var readings = j.Json.GetProperty("rdp").GetProperty("readings").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(41.2, readings["temperature"].GetProperty("value").GetDouble(), 1);
        Assert.Equal("°C", readings["temperature"].GetProperty("unit").GetString());
        Assert.Equal(610, readings["txPower"].GetProperty("value").GetDouble(), 0);
        Assert.Equal(-2.15, readings["txPower"].GetProperty("dbm").GetDouble(), 2);
        var t = await CliRun.SimAsync("els", "rdp", Target);
        Assert.Contains("41.2 °C", t.Out);
        Assert.Contains("3.29 V", t.Out);
        Assert.Contains("7.9 mA", t.Out);
        Assert.Contains("-2.84 dBm", t.Out);
    }

    [Theory]
    [InlineData("rnid", "rnid")]
    [InlineData("rpsc", "rpsc")]
    [InlineData("adisc", "adisc")]
    [InlineData("rtv", "rtv")]
    [InlineData("rpl", "rpl")]
    [InlineData("rps", "rps")]
    [InlineData("lirr", "command")]
    [InlineData("srl", "command")]
    public async Task Els_commands_table_and_json(string command, string property)
    {
        string[] yes = command is "lirr" or "srl" ? ["--yes-i-mean-it"] : [];
        var j = await CliRun.SimAsync(["els", command, "0x010a00", .. yes, "-o", "json"]);
        Assert.True(j.Code == 0, j.ToString());
        Assert.True(j.Json.TryGetProperty(property, out _), j.Out);
        Assert.Equal("0x010a00", j.Json.GetProperty("destination").GetString());
        var t = await CliRun.SimAsync(["els", command, "0x010a00", .. yes]);
        Assert.Equal(0, t.Code);
        Assert.Contains($"{command.ToUpperInvariant()} 0x010a00 from host1: accepted", t.Out);
        if (command == "adisc") Assert.Contains(Target, t.Out);
        if (command == "rnid") Assert.Contains("0x500507680b004ac1", t.Out);
    }

    [Fact]
    public async Task Discover_table_json_and_dot()
    {
        var t = await CliRun.SimAsync("discover");
        Assert.True(t.Code == 0, t.ToString());
        Assert.Contains("IBM 2145 FlashSystem array1 port1", t.Out);
        var j = await CliRun.SimAsync("discover", "-o", "json");
        var nports = j.Json.GetProperty("nPorts").EnumerateArray().ToList();
        Assert.Contains(nports, n => n.GetProperty("portId").GetString() == "0x010a00" && n.GetProperty("portName").GetString() == Target);
        Assert.True(j.Json.GetProperty("complete").GetBoolean());
        var d = await CliRun.SimAsync("discover", "-o", "dot");
        Assert.StartsWith("graph fabric {", d.Out);
        Assert.Contains("\"0x010a00\"", d.Out);
        Assert.EndsWith("}", d.Out.TrimEnd());
    }

    [Fact]
    public async Task Discover_switches_and_isls_where_the_driver_reaches_the_management_server()
    {
        var j = await CliRun.RunAsync("--simulate", "libfc", "discover", "-o", "json");
        Assert.True(j.Code == 0, j.ToString());
        var sw = j.Json.GetProperty("switches")[0];
        Assert.Equal("libfc-sw", sw.GetProperty("logicalName").GetString());
        Assert.Equal(1, sw.GetProperty("domainId").GetInt32());
        var d = await CliRun.RunAsync("--simulate", "libfc", "discover", "-o", "dot");
        Assert.Contains("shape=box", d.Out);
        Assert.Contains(" -- \"0x010500\"", d.Out);
    }

    [Fact]
    public async Task Fcs_fdmi_zone_table_and_json()
    {
        var list = await CliRun.RunAsync("--simulate", "libfc", "fcs", "list", "-o", "json");
        Assert.True(list.Code == 0, list.ToString());
        var element = list.Json.GetProperty("elements")[0];
        Assert.Equal("Brocade", element.GetProperty("vendor").GetString());
        var name = element.GetProperty("name").GetString()!;
        var ports = await CliRun.RunAsync("--simulate", "libfc", "fcs", "ports", name);
        Assert.Contains("0x50060e8007e0a100 (N_Port)", ports.Out);
        var port = await CliRun.RunAsync("--simulate", "libfc", "fcs", "port", "0x50060e8007e0a100", "-o", "json");
        Assert.Equal("Online", port.Json.GetProperty("state").GetString());
        var ping = await CliRun.RunAsync("--simulate", "libfc", "fcs", "ping", "-c", "2", "-i", "0", "0x010500");
        Assert.True(ping.Code == 0, ping.ToString());
        Assert.Contains("2 transmitted, 2 received, 0% loss", ping.Out);

        var hbas = await CliRun.RunAsync("--simulate", "libfc", "fdmi", "list", "-o", "json");
        var hba = hbas.Json.GetProperty("hbas")[0].GetString()!;
        var attrs = await CliRun.RunAsync("--simulate", "libfc", "fdmi", "hba", hba, "-o", "json");
        Assert.True(attrs.Code == 0, attrs.ToString());
        Assert.NotEqual(0, attrs.Json.GetProperty("attributes").GetArrayLength());
        var portAttrs = await CliRun.RunAsync("--simulate", "libfc", "fdmi", "port", "0x2000001b21aa0001");
        Assert.True(portAttrs.Code == 0, portAttrs.ToString());

        var caps = await CliRun.RunAsync("--simulate", "libfc", "zone", "caps", "-o", "json");
        Assert.True(caps.Json.GetProperty("hardZones").GetBoolean());
        var sets = await CliRun.RunAsync("--simulate", "libfc", "zone", "sets");
        Assert.Equal(0, sets.Code);
    }

    [Fact]
    public async Task Raw_and_vendor()
    {
        // GPN_ID of 0x010a00 as a hand-built CT_IU.
        var raw = await CliRun.SimAsync("raw", "--msgcode", "ct", "--dout", "01000000fc020000011200000000000000010a00", "--din-len", "64", "-o", "json");
        Assert.True(raw.Code == 0, raw.ToString());
        Assert.Equal("Accepted", raw.Json.GetProperty("status").GetString());
        Assert.Contains("500507680b214ac1", raw.Json.GetProperty("response").GetString());
        var t = await CliRun.SimAsync("raw", "--msgcode", "ct", "--dout", "01000000fc020000011200000000000000010a00");
        Assert.Contains("CT accept", t.Out);
        Assert.Contains("50 05 07 68 0b 21 4a c1", t.Out);
        var v = await CliRun.SimAsync("vendor", "6", "-o", "json");
        Assert.True(v.Code == 0, v.ToString());
        Assert.Equal("0x01000000000010df", v.Json.GetProperty("vendorId").GetString());
    }

    [Fact]
    public async Task Sim_list_show_generate()
    {
        var l = await CliRun.RunAsync("sim", "list", "-o", "json");
        Assert.Contains(l.Json.EnumerateArray(), s => s.GetProperty("name").GetString() == "lab");
        var t = await CliRun.RunAsync("sim", "list");
        Assert.Contains("zfcp", t.Out);
        var show = await CliRun.RunAsync("sim", "show", "lab");
        Assert.Equal("lab", JsonDocument.Parse(show.Out).RootElement.GetProperty("name").GetString());
        var gen = await CliRun.RunAsync("sim", "generate", "--nports", "20");
        Assert.True(gen.Code == 0, gen.ToString());
        Assert.Equal(20, JsonDocument.Parse(gen.Out).RootElement.GetProperty("nports").GetArrayLength());
    }

    [Fact]
    public async Task Help_documents_exit_codes()
    {
        var h = await CliRun.RunAsync("--help");
        Assert.Equal(0, h.Code);
        Assert.Contains("Exit codes:", h.Out);
        Assert.Contains("7  partial result", h.Out);
    }

    [Fact]
    public async Task Ns_reads_arguments_from_the_injected_stdin()
    {
        var r = await CliRun.SimAsync(["ns", "gpn-id", "--stdin", "-q"], new StringReader("0x010a00\n# comment\n\n0x010b00\n"));
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal([Target, "0x524a937c1f7b6a00"], r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Environment_variable_selects_the_simulator()
    {
        // The variable is this run's own: ExitCodeTests run the real transport in parallel and must not see it.
        var r = await CliRun.RunAsync(["ns", "gpn-id", "0x010a00", "-q"], new Dictionary<string, string> { ["BSGKIT_SIMULATE"] = "lab" });
        Assert.True(r.Code == 0, r.ToString());
        Assert.Equal(Target, r.Out.Trim());
        Assert.Null(Environment.GetEnvironmentVariable("BSGKIT_SIMULATE"));
    }

    [Fact]
    public async Task Without_the_variable_in_the_injected_environment_the_real_machine_is_used()
    {
        // An empty sysfs tree: no FC hosts (exit 3), not the lab's answer.
        var root = Directory.CreateTempSubdirectory("bsgkit-env-");
        try
        {
            var r = await CliRun.RunAsync(["ns", "gpn-id", "0x010a00", "-q"],
                new Dictionary<string, string> { ["BSGKIT_SYSFS_ROOT"] = root.FullName, ["BSGKIT_DEV_ROOT"] = root.FullName });
            Assert.True(r.Code == Infrastructure.ExitCodes.NotFound, r.ToString());
            Assert.Contains("no FC hosts on this machine", r.Err);
        }
        finally { root.Delete(recursive: true); }
    }
}
