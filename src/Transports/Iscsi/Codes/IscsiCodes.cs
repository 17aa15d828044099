namespace BsgKit.Iscsi.Codes;

/// <summary>The iSCSI drivers' vendor command codes (vendor_cmd[0]); docs/reference/iscsi-bsg.md §7–§8.</summary>
public enum Qla4xxxVendorCommand : uint
{
    /// <summary>QLISCSI_VND_READ_FLASH: read flash from an offset.</summary>
    ReadFlash = 1,
    /// <summary>QLISCSI_VND_UPDATE_FLASH: write flash (options in vendor_cmd[2]).</summary>
    UpdateFlash = 2,
    /// <summary>QLISCSI_VND_GET_ACB_STATE: the state of one IP address of an address control block.</summary>
    GetAcbState = 3,
    /// <summary>QLISCSI_VND_READ_NVRAM: read NVRAM (ISP40xx only).</summary>
    ReadNvram = 4,
    /// <summary>QLISCSI_VND_UPDATE_NVRAM: write NVRAM (ISP40xx only).</summary>
    UpdateNvram = 5,
    /// <summary>QLISCSI_VND_RESTORE_DEFAULTS: restore factory defaults of a region.</summary>
    RestoreDefaults = 6,
    /// <summary>QLISCSI_VND_GET_ACB: the address control block itself.</summary>
    GetAcb = 7,
    /// <summary>QLISCSI_VND_DIAG_TEST: run a mailbox command (diagnostics, LED).</summary>
    DiagTest = 8,
}

/// <summary>The be2iscsi vendor command codes (vendor_cmd[0]; BEISCSI_WRITE_FLASH / BEISCSI_READ_FLASH).</summary>
public enum Be2iscsiVendorCommand : uint
{
    /// <summary>BEISCSI_WRITE_FLASH: write a flash region.</summary>
    WriteFlash = 0,
    /// <summary>BEISCSI_READ_FLASH: read a flash region.</summary>
    ReadFlash = 1,
}

/// <summary>qla4xxx mailbox commands DIAG_TEST may carry in mbox_cmd[0] (ql4_fw.h; code-derived).</summary>
public static class Qla4xxxMailbox
{
    /// <summary>MBOX_CMD_DIAG_TEST.</summary>
    public const uint DiagTest = 0x0075;
    /// <summary>MBOX_CMD_SET_LED_CONFIG (changes adapter state).</summary>
    public const uint SetLedConfig = 0x0125;
    /// <summary>MBOX_CMD_GET_LED_CONFIG.</summary>
    public const uint GetLedConfig = 0x0126;

    /// <summary>mbox_sts[0] when the firmware completed the command.</summary>
    public const uint StatusCommandComplete = 0x4000;
    /// <summary>mbox_sts[0] when the firmware failed the command (MBOX_STS_COMMAND_ERROR).</summary>
    public const uint StatusCommandError = 0x4005;

    /// <summary>ACB types for GET_ACB (vendor_cmd[1]).</summary>
    public const uint PrimaryAcb = 0, SecondaryAcb = 1;

    /// <summary>sizeof(struct addr_ctrl_blk): GET_ACB refuses a smaller reply payload with EINVAL.</summary>
    public const int AcbSize = 0x300;

    /// <summary>GET_ACB_STATE returns mbox_sts[MBOX_REG_COUNT]: 8 words in the reply payload.</summary>
    public const int MailboxRegisterCount = 8;

    /// <summary>GET_ACB_STATE: the IP state sits in bits 24..27 of mbox_sts[1] (code-derived, unverified).</summary>
    public const int IpStateShift = 24;
    /// <summary>The bits of mbox_sts[1] that hold the IP state (<see cref="IpStateShift"/>).</summary>
    public const uint IpStateMask = 0x0F000000;
}

/// <summary>Every iSCSI code→name table, once.</summary>
public static class IscsiCodes
{
    /// <summary>qla4xxx vendor command codes (<see cref="Qla4xxxVendorCommand"/>) by QLISCSI_VND_* name.</summary>
    public static readonly CodeTable Qla4xxxCommands = new("qla4xxx vendor command (QLISCSI_VND_*)",
        ((uint)Qla4xxxVendorCommand.ReadFlash, "READ_FLASH"), ((uint)Qla4xxxVendorCommand.UpdateFlash, "UPDATE_FLASH"),
        ((uint)Qla4xxxVendorCommand.GetAcbState, "GET_ACB_STATE"), ((uint)Qla4xxxVendorCommand.ReadNvram, "READ_NVRAM"),
        ((uint)Qla4xxxVendorCommand.UpdateNvram, "UPDATE_NVRAM"), ((uint)Qla4xxxVendorCommand.RestoreDefaults, "RESTORE_DEFAULTS"),
        ((uint)Qla4xxxVendorCommand.GetAcb, "GET_ACB"), ((uint)Qla4xxxVendorCommand.DiagTest, "DIAG_TEST"));

    /// <summary>be2iscsi vendor command codes (<see cref="Be2iscsiVendorCommand"/>) by BEISCSI_* name.</summary>
    public static readonly CodeTable Be2iscsiCommands = new("be2iscsi vendor command (BEISCSI_*)",
        ((uint)Be2iscsiVendorCommand.WriteFlash, "WRITE_FLASH"), ((uint)Be2iscsiVendorCommand.ReadFlash, "READ_FLASH"));

    /// <summary>The iscsi_bsg msgcodes: only ISCSI_BSG_HST_VENDOR.</summary>
    public static readonly CodeTable MsgCodes = new("iSCSI bsg msgcode", (0x800000FF, "ISCSI_BSG_HST_VENDOR"));

    /// <summary>QL_DIAG_CMD_* (mbox_cmd[1] of MBOX_CMD_DIAG_TEST; ql4_fw.h, code-derived).</summary>
    public static readonly CodeTable Qla4xxxDiagTests = new("qla4xxx diag test (QL_DIAG_CMD_*)",
        (0x2, "TEST_DDR_SIZE"), (0x3, "TEST_DDR_RW"), (0x4, "TEST_ONCHIP_MEM_RW"), (0x5, "TEST_NVRAM"),
        (0x6, "TEST_FLASH_ROM"), (0x7, "TEST_INT_LOOPBACK"), (0x8, "TEST_EXT_LOOPBACK"), (0x9, "TEST_DMA_XFER"),
        (0xC, "SELF_DDR_RW"), (0xD, "SELF_ONCHIP_MEM_RW"));

    /// <summary>Mailbox commands DIAG_TEST may carry (<see cref="Qla4xxxMailbox"/>) by name.</summary>
    public static readonly CodeTable Qla4xxxMailboxCommands = new("qla4xxx mailbox command",
        (Qla4xxxMailbox.DiagTest, "DIAG_TEST"), (Qla4xxxMailbox.SetLedConfig, "SET_LED_CONFIG"),
        (Qla4xxxMailbox.GetLedConfig, "GET_LED_CONFIG"));

    /// <summary>mbox_sts[0] values (MBOX_STS_*) by name.</summary>
    public static readonly CodeTable Qla4xxxMailboxStatus = new("qla4xxx mailbox status",
        (Qla4xxxMailbox.StatusCommandComplete, "COMMAND_COMPLETE"), (0x4001, "INTERMEDIATE_COMPLETION"), (0x4002, "INVALID_COMMAND"),
        (0x4003, "HOST_INTERFACE_ERROR"), (0x4004, "TEST_FAILED"), (Qla4xxxMailbox.StatusCommandError, "COMMAND_ERROR"),
        (0x4006, "COMMAND_PARAMETER_ERROR"));

    /// <summary>IP address states in GET_ACB_STATE (IP_ADDRSTATE_*; code-derived, unverified).</summary>
    public static readonly CodeTable IpAddressStates = new("qla4xxx IP address state",
        (0, "UNCONFIGURED"), (1, "INVALID"), (2, "ACQUIRING"), (3, "TENTATIVE"), (4, "DEPRECATED"),
        (5, "PREFERRED"), (6, "DISABLING"));

    /// <summary>The command table for a driver's proc_name, or null for drivers without a vendor channel.</summary>
    public static CodeTable? CommandsFor(IscsiDriver driver) => driver switch
    {
        IscsiDriver.Qla4xxx => Qla4xxxCommands,
        IscsiDriver.Be2iscsi => Be2iscsiCommands,
        _ => null,
    };
}

/// <summary>The iSCSI host drivers BsgKit knows, from /sys/class/scsi_host/hostN/proc_name.</summary>
public enum IscsiDriver
{
    /// <summary>Software iSCSI (iscsi_tcp) or an offload driver without a bsg handler: no /dev/bsg node.</summary>
    Other,
    /// <summary>QLogic iSCSI HBAs (drivers/scsi/qla4xxx): qla4xxx_bsg_request(), QLISCSI_VND_* commands.</summary>
    Qla4xxx,
    /// <summary>Emulex/ServerEngines OneConnect iSCSI (drivers/scsi/be2iscsi): beiscsi_bsg_request(), flash commands.</summary>
    Be2iscsi,
}

/// <summary>
/// The one place the iSCSI drivers' names live: proc_name ↔ <see cref="IscsiDriver"/>, which of them have a bsg
/// handler (an iscsi_hostN node), and their vendor_id.
/// </summary>
public static class IscsiDrivers
{
    /// <summary>proc_name of the qla4xxx driver.</summary>
    public const string Qla4xxxProcName = "qla4xxx";
    /// <summary>proc_name of the be2iscsi driver.</summary>
    public const string Be2iscsiProcName = "be2iscsi";
    /// <summary>proc_name of software iSCSI over TCP (no bsg handler, so no iscsi_hostN node).</summary>
    public const string IscsiTcpProcName = "iscsi_tcp";

    /// <summary>The driver a host's proc_name names; <see cref="IscsiDriver.Other"/> for any driver without a bsg handler.</summary>
    public static IscsiDriver FromProcName(string? procName) => procName switch
    {
        Qla4xxxProcName => IscsiDriver.Qla4xxx,
        Be2iscsiProcName => IscsiDriver.Be2iscsi,
        _ => IscsiDriver.Other,
    };

    /// <summary>The driver's proc_name; "other" for <see cref="IscsiDriver.Other"/>.</summary>
    public static string ProcName(this IscsiDriver driver) => driver switch
    {
        IscsiDriver.Qla4xxx => Qla4xxxProcName,
        IscsiDriver.Be2iscsi => Be2iscsiProcName,
        _ => "other",
    };

    /// <summary>Whether the driver's iscsi_transport has a bsg_request handler, so its hosts get an iscsi_hostN node (docs/reference/iscsi-bsg.md §6).</summary>
    public static bool HasBsgHandler(this IscsiDriver driver) => driver != IscsiDriver.Other;

    /// <summary>The template vendor_id the transport checks (docs/reference/kernel-rules.md #30); null when the driver has no vendor channel.</summary>
    public static ulong? VendorId(this IscsiDriver driver) => driver switch
    {
        IscsiDriver.Qla4xxx => IscsiBsg.IscsiVendorId.Qla4xxx,
        IscsiDriver.Be2iscsi => IscsiBsg.IscsiVendorId.Be2iscsi,
        _ => null,
    };
}
