namespace BsgKit.Fc.Codes;

/// <summary>Small code tables of individual ELS fields (LIRR, SRL, RPS, RTV).</summary>
public static class ElsFieldValues
{
    public static readonly CodeTable LirrRegistrationFunctions = new("LIRR registration function",
        (0x01, "Set conditional"),
        (0x02, "Set unconditional"),
        (0xFF, "Clear"));

    public static readonly CodeTable SrlFlags = new("SRL flag",
        (0, "Scan all FL_Ports"),
        (1, "Scan one loop"),
        (2, "Enable periodic scanning"),
        (3, "Disable periodic scanning"));

    public static readonly CodeTable RpsSelectors = new("RPS port selection",
        (0, "By D_ID"),
        (1, "By physical port number"),
        (2, "By WWPN"));

    /// <summary>RPS port status bit: the port is attached to a fabric.</summary>
    public const ushort RpsPortStatusFabric = 0x0008;

    /// <summary>RPS port status bits.</summary>
    public static readonly BitmaskTable RpsPortStatusBits = new("RPS port status",
        (0x0020, "Point-to-point"),
        (0x0010, "Loop"),
        (RpsPortStatusFabric, "Fabric"),
        (0x0004, "No signal"),
        (0x0002, "No sync"),
        (0x0001, "Reset"));

    public const uint RtvEdTovResolutionNs = 0x04000000;
    public const uint RtvRtTov100Us = 0x00080000;

    public static readonly BitmaskTable RtvTimeoutQualifierBits = new("RTV timeout qualifier",
        (RtvEdTovResolutionNs, "EDRES: E_D_TOV in nanoseconds"),
        (RtvRtTov100Us, "RTTOV: R_T_TOV is 100 us"));
}
