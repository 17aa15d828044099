namespace BsgKit.Fc.Codes;

/// <summary>Name server port types (enum fc_ns_pt); also used by FCS GPL/GAPNL/GPT.</summary>
public static class PortTypes
{
    public const byte Unidentified = 0x00;
    public const byte NPort = 0x01;
    public const byte NlPort = 0x02;
    public const byte FnlPort = 0x03;
    public const byte NxPort = 0x7F;
    public const byte FPort = 0x81;
    public const byte FlPort = 0x82;
    public const byte EPort = 0x84;
    public const byte BPort = 0x85;
    public const byte NotApplicable = 0xFF;

    public static readonly CodeTable Table = new("Port type",
        (Unidentified, "Unidentified"),
        (NPort, "N_Port"),
        (NlPort, "NL_Port"),
        (FnlPort, "F/NL_Port"),
        (NxPort, "Nx_Port"),
        (FPort, "F_Port"),
        (FlPort, "FL_Port"),
        (EPort, "E_Port"),
        (BPort, "B_Port"),
        (NotApplicable, "N/A"));
}
