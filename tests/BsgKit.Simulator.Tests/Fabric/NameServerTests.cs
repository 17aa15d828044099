using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Simulator.Fabric;
using static BsgKit.Simulator.Tests.Fabric.FabricTestKit;

namespace BsgKit.Simulator.Tests.Fabric;

public class NameServerTests
{
    private static readonly FcId[] ZonedFcp = [new(0x010000), A, E, B];

    [Fact]
    public void Gid_ft_returns_the_ports_in_a_common_zone_and_the_requester_itself()
    {
        var (fabric, host) = Build();
        var list = GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))));
        Assert.True(list.IsComplete);
        Assert.Equal(ZonedFcp, list.PortIds);
    }

    [Fact]
    public void Gpn_ft_and_gnn_ft_list_names_in_fc_id_order()
    {
        var (fabric, host) = Build();
        var ports = GpnFt.ParseAccept(Ct(fabric, host, b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))));
        Assert.True(ports.IsComplete);
        Assert.Equal([Wwn.Parse(HostWwpn), Wwn.Parse(AWwpn), Wwn.Parse(EWwpn), Wwn.Parse(BWwpn)], ports.Entries.Select(e => e.Name));
        var nodes = GnnFt.ParseAccept(Ct(fabric, host, b => GnnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))));
        Assert.Equal(Wwn.Parse("50:06:01:60:be:a0:00:01"), nodes.Entries[1].Name);
    }

    [Fact]
    public void Nvme_and_domain_scoped_queries_narrow_the_list()
    {
        var (fabric, host) = Build();
        Assert.Equal([B], GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Nvme)))).PortIds);
        Assert.Equal([B], GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 2)))).PortIds);
        var empty = Rejected(() => GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 9)))));
        Assert.Equal(CtRejectReasons.UnableToPerform, empty.Reason);
        Assert.Equal(CtReasonExplanations.NoObjectInScope, empty.Explanation);
    }

    [Fact]
    public void Gid_pt_lists_nx_ports()
    {
        var (fabric, host) = Build();
        var list = GidPt.ParseAccept(Ct(fabric, host, b => GidPt.BuildRequest(b, new NsPortTypeScope(PortTypes.NxPort))));
        Assert.Equal(ZonedFcp, list.PortIds);
    }

    [Fact]
    public void Ga_nxt_walk_visits_visible_ports_and_wraps_around()
    {
        var (fabric, host) = Build();
        var seen = new List<FcId>();
        var id = new FcId(0);
        for (var i = 0; i < 6; i++)
        {
            var entry = GaNxt.ParseAccept(Ct(fabric, host, b => GaNxt.BuildRequest(b, id)));
            if (seen.Count > 0 && entry.PortId == seen[0]) break;
            seen.Add(entry.PortId);
            id = entry.PortId;
        }
        Assert.Equal(ZonedFcp, seen);
        var a = GaNxt.ParseAccept(Ct(fabric, host, b => GaNxt.BuildRequest(b, new FcId(0x010000))));
        Assert.Equal(A, a.PortId);
        Assert.Equal("ARRAY-A SP-A port 0", a.SymbolicPortName);
        Assert.Equal("ARRAY-A", a.SymbolicNodeName);
        Assert.True(a.Fc4Types.Contains(Fc4Types.Fcp));
        Assert.Equal(PortTypes.NPort, a.PortType);
        Assert.NotEqual(default, a.FabricPortName);
    }

    [Fact]
    public void Per_port_queries_answer_from_the_registration()
    {
        var (fabric, host) = Build();
        Assert.Equal(Wwn.Parse(AWwpn), GpnId.ParseAccept(Ct(fabric, host, b => GpnId.BuildRequest(b, A))));
        Assert.Equal(Wwn.Parse("50:06:01:60:be:a0:00:01"), GnnId.ParseAccept(Ct(fabric, host, b => GnnId.BuildRequest(b, A))));
        Assert.Equal(ClassOfService.Class3, GcsId.ParseAccept(Ct(fabric, host, b => GcsId.BuildRequest(b, A))));
        Assert.True(GftId.ParseAccept(Ct(fabric, host, b => GftId.BuildRequest(b, B))).Contains(Fc4Types.Nvme));
        Assert.Equal("ARRAY-A SP-A port 0", GspnId.ParseAccept(Ct(fabric, host, b => GspnId.BuildRequest(b, A))));
        Assert.Equal(PortTypes.NPort, GptId.ParseAccept(Ct(fabric, host, b => GptId.BuildRequest(b, A))));
        Assert.Equal(fabric.Topology.FindPort(1, 1)!.Name, GfpnId.ParseAccept(Ct(fabric, host, b => GfpnId.BuildRequest(b, A))));
        var features = GffId.ParseAccept(Ct(fabric, host, b => GffId.BuildRequest(b, B)));
        Assert.True(features.IsFcpTarget);
        Assert.True(features.IsFcpInitiator);
        var own = GffId.ParseAccept(Ct(fabric, host, b => GffId.BuildRequest(b, host)));
        Assert.True(own.IsFcpInitiator);
        Assert.Equal("Emulex LPe32002 FV14 DV14 HN:testhost", GspnId.ParseAccept(Ct(fabric, host, b => GspnId.BuildRequest(b, host))));
    }

    [Fact]
    public void Ports_outside_the_zone_or_offline_are_not_registered()
    {
        var (fabric, host) = Build();
        foreach (var id in new[] { C, D, new FcId(0x0A0000) })
        {
            var reject = Rejected(() => GpnId.ParseAccept(Ct(fabric, host, b => GpnId.BuildRequest(b, id))));
            Assert.Equal(CtRejectReasons.UnableToPerform, reject.Reason);
            Assert.Equal(CtReasonExplanations.PortIdNotRegistered, reject.Explanation);
            Assert.Equal("Port ID not registered", reject.ExplanationName);
        }
        var symbolic = Rejected(() => GspnId.ParseAccept(Ct(fabric, host, b => GspnId.BuildRequest(b, E))));
        Assert.Equal(0x08, symbolic.Explanation);
    }

    [Fact]
    public void Name_lookups_by_port_and_node_name()
    {
        var (fabric, host) = Build();
        Assert.Equal(A, GidPn.ParseAccept(Ct(fabric, host, b => GidPn.BuildRequest(b, Wwn.Parse(AWwpn)))));
        Assert.Equal(CtReasonExplanations.PortNameNotRegistered,
            Rejected(() => GidPn.ParseAccept(Ct(fabric, host, b => GidPn.BuildRequest(b, Wwn.Parse(CWwpn))))).Explanation);
        Assert.Equal([A], GidNn.ParseAccept(Ct(fabric, host, b => GidNn.BuildRequest(b, Wwn.Parse("50:06:01:60:be:a0:00:01")))).PortIds);
        Assert.Equal("ARRAY-A", GsnnNn.ParseAccept(Ct(fabric, host, b => GsnnNn.BuildRequest(b, Wwn.Parse("50:06:01:60:be:a0:00:01")))));
        Assert.Equal(CtReasonExplanations.NodeNameNotRegistered,
            Rejected(() => GidNn.ParseAccept(Ct(fabric, host, b => GidNn.BuildRequest(b, Wwn.Parse("20:00:00:00:00:00:00:99"))))).Explanation);
    }

    [Fact]
    public void Unzoned_name_server_sees_every_registered_port()
    {
        var (fabric, host) = Build();
        var response = Ct(fabric, host, b =>
        {
            var n = GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp));
            b[4] = CtServer.UnzonedNameServer.GsType;
            b[5] = CtServer.UnzonedNameServer.GsSubtype;
            return n;
        });
        Assert.Equal(CtServer.UnzonedNameServer, CtIuHeader.Read(response).Server);
        Assert.Equal([new FcId(0x010000), A, E, B, C], GidFt.ParseAccept(response).PortIds);
    }

    [Fact]
    public void Unknown_command_is_rejected_as_not_supported()
    {
        var (fabric, host) = Build();
        var response = Ct(fabric, host, b =>
        {
            CtIu.WriteRequestHeader(b, CtServer.NameServer, GsNameServerCommands.GippId, 64, 20, "GIPP_ID");
            return 20;
        });
        var parsed = CtIu.ParseResponse(response);
        Assert.Equal(CtResponseKind.Reject, parsed.Kind);
        Assert.Equal(CtRejectReasons.CommandNotSupported, parsed.Reason);
        Assert.Equal(CtReasonExplanations.NoAdditionalExplanation, parsed.Explanation);
        Assert.Equal("Command not supported", parsed.ReasonName);
    }

    [Fact]
    public void Short_request_is_rejected_as_invalid_iu_size()
    {
        var (fabric, host) = Build();
        var response = Ct(fabric, host, b =>
        {
            CtIu.WriteRequestHeader(b, CtServer.NameServer, GsNameServerCommands.GpnId, 64, 16, "GPN_ID");
            return 16;
        });
        Assert.Equal(CtRejectReasons.InvalidIuSize, CtIu.ParseResponse(response).Reason);
    }

    [Fact]
    public void Registrations_change_what_queries_return()
    {
        var (fabric, host) = Build();
        RspnId.ParseAccept(Ct(fabric, host, b => RspnId.BuildRequest(b, host, "renamed port")));
        Assert.Equal("renamed port", GspnId.ParseAccept(Ct(fabric, host, b => GspnId.BuildRequest(b, host))));
        RftId.ParseAccept(Ct(fabric, host, b => RftId.BuildRequest(b, host, Fc4TypeSet.Of(Fc4Types.Fcp, Fc4Types.Nvme))));
        Assert.Contains(host, GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Nvme)))).PortIds);
        RffId.ParseAccept(Ct(fabric, host, b => RffId.BuildRequest(b, host, Fc4Types.Nvme, Fc4Features.FcpInitiator)));
        Assert.Equal(Fc4Features.FcpInitiator, GffId.ParseAccept(Ct(fabric, host, b => GffId.BuildRequest(b, host))).FeaturesOf(Fc4Types.Nvme));
        RsnnNn.ParseAccept(Ct(fabric, host, b => RsnnNn.BuildRequest(b, Wwn.Parse(HostWwnn), "node sym")));
        Assert.Equal("node sym", GsnnNn.ParseAccept(Ct(fabric, host, b => GsnnNn.BuildRequest(b, Wwn.Parse(HostWwnn)))));
        DaId.ParseAccept(Ct(fabric, host, b => DaId.BuildRequest(b, host)));
        Assert.DoesNotContain(host, GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)))).PortIds);
        RftId.ParseAccept(Ct(fabric, host, b => RftId.BuildRequest(b, host, Fc4TypeSet.Of(Fc4Types.Fcp))));
        Assert.Contains(host, GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)))).PortIds);

        var newNode = Wwn.Parse("20:00:00:00:c9:a0:99:99");
        RnnId.ParseAccept(Ct(fabric, host, b => RnnId.BuildRequest(b, host, newNode)));
        Assert.Equal(newNode, GnnId.ParseAccept(Ct(fabric, host, b => GnnId.BuildRequest(b, host))));
        var newPort = Wwn.Parse("10:00:00:00:c9:a0:99:99");
        RpnId.ParseAccept(Ct(fabric, host, b => RpnId.BuildRequest(b, host, newPort)));
        Assert.Equal(host, GidPn.ParseAccept(Ct(fabric, host, b => GidPn.BuildRequest(b, newPort))));
        // Zoned by the old WWPN: renamed, the port shares no zone and sees only itself.
        Assert.Equal([host], GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)))).PortIds);
    }

    [Fact]
    public void A_port_cannot_register_for_another_port()
    {
        var (fabric, host) = Build();
        var reject = Rejected(() => RspnId.ParseAccept(Ct(fabric, host, b => RspnId.BuildRequest(b, A, "hijack"))));
        Assert.Equal(0x10, reject.Explanation);
        Assert.Equal("ARRAY-A SP-A port 0", GspnId.ParseAccept(Ct(fabric, host, b => GspnId.BuildRequest(b, A))));
    }

    [Fact]
    public void List_that_does_not_fit_is_cut_at_an_entry_boundary_with_a_residual()
    {
        var (fabric, host) = Build();
        // Room for two 16-byte GPN_FT entries.
        var response = Ct(fabric, host, b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp), CtIuHeader.Size + 2 * 16 + 8));
        Assert.Equal(CtIuHeader.Size + 32, response.Length);
        var list = GpnFt.ParseAccept(response);
        Assert.Equal(2, list.Entries.Count);
        Assert.False(list.LastEntrySeen);
        Assert.Equal(2 * 16 / 4, list.ResidualWords);
        Assert.False(list.IsComplete);
    }

    [Fact]
    public void Per_query_cap_rejects_so_clients_retry_with_a_scope()
    {
        var (fabric, host) = Build(s => s.NameServer = new Scenarios.NameServerSpec { MaxEntriesPerQuery = 3 });
        var reject = Rejected(() => GidFt.ParseAccept(Ct(fabric, host, b => GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)))));
        Assert.Equal(CtRejectReasons.InvalidIuSize, reject.Reason);
        var domain1 = GpnFt.ParseAccept(Ct(fabric, host, b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 1))));
        var domain2 = GpnFt.ParseAccept(Ct(fabric, host, b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 2))));
        Assert.Equal(4, domain1.Entries.Count + domain2.Entries.Count);
    }

    [Fact]
    public void Ports_visible_to_the_host_carry_sysfs_roles()
    {
        var (fabric, host) = Build();
        var views = fabric.PortsVisibleTo(host);
        Assert.Equal([A, E, B], views.Select(v => v.PortId));
        Assert.Equal(["FCP Target"], views[0].Roles);
        Assert.Equal(["FCP Target", "FCP Initiator", "NVMe Target", "NVMe Initiator"], views[2].Roles);
        Assert.Equal(Switch1, fabric.FabricName);
    }

    [Fact]
    public void Npiv_logins_share_a_switch_port_with_increasing_alpa()
    {
        var (fabric, host) = Build();
        var v1 = fabric.Login(Wwn.Parse("c0:50:76:00:00:00:00:01"), Wwn.Parse("c0:50:76:00:00:00:00:00"), 1, 0, "npiv1", null, false);
        var v2 = fabric.Login(Wwn.Parse("c0:50:76:00:00:00:00:02"), Wwn.Parse("c0:50:76:00:00:00:00:00"), 1, 0, "npiv2", null, false);
        Assert.Equal(new FcId(0x010001), v1.PortId);
        Assert.Equal(new FcId(0x010002), v2.PortId);
        Assert.Equal(host, fabric.Login(Wwn.Parse(HostWwpn), Wwn.Parse(HostWwnn), 1, 0, "again", null, false).PortId);
        Assert.Equal(Switch1, v1.FabricName);
        Assert.Equal(fabric.Topology.FindPort(1, 0)!.Name, v1.FabricPortName);
    }
}
