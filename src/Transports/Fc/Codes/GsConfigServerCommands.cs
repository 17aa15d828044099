namespace BsgKit.Fc.Codes;

/// <summary>Fabric configuration server command codes (GS_Type 0xFA/0x01; Wireshark packet-fcfcs.h, zfcp_util.h).</summary>
public static class GsConfigServerCommands
{
    public const ushort Gtin = 0x0100;
    public const ushort Giel = 0x0101;
    public const ushort Giet = 0x0111;
    public const ushort Gdid = 0x0112;
    public const ushort Gmid = 0x0113;
    public const ushort Gfn = 0x0114;
    public const ushort Gieln = 0x0115;
    public const ushort Gmal = 0x0116;
    public const ushort Gieil = 0x0117;
    public const ushort Gpl = 0x0118;
    public const ushort Gpt = 0x0121;
    public const ushort Gppn = 0x0122;
    public const ushort Gapnl = 0x0124;
    public const ushort Gps = 0x0126;
    public const ushort Gpsc = 0x0127;
    public const ushort Gatin = 0x0128;
    public const ushort Gplnl = 0x0191;
    public const ushort Gplt = 0x0192;
    public const ushort Gplml = 0x0193;
    public const ushort Gnpl = 0x01A1;
    public const ushort Gpnl = 0x01A2;
    public const ushort Gnid = 0x01B1;
    public const ushort Rieln = 0x0215;
    public const ushort Rpl = 0x0280;
    public const ushort Rpln = 0x0291;
    public const ushort Rplt = 0x0292;
    public const ushort Rplm = 0x0293;
    public const ushort Dpl = 0x0380;
    public const ushort Dpln = 0x0391;
    public const ushort Dplml = 0x0393;
    public const ushort Fpng = 0x0401;
    public const ushort Gcap = 0xE020;

    public static readonly CodeTable Table = new("Fabric configuration server command",
        (Gtin, "GTIN"), (Giel, "GIEL"), (Giet, "GIET"), (Gdid, "GDID"), (Gmid, "GMID"), (Gfn, "GFN"),
        (Gieln, "GIELN"), (Gmal, "GMAL"), (Gieil, "GIEIL"), (Gpl, "GPL"), (Gpt, "GPT"), (Gppn, "GPPN"),
        (Gapnl, "GAPNL"), (Gps, "GPS"), (Gpsc, "GPSC"), (Gatin, "GATIN"), (Gplnl, "GPLNL"), (Gplt, "GPLT"),
        (Gplml, "GPLML"), (Gnpl, "GNPL"), (Gpnl, "GPNL"), (Gnid, "GNID"), (Rieln, "RIELN"), (Rpl, "RPL"),
        (Rpln, "RPLN"), (Rplt, "RPLT"), (Rplm, "RPLM"), (Dpl, "DPL"), (Dpln, "DPLN"), (Dplml, "DPLML"),
        (Fpng, "FPNG"), (Gcap, "GCAP"));
}
