using BsgKit.Fc.Codes;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>
/// FC frame header codes as libfc uses them (include/uapi/scsi/fc/fc_fs.h): R_CTL routing/information
/// categories, F_CTL bits, and the SOF/EOF delimiters FCoE carries (fc_encaps.h). Each table exists once and is
/// shared by the codecs, the switch and its --verbose log.
/// </summary>
internal static class FcFrameCodes
{
    // R_CTL
    public const byte RctlSolicitedData = 0x01, RctlUnsolicitedControl = 0x02, RctlSolicitedControl = 0x03,
        RctlDataDescriptor = 0x05, RctlUnsolicitedCommand = 0x06, RctlCommandStatus = 0x07,
        RctlElsRequest = 0x22, RctlElsReply = 0x23,
        RctlBaNop = 0x80, RctlBaAbts = 0x81, RctlBaRmc = 0x82, RctlBaAcc = 0x84, RctlBaRjt = 0x85,
        RctlAck1 = 0xC0, RctlAck0 = 0xC1, RctlFabricReject = 0xC2, RctlPortReject = 0xC3, RctlPortBusy = 0xC4,
        RctlFabricBusy = 0xC5;

    public static readonly CodeTable Rctl = new("R_CTL",
        (RctlSolicitedData, "FCP_DATA"), (RctlUnsolicitedControl, "CT request"), (RctlSolicitedControl, "CT reply"),
        (RctlDataDescriptor, "FCP_XFER_RDY"), (RctlUnsolicitedCommand, "FCP_CMND"), (RctlCommandStatus, "FCP_RSP"),
        (RctlElsRequest, "ELS request"), (RctlElsReply, "ELS reply"),
        (RctlBaNop, "BA_NOP"), (RctlBaAbts, "ABTS"), (RctlBaRmc, "BA_RMC"), (RctlBaAcc, "BA_ACC"), (RctlBaRjt, "BA_RJT"),
        (RctlAck1, "ACK_1"), (RctlAck0, "ACK_0"), (RctlFabricReject, "F_RJT"), (RctlPortReject, "P_RJT"),
        (RctlPortBusy, "P_BSY"), (RctlFabricBusy, "F_BSY"));

    // TYPE (FC-4 type of the frame; the name table is the shared Fc4Types one)
    public const byte TypeBls = 0x00, TypeEls = 0x01, TypeFcp = 0x08, TypeCt = 0x20;

    // F_CTL (24 bits)
    public const uint ExchangeContext = 0x800000, SequenceContext = 0x400000, FirstSequence = 0x200000,
        LastSequence = 0x100000, EndSequence = 0x080000, EndConnection = 0x040000, SequenceInitiative = 0x010000,
        Retransmitted = 0x000200, RelativeOffset = 0x000008, FillMask = 0x000003;

    public static readonly BitmaskTable Fctl = new("F_CTL",
        (ExchangeContext, "xchg-responder"), (SequenceContext, "seq-recipient"), (FirstSequence, "first"),
        (LastSequence, "last"), (EndSequence, "end"), (EndConnection, "end-conn"), (SequenceInitiative, "init"),
        (Retransmitted, "retx"), (RelativeOffset, "reloff"));

    /// <summary>F_CTL of a request sequence (fc_fs.h FC_FCTL_REQ) and of a single-frame reply (FC_FCTL_RESP).</summary>
    public const uint RequestFctl = FirstSequence | EndSequence | SequenceInitiative;
    public const uint ReplyFctl = ExchangeContext | LastSequence | EndSequence | SequenceInitiative;

    /// <summary>The unassigned exchange ID.</summary>
    public const ushort UnknownXid = 0xFFFF;

    // SOF / EOF (fc_encaps.h)
    public const byte SofF = 0x28, SofI3 = 0x2E, SofN3 = 0x36, SofI2 = 0x2D, SofN2 = 0x35, SofI4 = 0x29, SofN4 = 0x31, SofC4 = 0x39;
    public const byte EofN = 0x41, EofT = 0x42, EofRt = 0x44, EofDt = 0x46, EofNi = 0x49, EofDti = 0x4E, EofRti = 0x4F, EofA = 0x50;

    public static readonly CodeTable Sof = new("SOF",
        (SofF, "SOFf"), (SofI3, "SOFi3"), (SofN3, "SOFn3"), (SofI2, "SOFi2"), (SofN2, "SOFn2"), (SofI4, "SOFi4"),
        (SofN4, "SOFn4"), (SofC4, "SOFc4"));

    public static readonly CodeTable Eof = new("EOF",
        (EofN, "EOFn"), (EofT, "EOFt"), (EofRt, "EOFrt"), (EofDt, "EOFdt"), (EofNi, "EOFni"), (EofDti, "EOFdti"),
        (EofRti, "EOFrti"), (EofA, "EOFa"));

    /// <summary>SOF of the first frame of a sequence (fc_sof_is_init).</summary>
    public static bool IsInitialSof(byte sof) => sof < 0x30;
}
