using BsgKit.Bsg;
using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;

namespace BsgKit.Iscsi.Vendor;

/// <summary>GET_ACB_STATE: the 8 mailbox status words the firmware returned for one ACB / IP index.</summary>
public sealed record Qla4xxxAcbState(uint AcbIndex, uint IpIndex, uint[] MailboxStatus)
{
    /// <summary>Every field, one line.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>mbox_sts[0]: 0x4000 COMMAND_COMPLETE when the firmware did it.</summary>
    public uint CommandStatus => MailboxStatus.Length > 0 ? MailboxStatus[0] : 0;
    /// <summary><see cref="CommandStatus"/> by name (<see cref="IscsiCodes.Qla4xxxMailboxStatus"/>).</summary>
    public string CommandStatusName => IscsiCodes.Qla4xxxMailboxStatus.NameOf(CommandStatus);

    /// <summary>IP_ADDRSTATE_* from mbox_sts[1] bits 24..27 (code-derived, unverified on hardware).</summary>
    public uint IpState => MailboxStatus.Length > 1 ? (MailboxStatus[1] & Qla4xxxMailbox.IpStateMask) >> Qla4xxxMailbox.IpStateShift : 0;
    /// <summary><see cref="IpState"/> by name (<see cref="IscsiCodes.IpAddressStates"/>).</summary>
    public string IpStateName => IscsiCodes.IpAddressStates.NameOf(IpState);

    /// <summary>Decodes the reply payload (8 host-endian words).</summary>
    public static Qla4xxxAcbState Decode(uint acbIndex, uint ipIndex, ReadOnlySpan<byte> payload)
    {
        var words = new uint[Math.Min(payload.Length / 4, Qla4xxxMailbox.MailboxRegisterCount)];
        for (var i = 0; i < words.Length; i++) words[i] = HostEndian.ReadUInt32(payload[(4 * i)..]);
        return new Qla4xxxAcbState(acbIndex, ipIndex, words);
    }

    /// <summary>Encodes the words (the simulator's side).</summary>
    public static byte[] Encode(ReadOnlySpan<uint> mailboxStatus)
    {
        var bytes = new byte[4 * Qla4xxxMailbox.MailboxRegisterCount];
        for (var i = 0; i < Math.Min(mailboxStatus.Length, Qla4xxxMailbox.MailboxRegisterCount); i++)
            HostEndian.WriteUInt32(bytes.AsSpan(4 * i), mailboxStatus[i]);
        return bytes;
    }
}

/// <summary>GET_ACB: the raw address control block (struct addr_ctrl_blk, 768 bytes).</summary>
public sealed record Qla4xxxAcb(uint AcbType, byte[] Data)
{
    /// <summary>Every field, one line.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>"primary", "secondary", or "type N".</summary>
    public string AcbTypeName => AcbType switch
    {
        Qla4xxxMailbox.PrimaryAcb => "primary",
        Qla4xxxMailbox.SecondaryAcb => "secondary",
        _ => $"type {AcbType}",
    };
}

/// <summary>DIAG_TEST: the mailbox command sent and the 8 status words (vendor_rsp[0..7]) that came back.</summary>
public sealed record Qla4xxxDiagResult(uint[] MailboxCommand, uint[] MailboxStatus)
{
    /// <summary>Every field, one line.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>mbox_sts[0]: 0x4000 COMMAND_COMPLETE when the test ran and passed.</summary>
    public uint CommandStatus => MailboxStatus.Length > 0 ? MailboxStatus[0] : 0;
    /// <summary><see cref="CommandStatus"/> by name.</summary>
    public string CommandStatusName => IscsiCodes.Qla4xxxMailboxStatus.NameOf(CommandStatus);
    /// <summary>True when <see cref="CommandStatus"/> is COMMAND_COMPLETE.</summary>
    public bool Passed => CommandStatus == Qla4xxxMailbox.StatusCommandComplete;
    /// <summary>mbox_cmd[0] by name ("DIAG_TEST", "SET_LED_CONFIG").</summary>
    public string MailboxCommandName => IscsiCodes.Qla4xxxMailboxCommands.NameOf(MailboxCommand.Length > 0 ? MailboxCommand[0] : 0);
    /// <summary>The QL_DIAG_CMD_* test of a DIAG_TEST (mbox_cmd[1]) by name; null for other mailbox commands.</summary>
    public string? TestName => MailboxCommand is [Qla4xxxMailbox.DiagTest, var test, ..] ? IscsiCodes.Qla4xxxDiagTests.NameOf(test) : null;
}
