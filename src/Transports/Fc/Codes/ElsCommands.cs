namespace BsgKit.Fc.Codes;

/// <summary>FC-LS extended link service command codes (payload byte 0). Codes from fc_els.h; LCB is lpfc's addition.</summary>
public static class ElsCommands
{
    /// <summary>LS_RJT, link service reject: the reply refusing an ELS; reason and explanation at bytes 5 and 6.</summary>
    public const byte LsRjt = 0x01;
    /// <summary>LS_ACC, link service accept: the reply accepting an ELS; its payload starts 0x02.</summary>
    public const byte LsAcc = 0x02;
    /// <summary>PLOGI, N_Port login: exchanges service parameters with a remote port before FC-4 traffic.</summary>
    public const byte Plogi = 0x03;
    /// <summary>FLOGI, fabric login: an N_Port's login to the F_Port (0xFFFFFE), which assigns its address.</summary>
    public const byte Flogi = 0x04;
    /// <summary>LOGO, logout: ends the login with a port.</summary>
    public const byte Logo = 0x05;
    /// <summary>RTV, read timeout value: asks a port for its R_A_TOV and E_D_TOV.</summary>
    public const byte Rtv = 0x0E;
    /// <summary>RLS, read link error status block: the remote port's link error counters (LESB).</summary>
    public const byte Rls = 0x0F;
    /// <summary>ECHO: the receiver returns the payload unchanged (fcping).</summary>
    public const byte Echo = 0x10;
    /// <summary>RRQ, reinstate recovery qualifier: frees an aborted exchange's OX_ID/RX_ID for reuse.</summary>
    public const byte Rrq = 0x12;
    /// <summary>REC, read exchange concise: the state of one exchange (FCP error recovery).</summary>
    public const byte Rec = 0x13;
    /// <summary>RDP, read diagnostic parameters: SFP readings, speeds, error counters and optics data of a port.</summary>
    public const byte Rdp = 0x18;
    /// <summary>PRLI, process login: sets up an FC-4 (FCP, NVMe) session after PLOGI.</summary>
    public const byte Prli = 0x20;
    /// <summary>PRLO, process logout: ends an FC-4 session.</summary>
    public const byte Prlo = 0x21;
    /// <summary>FDISC, fabric discovery: FLOGI for an additional (NPIV virtual) port.</summary>
    public const byte Fdisc = 0x51;
    /// <summary>ADISC, address discovery: confirms a logged-in port's address and names.</summary>
    public const byte Adisc = 0x52;
    /// <summary>RPS, read port status block: port status bits and the LESB of a port or a switch port.</summary>
    public const byte Rps = 0x56;
    /// <summary>RPL, read port list: a switch's port list (physical port number, port ID, WWPN).</summary>
    public const byte Rpl = 0x57;
    /// <summary>RSCN, registered state change notification: the fabric controller reports address changes.</summary>
    public const byte Rscn = 0x61;
    /// <summary>SCR, state change registration: asks the fabric controller for RSCNs.</summary>
    public const byte Scr = 0x62;
    /// <summary>RNID, request node identification data: names, type and topology data of a node.</summary>
    public const byte Rnid = 0x78;
    /// <summary>LIRR, link incident record registration: asks for RLIR link incident reports.</summary>
    public const byte Lirr = 0x7A;
    /// <summary>SRL, scan remote loop: makes the fabric run loop initialization on an FL_Port.</summary>
    public const byte Srl = 0x7B;
    /// <summary>RPSC, report port speed capabilities: supported and operating speed bits per port.</summary>
    public const byte Rpsc = 0x7D;
    /// <summary>ABTX, abort exchange.</summary>
    public const byte Abtx = 0x06;
    /// <summary>RES, read exchange status block.</summary>
    public const byte Res = 0x08;
    /// <summary>RDF, register diagnostic functions: registers for FPIN and other diagnostics.</summary>
    public const byte Rdf = 0x19;
    /// <summary>TPRLO, third party process logout.</summary>
    public const byte Tprlo = 0x24;
    /// <summary>LCLM, login control list management.</summary>
    public const byte Lclm = 0x25;
    /// <summary>FACT, fabric activate alias_ID.</summary>
    public const byte Fact = 0x31;
    /// <summary>FDACDT, fabric deactivate alias_ID.</summary>
    public const byte Fdacdt = 0x32;
    /// <summary>NACT, N_Port activate alias_ID.</summary>
    public const byte Nact = 0x33;
    /// <summary>NDACT, N_Port deactivate alias_ID.</summary>
    public const byte Ndact = 0x34;
    /// <summary>QOSR, quality of service request (class 4 virtual circuits).</summary>
    public const byte Qosr = 0x40;
    /// <summary>FAN, fabric address notification: a loop's fabric announces its address and names.</summary>
    public const byte Fan = 0x60;
    /// <summary>LINIT, loop initialize: asks an FL_Port or L_Port to initialize its loop.</summary>
    public const byte Linit = 0x70;
    /// <summary>LCB, link cable beacon: turns a port's beacon LED on or off (defined by lpfc, not fc_els.h).</summary>
    public const byte Lcb = 0x81;
    /// <summary>AUTH_ELS: carries FC-SP authentication messages.</summary>
    public const byte AuthEls = 0x90;

    /// <summary>Names of every ELS command code fc_els.h lists, plus LCB; byte 0 of a request.</summary>
    public static readonly CodeTable Table = new("ELS command",
        (0x01, "LS_RJT"), (0x02, "LS_ACC"), (0x03, "PLOGI"), (0x04, "FLOGI"),
        (0x05, "LOGO"), (0x06, "ABTX"), (0x07, "RCS"), (0x08, "RES"),
        (0x09, "RSS"), (0x0A, "RSI"), (0x0B, "ESTS"), (0x0C, "ESTC"),
        (0x0D, "ADVC"), (0x0E, "RTV"), (0x0F, "RLS"), (0x10, "ECHO"),
        (0x11, "TEST"), (0x12, "RRQ"), (0x13, "REC"), (0x14, "SRR"),
        (0x16, "FPIN"), (0x17, "EDC"), (0x18, "RDP"), (0x19, "RDF"),
        (0x20, "PRLI"), (0x21, "PRLO"), (0x22, "SCN"), (0x23, "TPLS"),
        (0x24, "TPRLO"), (0x25, "LCLM"), (0x30, "GAID"), (0x31, "FACT"),
        (0x32, "FDACDT"), (0x33, "NACT"), (0x34, "NDACT"), (0x40, "QOSR"),
        (0x41, "RVCS"), (0x50, "PDISC"), (0x51, "FDISC"), (0x52, "ADISC"),
        (0x53, "RNC"), (0x54, "FARP_REQ"), (0x55, "FARP_REPL"), (0x56, "RPS"),
        (0x57, "RPL"), (0x58, "RPBC"), (0x60, "FAN"), (0x61, "RSCN"),
        (0x62, "SCR"), (0x63, "RNFT"), (0x68, "CSR"), (0x69, "CSU"),
        (0x70, "LINIT"), (0x72, "LSTS"), (0x78, "RNID"), (0x79, "RLIR"),
        (0x7A, "LIRR"), (0x7B, "SRL"), (0x7C, "SBRP"), (0x7D, "RPSC"),
        (0x7E, "QSA"), (0x7F, "EVFP"), (0x80, "LKA"), (0x81, "LCB"),
        (0x90, "AUTH_ELS"));
}
