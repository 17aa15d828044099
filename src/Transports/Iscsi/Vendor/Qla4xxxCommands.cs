using BsgKit.Iscsi.Codes;

namespace BsgKit.Iscsi.Vendor;

/// <summary>
/// qla4xxx vendor commands (drivers/scsi/qla4xxx/ql4_bsg.c, code-derived). Word layouts:
/// READ_FLASH [1, offset] → din; UPDATE_FLASH [2, offset, options] + dout; GET_ACB_STATE [3, acb, ip] → 32-byte
/// din; READ_NVRAM [4, offset] → din; UPDATE_NVRAM [5, offset] + dout; RESTORE_DEFAULTS [6, region, field0,
/// field1]; GET_ACB [7, type] → din ≥ 768; DIAG_TEST [8, mbox_cmd[0..7]] → mbox_sts[0..7] in vendor_rsp.
/// </summary>
public static class Qla4xxxCommands
{
    /// <summary>DIAG_TEST copies 8 mailbox words from vendor_cmd[1]: request_len 48.</summary>
    public const int DiagTestWords = 1 + Qla4xxxMailbox.MailboxRegisterCount;

    /// <summary>bsg-lib maps a din-only buffer as the request payload (docs/reference/kernel-rules.md #11), so every read sends a dout too.</summary>
    public static int ReadCompanionDoutLength(int dinLength) => Math.Max(4, dinLength);

    /// <summary>READ_FLASH [1, offset]: <paramref name="length"/> bytes of flash from <paramref name="offset"/>.</summary>
    public static IscsiVendorCommand ReadFlash(uint offset, int length) =>
        Read(Qla4xxxVendorCommand.ReadFlash, [offset], RequirePositive(length));

    /// <summary>UPDATE_FLASH [2, offset, options] + <paramref name="data"/> (a write).</summary>
    public static IscsiVendorCommand UpdateFlash(uint offset, ReadOnlyMemory<byte> data, uint options = 0) =>
        Write(Qla4xxxVendorCommand.UpdateFlash, [offset, options], data);

    /// <summary>GET_ACB_STATE [3, acb, ip]: 8 mailbox status words in a 32-byte din.</summary>
    public static IscsiVendorCommand GetAcbState(uint acbIndex, uint ipIndex) =>
        Read(Qla4xxxVendorCommand.GetAcbState, [acbIndex, ipIndex], 4 * Qla4xxxMailbox.MailboxRegisterCount);

    /// <summary>READ_NVRAM [4, offset]: <paramref name="length"/> bytes of NVRAM from <paramref name="offset"/>.</summary>
    public static IscsiVendorCommand ReadNvram(uint offset, int length) =>
        Read(Qla4xxxVendorCommand.ReadNvram, [offset], RequirePositive(length));

    /// <summary>UPDATE_NVRAM [5, offset] + <paramref name="data"/> (a write).</summary>
    public static IscsiVendorCommand UpdateNvram(uint offset, ReadOnlyMemory<byte> data) =>
        Write(Qla4xxxVendorCommand.UpdateNvram, [offset], data);

    /// <summary>RESTORE_DEFAULTS [6, region, field0, field1] (a write).</summary>
    public static IscsiVendorCommand RestoreDefaults(uint region, uint field0, uint field1) => new()
    {
        Driver = IscsiDriver.Qla4xxx,
        Code = (uint)Qla4xxxVendorCommand.RestoreDefaults,
        Words = [(uint)Qla4xxxVendorCommand.RestoreDefaults, region, field0, field1],
        Writes = true,
    };

    /// <summary>GET_ACB [7, type]: the address control block; <paramref name="length"/> of at least <see cref="Qla4xxxMailbox.AcbSize"/>.</summary>
    public static IscsiVendorCommand GetAcb(uint acbType, int length = Qla4xxxMailbox.AcbSize)
    {
        if (length < Qla4xxxMailbox.AcbSize)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"qla4xxx refuses GET_ACB with less than {Qla4xxxMailbox.AcbSize} bytes");
        return Read(Qla4xxxVendorCommand.GetAcb, [acbType], length);
    }

    /// <summary>
    /// DIAG_TEST with the mailbox registers as given (at most 8; the rest are sent as 0 so the driver never reads
    /// past the request). Only MBOX_CMD_DIAG_TEST with a known test, and the LED config commands, are accepted.
    /// </summary>
    public static IscsiVendorCommand DiagTest(ReadOnlySpan<uint> mailbox)
    {
        if (mailbox.Length is 0 or > Qla4xxxMailbox.MailboxRegisterCount)
            throw new ArgumentOutOfRangeException(nameof(mailbox), mailbox.Length, "DIAG_TEST takes 1..8 mailbox registers");
        var words = new uint[DiagTestWords];
        words[0] = (uint)Qla4xxxVendorCommand.DiagTest;
        mailbox.CopyTo(words.AsSpan(1));
        // SET_LED_CONFIG changes adapter state; every other accepted mailbox command only tests or reads.
        return new IscsiVendorCommand
        {
            Driver = IscsiDriver.Qla4xxx,
            Code = words[0],
            Words = words,
            Writes = mailbox[0] == Qla4xxxMailbox.SetLedConfig,
        };
    }

    /// <summary>DIAG_TEST running one QL_DIAG_CMD_* test (mbox_cmd[0] = MBOX_CMD_DIAG_TEST, mbox_cmd[1] = test).</summary>
    public static IscsiVendorCommand DiagTest(uint test) => DiagTest([Qla4xxxMailbox.DiagTest, test]);

    private static IscsiVendorCommand Read(Qla4xxxVendorCommand code, uint[] args, int din) => new()
    {
        Driver = IscsiDriver.Qla4xxx,
        Code = (uint)code,
        Words = [(uint)code, .. args],
        DinLength = din,
        Dout = new byte[ReadCompanionDoutLength(din)],
    };

    private static IscsiVendorCommand Write(Qla4xxxVendorCommand code, uint[] args, ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty) throw new ArgumentException("a write needs data", nameof(data));
        return new IscsiVendorCommand
        {
            Driver = IscsiDriver.Qla4xxx,
            Code = (uint)code,
            Words = [(uint)code, .. args],
            Dout = data,
            Writes = true,
        };
    }

    internal static int RequirePositive(int length) =>
        length > 0 ? length : throw new ArgumentOutOfRangeException(nameof(length), length, "the length must be positive");
}
