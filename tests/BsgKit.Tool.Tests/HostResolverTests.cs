using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Catalog;
using BsgKit.Simulator.Hosting;
using BsgKit.Tool.Infrastructure;

namespace BsgKit.Tool.Tests;

/// <summary>
/// The host resolver on the lab scenario: host1 and host2 (lpfc, 0x010100 / 0x020100, WWPN …0a01 / …0a02), their
/// remote ports rport-1:0-0..3 and rport-2:0-0..3 (0x010a00 is 0x500507680b214ac1), and host5 (software iSCSI).
/// </summary>
public sealed class HostResolverTests : IDisposable
{
    private const string Host1Wwpn = "0x10000090fa8c0a01", Host2Wwpn = "0x10000090fa8c0a02", TargetWwpn = "0x500507680b214ac1";
    private readonly SimulatedSan _san = SimulatedSan.Create("lab", SysfsStorage.Memory);
    private readonly FcCatalogSnapshot _fc;
    private readonly IscsiCatalogSnapshot _iscsi;

    public HostResolverTests()
    {
        var sysfs = _san.Catalog;
        var nodes = sysfs.Scan();
        _fc = FcCatalog.Scan(sysfs, nodes);
        _iscsi = IscsiCatalog.Scan(sysfs, nodes);
    }

    public void Dispose() => _san.Dispose();

    private HostResolver Resolver(string? hostSpec = null, string? scenario = "lab") => new(() => _fc, () => _iscsi, hostSpec, scenario, "els rls");

    private static CliException Fails(int code, Action a)
    {
        var e = Assert.Throws<CliException>(a);
        Assert.Equal(code, e.ExitCode);
        return e;
    }

    [Theory]
    [InlineData(null, "host1")] // no -H: the first FC host with a bsg node
    [InlineData("fc_host2", "host2")]
    [InlineData("host2", "host2")]
    [InlineData("2", "host2")]
    [InlineData(Host2Wwpn, "host2")]
    [InlineData(" HOST1 ", "host1")]
    public void H_names_one_fc_host(string? spec, string expected) =>
        Assert.Equal(expected, Assert.Single(Resolver(spec).SelectHosts()).Name);

    [Fact]
    public void H_all_is_every_fc_host_and_not_one()
    {
        var r = Resolver("all");
        Assert.True(r.AllHosts);
        Assert.Equal(["host1", "host2"], r.SelectHosts().Select(h => h.Name));
        Assert.Contains("els rls runs on one host", Fails(ExitCodes.Usage, () => r.SelectHost()).Message);
    }

    [Fact]
    public void A_host_that_is_not_there_is_exit_3_naming_what_there_is()
    {
        Assert.Equal("no FC host matches 'host5' (host5 is an iSCSI host) (FC hosts: host1, host2)", Fails(ExitCodes.NotFound, () => Resolver("host5").SelectHosts()).Message);
        Assert.Contains("no FC host matches '0x10000090fa8c0aff'", Fails(ExitCodes.NotFound, () => Resolver("0x10000090fa8c0aff").SelectHosts()).Message);
        Assert.StartsWith("-H 'fc-host-one' is not a host", Fails(ExitCodes.Usage, () => Resolver("fc-host-one").SelectHosts()).Message);
    }

    [Fact]
    public void No_fc_hosts_names_the_scenario_or_the_machine()
    {
        var empty = _fc with { FcHosts = [] };
        Assert.Equal("scenario 'iscsi' has no FC hosts", Fails(ExitCodes.NotFound, () => new HostResolver(() => empty, () => _iscsi, null, "iscsi", "ns").SelectHosts()).Message);
        Assert.Contains("no FC hosts on this machine", Fails(ExitCodes.NotFound, () => new HostResolver(() => empty, () => _iscsi, null, null, "ns").SelectHosts()).Message);
    }

    [Fact]
    public void An_rport_name_implies_its_host_unless_H_is_given()
    {
        Assert.Equal("host2", Resolver().SelectHostFor("rport-2:0-2").Name);
        Assert.Equal("host1", Resolver("host1").SelectHostFor("rport-2:0-2").Name);
        Assert.Equal("host1", Resolver().SelectHostFor("0x020a00").Name);
    }

    [Fact]
    public void Iscsi_hosts_by_name_or_number_and_an_fc_host_is_named_as_such()
    {
        Assert.Equal(5, Resolver().SelectIscsiHost("iscsi_host5").HostNumber);
        Assert.Equal(5, Resolver().SelectIscsiHost("5").HostNumber);
        Assert.Equal("no iSCSI host matches 'host1' (host1 is an FC host) (iSCSI hosts: host5)", Fails(ExitCodes.NotFound, () => Resolver().SelectIscsiHost("host1")).Message);
        Assert.Null(HostResolver.TryParseIscsiHost("fc_host1"));
    }

    private FcHostClient Open(int host) => FcHostClient.Open(_fc, host, new FcClientOptions { Transport = _san.Transport });

    [Fact]
    public async Task Remote_ports_by_rport_name_fc_id_and_wwpn()
    {
        using var c = Open(1);
        var r = Resolver();
        Assert.Equal(new FcId(0x010a00), await r.ResolvePortAsync(c, "rport-1:0-2", CancellationToken.None));
        Assert.Equal(new FcId(0x010a00), await r.ResolvePortAsync(c, "0x010a00", CancellationToken.None));
        Assert.Equal(new FcId(0x010a00), await r.ResolvePortAsync(c, TargetWwpn, CancellationToken.None));
        // Not a remote port of host1 (it is host1 itself): the name server's GID_PN answers.
        Assert.Equal(new FcId(0x010100), await r.ResolvePortAsync(c, Host1Wwpn, CancellationToken.None));
    }

    [Fact]
    public async Task Remote_ports_that_are_not_there_are_exit_3()
    {
        using var c = Open(1);
        var r = Resolver();
        var other = await Assert.ThrowsAsync<CliException>(() => r.ResolvePortAsync(c, "rport-2:0-2", CancellationToken.None));
        Assert.Equal("remote port 'rport-2:0-2' belongs to host2, not host1", other.Message);
        var none = await Assert.ThrowsAsync<CliException>(() => r.ResolvePortAsync(c, "rport-1:0-9", CancellationToken.None));
        Assert.Equal("no remote port 'rport-1:0-9' (remote ports of host1: rport-1:0-0, rport-1:0-1, rport-1:0-2, rport-1:0-3)", none.Message);
        var unknown = await Assert.ThrowsAsync<CliException>(() => r.ResolvePortAsync(c, "0x500507680b2140ff", CancellationToken.None));
        Assert.Equal(ExitCodes.NotFound, unknown.ExitCode);
        Assert.StartsWith("no port with WWPN 0x500507680b2140ff in the fabric as seen from host1", unknown.Message);
        var absent = await Assert.ThrowsAsync<CliException>(() => r.ResolvePortAsync(c, "0x010f00", CancellationToken.None, mustExist: true));
        Assert.Equal(ExitCodes.NotFound, absent.ExitCode);
        Assert.StartsWith("no port 0x010f00 in the fabric as seen from host1", absent.Message);
        var bad = await Assert.ThrowsAsync<CliException>(() => r.ResolvePortAsync(c, "0x01zz00", CancellationToken.None));
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }
}
