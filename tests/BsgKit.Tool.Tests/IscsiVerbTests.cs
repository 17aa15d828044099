using BsgKit.Iscsi.Catalog;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.Vendor;
using BsgKit.Tool.Commands;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>The iSCSI vendor verbs: one record per command of each driver, writers guarded, one host mapping for `list` and `iscsi list`.</summary>
public class IscsiVerbTests
{
    public static TheoryData<IscsiDriver> Drivers => [IscsiDriver.Qla4xxx, IscsiDriver.Be2iscsi];

    [Theory]
    [MemberData(nameof(Drivers))]
    public void Every_vendor_command_of_a_driver_has_exactly_one_verb(IscsiDriver driver)
    {
        var library = IscsiCodes.CommandsFor(driver)!.Entries.Select(e => e.Name).Order();
        var verbs = IscsiCommand.Verbs.Where(v => v.Driver == driver).Select(v => v.Name.ToUpperInvariant().Replace('-', '_')).ToList();
        Assert.Equal(verbs.Distinct().Count(), verbs.Count);
        Assert.Equal(library, verbs.Order());
        Assert.DoesNotContain(IscsiCommand.Verbs, v => v.Driver is not (IscsiDriver.Qla4xxx or IscsiDriver.Be2iscsi));
    }

    [Fact]
    public void Writers_take_the_guard_and_readers_do_not()
    {
        var o = new IscsiCommand.VendorOptions();
        foreach (var v in IscsiCommand.Verbs)
        {
            var allowed = v.Allowed(o);
            Assert.True(v.IsWrite == allowed.Contains(o.Yes), v.Key);
            Assert.True(v.ReadsBack == allowed.Contains(o.NoVerify), v.Key);
            Assert.False(v.ReadsBack && !v.IsWrite, $"{v.Key} reads back without writing");
            Assert.True(allowed.Distinct().Count() == allowed.Length, $"{v.Key} lists an option twice");
            Assert.DoesNotContain(o.Encoding, allowed); // applies to every command, never listed
        }
        Assert.Equal(["qla4xxx update-flash", "qla4xxx update-nvram", "qla4xxx restore-defaults", "be2iscsi write-flash"],
            IscsiCommand.Verbs.Where(v => v.IsWrite).Select(v => v.Key));
    }

    public static TheoryData<string, string> WriterRuns()
    {
        var data = new TheoryData<string, string>();
        foreach (var v in IscsiCommand.Verbs.Where(v => v.IsWrite)) data.Add(v.Driver == IscsiDriver.Qla4xxx ? "host3" : "host4", v.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(WriterRuns))]
    public async Task Every_writer_is_refused_without_the_flag_and_sends_nothing(string host, string verb)
    {
        string[] data = verb == "restore-defaults" ? [] : ["--data", "0102"];
        var r = await CliRun.RunAsync(["--simulate=iscsi", "-v", "iscsi", "vendor", host, verb, .. data]);
        Assert.True(r.Code == ExitCodes.Usage, r.ToString());
        var line = Assert.Single(r.ErrLines); // -v: a sent request would have been logged
        Assert.EndsWith($"refused without {ExitCodes.ConfirmFlag} (nothing was sent)", line);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void The_host_mapping_keeps_the_catalogs_reason_for_a_missing_node()
    {
        const string reason = "no iscsi_host3 in /sys/class/bsg although qla4xxx has a bsg handler (driver loaded without it?)";
        var dto = IscsiCommand.Host(new IscsiHostInfo(3) { Driver = "qla4xxx", Note = reason });
        Assert.Equal(reason, dto.BsgNote);
        Assert.Null(dto.BsgNode);
        Assert.Null(dto.Commands);
        Assert.Equal(IscsiHostInfo.NoBsgNodeNote, IscsiCommand.Host(new IscsiHostInfo(5) { Driver = "iscsi_tcp", Note = IscsiHostInfo.NoBsgNodeNote }).BsgNote);
    }

    [Fact]
    public async Task List_and_iscsi_list_show_each_iscsi_host_alike()
    {
        var list = await CliRun.RunAsync("--simulate=iscsi", "list", "-o", "json");
        var iscsi = await CliRun.RunAsync("--simulate=iscsi", "iscsi", "list", "-o", "json");
        Assert.True(list.Code == 0, list.ToString());
        Assert.True(iscsi.Code == 0, iscsi.ToString());
        var a = list.Json.GetProperty("iscsiHosts").EnumerateArray().ToList();
        var b = iscsi.Json.GetProperty("iscsiHosts").EnumerateArray().ToList();
        Assert.Equal(3, a.Count);
        Assert.Equal(a.Count, b.Count);
        for (var i = 0; i < a.Count; i++)
        {
            var withoutCommands = b[i].EnumerateObject().Where(p => p.Name != "commands").Select(p => (p.Name, p.Value.ToString()));
            Assert.Equal(withoutCommands, a[i].EnumerateObject().Select(p => (p.Name, p.Value.ToString())));
        }
    }
}
