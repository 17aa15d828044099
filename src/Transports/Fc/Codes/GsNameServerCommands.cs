namespace BsgKit.Fc.Codes;

/// <summary>FC-GS name server command codes, CT_IU bytes 8-9 (GS_Type 0xFC/0x02; fc_ns.h, lpfc_hw.h, qla_def.h, Wireshark packet-fcdns.h).</summary>
public static class GsNameServerCommands
{
    /// <summary>GA_NXT, get all next: every attribute of the next registered port after a port ID (620-byte accept); repeated, it walks the whole name server.</summary>
    public const ushort GaNxt = 0x0100;
    /// <summary>GI_A, get identifiers of all ports in a domain/area scope.</summary>
    public const ushort GiA = 0x0101;
    /// <summary>GPN_ID, get the port name (WWPN) of a port ID.</summary>
    public const ushort GpnId = 0x0112;
    /// <summary>GNN_ID, get the node name (WWNN) of a port ID.</summary>
    public const ushort GnnId = 0x0113;
    /// <summary>GCS_ID, get the classes of service a port ID registered (<see cref="ClassOfService"/> bits).</summary>
    public const ushort GcsId = 0x0114;
    /// <summary>GFT_ID, get the FC-4 types bitmap a port ID registered.</summary>
    public const ushort GftId = 0x0117;
    /// <summary>GSPN_ID, get the symbolic port name of a port ID.</summary>
    public const ushort GspnId = 0x0118;
    /// <summary>GPT_ID, get the port type of a port ID (<see cref="PortTypes"/>).</summary>
    public const ushort GptId = 0x011A;
    /// <summary>GIPP_ID, get the IP address of a port ID.</summary>
    public const ushort GippId = 0x011B;
    /// <summary>GFPN_ID, get the fabric port name (the F_Port's WWPN) a port ID is attached to.</summary>
    public const ushort GfpnId = 0x011C;
    /// <summary>GHA_ID, get the hard address of a port ID.</summary>
    public const ushort GhaId = 0x011D;
    /// <summary>GFD_ID, get the FC-4 descriptors of a port ID.</summary>
    public const ushort GfdId = 0x011E;
    /// <summary>GFF_ID, get the FC-4 features (128-byte object, e.g. FCP initiator/target) of a port ID.</summary>
    public const ushort GffId = 0x011F;
    /// <summary>GID_PN, get the port ID registered for a port name (WWPN).</summary>
    public const ushort GidPn = 0x0121;
    /// <summary>GIPP_PN, get the IP address of a port name.</summary>
    public const ushort GippPn = 0x012B;
    /// <summary>GID_NN, get the port IDs of all ports of a node name (WWNN).</summary>
    public const ushort GidNn = 0x0131;
    /// <summary>GPN_NN, get the port names of all ports of a node name.</summary>
    public const ushort GpnNn = 0x0132;
    /// <summary>GIP_NN, get the IP address of a node name.</summary>
    public const ushort GipNn = 0x0135;
    /// <summary>GIPA_NN, get the initial process associator of a node name.</summary>
    public const ushort GipaNn = 0x0136;
    /// <summary>GSNN_NN, get the symbolic node name of a node name.</summary>
    public const ushort GsnnNn = 0x0139;
    /// <summary>GNN_IP, get the node name of an IP address.</summary>
    public const ushort GnnIp = 0x0153;
    /// <summary>GIPA_IP, get the initial process associator of an IP address.</summary>
    public const ushort GipaIp = 0x0156;
    /// <summary>GID_FT, get the port IDs of all ports with an FC-4 type, optionally scoped to a domain or area.</summary>
    public const ushort GidFt = 0x0171;
    /// <summary>GPN_FT, like GID_FT but each entry also carries the WWPN (16-byte entries).</summary>
    public const ushort GpnFt = 0x0172;
    /// <summary>GNN_FT, like GID_FT but each entry also carries the WWNN (16-byte entries).</summary>
    public const ushort GnnFt = 0x0173;
    /// <summary>GID_PT, get the port IDs of all ports of a port type, optionally scoped.</summary>
    public const ushort GidPt = 0x01A1;
    /// <summary>GID_IPP, get the port ID of an IP address (port).</summary>
    public const ushort GidIpp = 0x01B1;
    /// <summary>GPN_IPP, get the port name of an IP address (port).</summary>
    public const ushort GpnIpp = 0x01B2;
    /// <summary>GID_FF, get the port IDs of all ports with given FC-4 features, scoped; not every fabric supports it.</summary>
    public const ushort GidFf = 0x01F1;
    /// <summary>RPN_ID, register a port name for a port ID.</summary>
    public const ushort RpnId = 0x0212;
    /// <summary>RNN_ID, register a node name for a port ID.</summary>
    public const ushort RnnId = 0x0213;
    /// <summary>RCS_ID, register classes of service for a port ID.</summary>
    public const ushort RcsId = 0x0214;
    /// <summary>RFT_ID, register the FC-4 types bitmap of a port ID.</summary>
    public const ushort RftId = 0x0217;
    /// <summary>RSPN_ID, register the symbolic port name of a port ID.</summary>
    public const ushort RspnId = 0x0218;
    /// <summary>RPT_ID, register the port type of a port ID.</summary>
    public const ushort RptId = 0x021A;
    /// <summary>RIPP_ID, register the IP address of a port ID.</summary>
    public const ushort RippId = 0x021B;
    /// <summary>RHA_ID, register the hard address of a port ID.</summary>
    public const ushort RhaId = 0x021D;
    /// <summary>RFD_ID, register FC-4 descriptors for a port ID.</summary>
    public const ushort RfdId = 0x021E;
    /// <summary>RFF_ID, register the FC-4 features of one FC-4 type for a port ID.</summary>
    public const ushort RffId = 0x021F;
    /// <summary>RIP_NN, register the IP address of a node name.</summary>
    public const ushort RipNn = 0x0235;
    /// <summary>RIPA_NN, register the initial process associator of a node name.</summary>
    public const ushort RipaNn = 0x0236;
    /// <summary>RSNN_NN, register the symbolic node name of a node name.</summary>
    public const ushort RsnnNn = 0x0239;
    /// <summary>DA_ID, deregister everything registered for a port ID.</summary>
    public const ushort DaId = 0x0300;

    /// <summary>Names of the name server commands; the unzoned name server (0xFA/0x02) uses the same codes.</summary>
    public static readonly CodeTable Table = new("Name server command",
        (GaNxt, "GA_NXT"), (GiA, "GI_A"), (GpnId, "GPN_ID"), (GnnId, "GNN_ID"), (GcsId, "GCS_ID"),
        (GftId, "GFT_ID"), (GspnId, "GSPN_ID"), (GptId, "GPT_ID"), (GippId, "GIPP_ID"), (GfpnId, "GFPN_ID"),
        (GhaId, "GHA_ID"), (GfdId, "GFD_ID"), (GffId, "GFF_ID"), (GidPn, "GID_PN"), (GippPn, "GIPP_PN"),
        (GidNn, "GID_NN"), (GpnNn, "GPN_NN"), (GipNn, "GIP_NN"), (GipaNn, "GIPA_NN"), (GsnnNn, "GSNN_NN"),
        (GnnIp, "GNN_IP"), (GipaIp, "GIPA_IP"), (GidFt, "GID_FT"), (GpnFt, "GPN_FT"), (GnnFt, "GNN_FT"),
        (GidPt, "GID_PT"), (GidIpp, "GID_IPP"), (GpnIpp, "GPN_IPP"), (GidFf, "GID_FF"), (RpnId, "RPN_ID"),
        (RnnId, "RNN_ID"), (RcsId, "RCS_ID"), (RftId, "RFT_ID"), (RspnId, "RSPN_ID"), (RptId, "RPT_ID"),
        (RippId, "RIPP_ID"), (RhaId, "RHA_ID"), (RfdId, "RFD_ID"), (RffId, "RFF_ID"), (RipNn, "RIP_NN"),
        (RipaNn, "RIPA_NN"), (RsnnNn, "RSNN_NN"), (DaId, "DA_ID"));
}
