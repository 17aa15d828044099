using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;
using BsgKit.Iscsi.Vendor;

namespace BsgKit.Iscsi.Tests;

public sealed class ReplyAndCodesTests
{
    [Fact]
    public void Reply_round_trips_and_absent_fields_are_null()
    {
        var reply = new byte[96];
        Assert.Equal(40, IscsiBsgReply.Build(reply, 7 << 16, 0, [0x4005, 1, 2, 3, 4, 5, 6, 7]));
        var full = IscsiBsgReply.Parse(reply, 40);
        Assert.Equal(7 << 16, full.Result);
        Assert.Equal(7u, full.HostByte);
        Assert.Equal(0u, full.ReceivedPayloadLength);
        Assert.Equal(new uint[] { 0x4005, 1, 2, 3, 4, 5, 6, 7 }, full.VendorResponse);

        var errnoOnly = IscsiBsgReply.Parse(reply, 4);
        Assert.Equal(7 << 16, errnoOnly.Result);
        Assert.Null(errnoOnly.ReceivedPayloadLength);
        Assert.Empty(errnoOnly.VendorResponse);
        Assert.Null(IscsiBsgReply.Parse(reply, 0).Result);
    }

    [Fact]
    public void Acb_state_decodes_the_ip_state_from_the_second_mailbox_word()
    {
        var payload = Qla4xxxAcbState.Encode([0x4000, 5u << 24]);
        var state = Qla4xxxAcbState.Decode(0, 1, payload);
        Assert.Equal("COMMAND_COMPLETE", state.CommandStatusName);
        Assert.Equal("PREFERRED", state.IpStateName);
        Assert.Equal(8, state.MailboxStatus.Length);
    }

    [Fact]
    public void Diag_result_names_the_test_and_judges_by_mailbox_status()
    {
        var r = new Qla4xxxDiagResult([0x75, 7, 0, 0, 0, 0, 0, 0], [0x4000, 0, 0, 0, 0, 0, 0, 0]);
        Assert.True(r.Passed);
        Assert.Equal("TEST_INT_LOOPBACK", r.TestName);
        Assert.Equal("DIAG_TEST", r.MailboxCommandName);
        Assert.False((r with { MailboxStatus = [0x4005, 0, 0, 0, 0, 0, 0, 0] }).Passed);
    }

    [Fact]
    public void Drivers_map_from_proc_name_with_their_vendor_ids()
    {
        Assert.Equal(IscsiDriver.Qla4xxx, IscsiDrivers.FromProcName("qla4xxx"));
        Assert.Equal(IscsiDriver.Be2iscsi, IscsiDrivers.FromProcName("be2iscsi"));
        Assert.Equal(IscsiDriver.Other, IscsiDrivers.FromProcName("iscsi_tcp"));
        Assert.Null(IscsiDriver.Other.VendorId());
        Assert.Equal(IscsiVendorId.Be2iscsi, IscsiDriver.Be2iscsi.VendorId());
        Assert.Equal("unknown (0x63)", IscsiCodes.Qla4xxxCommands.NameOf(99));
        Assert.Equal(8, IscsiCodes.Qla4xxxCommands.Entries.Count());
    }
}

public sealed class VendorCommandTableTests
{
    // "GetAcbState" → "GET_ACB_STATE": the enum member and the QLISCSI_VND_* / BEISCSI_* name are one source.
    private static string Upper(string member) =>
        string.Concat(member.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    [Fact]
    public void Every_qla4xxx_command_is_in_its_table_under_its_own_name()
    {
        var values = Enum.GetValues<Qla4xxxVendorCommand>();
        foreach (var v in values) Assert.Equal(Upper(v.ToString()), IscsiCodes.Qla4xxxCommands.Find((uint)v));
        Assert.Equal(values.Select(v => (uint)v).Order(), IscsiCodes.Qla4xxxCommands.Entries.Select(e => e.Code));
    }

    [Fact]
    public void Every_be2iscsi_command_is_in_its_table_under_its_own_name()
    {
        var values = Enum.GetValues<Be2iscsiVendorCommand>();
        foreach (var v in values) Assert.Equal(Upper(v.ToString()), IscsiCodes.Be2iscsiCommands.Find((uint)v));
        Assert.Equal(values.Select(v => (uint)v).Order(), IscsiCodes.Be2iscsiCommands.Entries.Select(e => e.Code));
    }

    [Fact]
    public void Mailbox_status_constants_are_the_table_entries()
    {
        Assert.Equal("COMMAND_COMPLETE", IscsiCodes.Qla4xxxMailboxStatus.Find(Qla4xxxMailbox.StatusCommandComplete));
        Assert.Equal("COMMAND_ERROR", IscsiCodes.Qla4xxxMailboxStatus.Find(Qla4xxxMailbox.StatusCommandError));
    }
}
