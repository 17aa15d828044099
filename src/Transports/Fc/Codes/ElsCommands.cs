namespace BsgKit.Fc.Codes;

/// <summary>ELS command codes (payload byte 0). Codes from fc_els.h; LCB is lpfc's addition.</summary>
public static class ElsCommands
{
    public const byte LsRjt = 0x01;
    public const byte LsAcc = 0x02;
    public const byte Plogi = 0x03;
    public const byte Flogi = 0x04;
    public const byte Logo = 0x05;
    public const byte Rtv = 0x0E;
    public const byte Rls = 0x0F;
    public const byte Echo = 0x10;
    public const byte Rrq = 0x12;
    public const byte Rec = 0x13;
    public const byte Rdp = 0x18;
    public const byte Prli = 0x20;
    public const byte Prlo = 0x21;
    public const byte Fdisc = 0x51;
    public const byte Adisc = 0x52;
    public const byte Rps = 0x56;
    public const byte Rpl = 0x57;
    public const byte Rscn = 0x61;
    public const byte Scr = 0x62;
    public const byte Rnid = 0x78;
    public const byte Lirr = 0x7A;
    public const byte Srl = 0x7B;
    public const byte Rpsc = 0x7D;
    public const byte Abtx = 0x06;
    public const byte Res = 0x08;
    public const byte Rdf = 0x19;
    public const byte Tprlo = 0x24;
    public const byte Lclm = 0x25;
    public const byte Fact = 0x31;
    public const byte Fdacdt = 0x32;
    public const byte Nact = 0x33;
    public const byte Ndact = 0x34;
    public const byte Qosr = 0x40;
    public const byte Fan = 0x60;
    public const byte Linit = 0x70;
    public const byte Lcb = 0x81;
    public const byte AuthEls = 0x90;

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
