namespace BsgKit.Fc.Codes;

/// <summary>Name server command codes (GS_Type 0xFC/0x02; fc_ns.h, lpfc_hw.h, qla_def.h, Wireshark packet-fcdns.h).</summary>
public static class GsNameServerCommands
{
    public const ushort GaNxt = 0x0100;
    public const ushort GiA = 0x0101;
    public const ushort GpnId = 0x0112;
    public const ushort GnnId = 0x0113;
    public const ushort GcsId = 0x0114;
    public const ushort GftId = 0x0117;
    public const ushort GspnId = 0x0118;
    public const ushort GptId = 0x011A;
    public const ushort GippId = 0x011B;
    public const ushort GfpnId = 0x011C;
    public const ushort GhaId = 0x011D;
    public const ushort GfdId = 0x011E;
    public const ushort GffId = 0x011F;
    public const ushort GidPn = 0x0121;
    public const ushort GippPn = 0x012B;
    public const ushort GidNn = 0x0131;
    public const ushort GpnNn = 0x0132;
    public const ushort GipNn = 0x0135;
    public const ushort GipaNn = 0x0136;
    public const ushort GsnnNn = 0x0139;
    public const ushort GnnIp = 0x0153;
    public const ushort GipaIp = 0x0156;
    public const ushort GidFt = 0x0171;
    public const ushort GpnFt = 0x0172;
    public const ushort GnnFt = 0x0173;
    public const ushort GidPt = 0x01A1;
    public const ushort GidIpp = 0x01B1;
    public const ushort GpnIpp = 0x01B2;
    public const ushort GidFf = 0x01F1;
    public const ushort RpnId = 0x0212;
    public const ushort RnnId = 0x0213;
    public const ushort RcsId = 0x0214;
    public const ushort RftId = 0x0217;
    public const ushort RspnId = 0x0218;
    public const ushort RptId = 0x021A;
    public const ushort RippId = 0x021B;
    public const ushort RhaId = 0x021D;
    public const ushort RfdId = 0x021E;
    public const ushort RffId = 0x021F;
    public const ushort RipNn = 0x0235;
    public const ushort RipaNn = 0x0236;
    public const ushort RsnnNn = 0x0239;
    public const ushort DaId = 0x0300;

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
