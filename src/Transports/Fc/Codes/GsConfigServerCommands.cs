namespace BsgKit.Fc.Codes;

/// <summary>FC-GS fabric configuration server command codes, CT_IU bytes 8-9 (GS_Type 0xFA/0x01; Wireshark packet-fcfcs.h, zfcp_util.h).</summary>
public static class GsConfigServerCommands
{
    /// <summary>GTIN, get topology information.</summary>
    public const ushort Gtin = 0x0100;
    /// <summary>GIEL, get interconnect element list: names and types of the fabric's switches, hubs and bridges.</summary>
    public const ushort Giel = 0x0101;
    /// <summary>GIET, get interconnect element type (switch, hub, bridge) of an element name.</summary>
    public const ushort Giet = 0x0111;
    /// <summary>GDID, get the domain ID of an interconnect element.</summary>
    public const ushort Gdid = 0x0112;
    /// <summary>GMID, get the management identifier of an interconnect element.</summary>
    public const ushort Gmid = 0x0113;
    /// <summary>GFN, get the fabric name an interconnect element belongs to.</summary>
    public const ushort Gfn = 0x0114;
    /// <summary>GIELN, get interconnect element logical name (the switch name).</summary>
    public const ushort Gieln = 0x0115;
    /// <summary>GMAL, get management address list of an interconnect element.</summary>
    public const ushort Gmal = 0x0116;
    /// <summary>GIEIL, get interconnect element information list: vendor, model and release strings.</summary>
    public const ushort Gieil = 0x0117;
    /// <summary>GPL, get port list: the ports of an interconnect element with their module, TX and port types.</summary>
    public const ushort Gpl = 0x0118;
    /// <summary>GPT, get the port type of a port name (codes of <see cref="PortTypes"/>).</summary>
    public const ushort Gpt = 0x0121;
    /// <summary>GPPN, get the physical port number of a port name.</summary>
    public const ushort Gppn = 0x0122;
    /// <summary>GAPNL, get attached port name list: the ports attached to a switch port.</summary>
    public const ushort Gapnl = 0x0124;
    /// <summary>GPS, get port state (online, offline, testing, fault).</summary>
    public const ushort Gps = 0x0126;
    /// <summary>GPSC, get port speed capabilities: capability mask and operating speed of a port name (<see cref="PortSpeeds.Link"/> bits; qla2xxx).</summary>
    public const ushort Gpsc = 0x0127;
    /// <summary>GATIN, get attached topology information.</summary>
    public const ushort Gatin = 0x0128;
    /// <summary>GPLNL, get platform node name list.</summary>
    public const ushort Gplnl = 0x0191;
    /// <summary>GPLT, get platform type.</summary>
    public const ushort Gplt = 0x0192;
    /// <summary>GPLML, get platform management address list.</summary>
    public const ushort Gplml = 0x0193;
    /// <summary>GNPL, get the platform name of a node name.</summary>
    public const ushort Gnpl = 0x01A1;
    /// <summary>GPNL, get platform name list.</summary>
    public const ushort Gpnl = 0x01A2;
    /// <summary>GNID, get node identification data.</summary>
    public const ushort Gnid = 0x01B1;
    /// <summary>RIELN, register interconnect element logical name (changes the switch's name).</summary>
    public const ushort Rieln = 0x0215;
    /// <summary>RPL, register platform.</summary>
    public const ushort Rpl = 0x0280;
    /// <summary>RPLN, register platform node name.</summary>
    public const ushort Rpln = 0x0291;
    /// <summary>RPLT, register platform type.</summary>
    public const ushort Rplt = 0x0292;
    /// <summary>RPLM, register platform management address.</summary>
    public const ushort Rplm = 0x0293;
    /// <summary>DPL, deregister platform.</summary>
    public const ushort Dpl = 0x0380;
    /// <summary>DPLN, deregister platform node name.</summary>
    public const ushort Dpln = 0x0391;
    /// <summary>DPLML, deregister platform management address list.</summary>
    public const ushort Dplml = 0x0393;
    /// <summary>FPNG, fabric ping: the fabric pings a WWPN or N_Port_ID on the caller's behalf (zfcp_ping).</summary>
    public const ushort Fpng = 0x0401;
    /// <summary>GCAP, get capabilities: which configuration and unzoned name services the fabric offers.</summary>
    public const ushort Gcap = 0xE020;

    /// <summary>Names of the fabric configuration server commands.</summary>
    public static readonly CodeTable Table = new("Fabric configuration server command",
        (Gtin, "GTIN"), (Giel, "GIEL"), (Giet, "GIET"), (Gdid, "GDID"), (Gmid, "GMID"), (Gfn, "GFN"),
        (Gieln, "GIELN"), (Gmal, "GMAL"), (Gieil, "GIEIL"), (Gpl, "GPL"), (Gpt, "GPT"), (Gppn, "GPPN"),
        (Gapnl, "GAPNL"), (Gps, "GPS"), (Gpsc, "GPSC"), (Gatin, "GATIN"), (Gplnl, "GPLNL"), (Gplt, "GPLT"),
        (Gplml, "GPLML"), (Gnpl, "GNPL"), (Gpnl, "GPNL"), (Gnid, "GNID"), (Rieln, "RIELN"), (Rpl, "RPL"),
        (Rpln, "RPLN"), (Rplt, "RPLT"), (Rplm, "RPLM"), (Dpl, "DPL"), (Dpln, "DPLN"), (Dplml, "DPLML"),
        (Fpng, "FPNG"), (Gcap, "GCAP"));
}
