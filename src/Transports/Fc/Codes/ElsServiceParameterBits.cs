namespace BsgKit.Fc.Codes;

/// <summary>PLOGI / FLOGI / FDISC service parameter bits (fc_els.h FC_SP_FT_* and FC_CPC_*).</summary>
public static class ElsServiceParameterBits
{
    /// <summary>Common service parameters, common features word (CSP bytes 4-5).</summary>
    public static readonly BitmaskTable CommonFeatures = new("CSP common feature",
        (0x8000, "NPIV / CIRO / CLAD"),
        (0x4000, "RAND"),
        (0x2000, "VAL / NPIV_ACC"),
        (0x1000, "FPORT"),
        (0x0800, "ABB"),
        (0x0400, "EDTR"),
        (0x0200, "MCAST"),
        (0x0100, "BCAST"),
        (0x0080, "HUNT"),
        (0x0040, "SIMP"),
        (0x0020, "SEC"),
        (0x0010, "CSYN"),
        (0x0008, "RTTOV"),
        (0x0004, "HALF"),
        (0x0002, "SEQC"),
        (0x0001, "PAYL"));

    /// <summary>Class service parameters, validity and options word (CSSP bytes 0-1).</summary>
    public static readonly BitmaskTable ClassOptions = new("CSSP class option",
        (0x8000, "VALID"),
        (0x4000, "IMIX"),
        (0x0800, "SEQ"),
        (0x0200, "CAMP"),
        (0x0080, "PRI"));

    /// <summary>The VALID bit of a class block's options word: the port supports that class.</summary>
    public const ushort ClassValid = 0x8000;
}
