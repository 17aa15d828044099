namespace BsgKit.Fc.Codes;

/// <summary>FC-GS name server port types (fc_ns.h enum fc_ns_pt): GA_NXT byte 0, GPT_ID, GID_PT; also used by FCS GPL/GAPNL/GPT.</summary>
public static class PortTypes
{
    /// <summary>Port type not identified (fc_ns.h FC_NS_UNID_PORT).</summary>
    public const byte Unidentified = 0x00;
    /// <summary>N_Port: a node port on a fabric or point-to-point link (FC_NS_N_PORT).</summary>
    public const byte NPort = 0x01;
    /// <summary>NL_Port: a node port on an arbitrated loop (FC_NS_NL_PORT).</summary>
    public const byte NlPort = 0x02;
    /// <summary>F/NL_Port (FC_NS_FNL_PORT).</summary>
    public const byte FnlPort = 0x03;
    /// <summary>Nx_Port: an N_Port or NL_Port without saying which (FC_NS_NX_PORT).</summary>
    public const byte NxPort = 0x7F;
    /// <summary>F_Port: the switch port an N_Port attaches to (FC_NS_F_PORT).</summary>
    public const byte FPort = 0x81;
    /// <summary>FL_Port: the switch port of a loop (FC_NS_FL_PORT).</summary>
    public const byte FlPort = 0x82;
    /// <summary>E_Port: an expansion port linking two switches (FC_NS_E_PORT).</summary>
    public const byte EPort = 0x84;
    /// <summary>B_Port: a bridge port (FC_NS_B_PORT).</summary>
    public const byte BPort = 0x85;
    /// <summary>N/A, used by zfcp_util only (no kernel name).</summary>
    public const byte NotApplicable = 0xFF;

    /// <summary>Names of the port types.</summary>
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
