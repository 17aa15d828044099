namespace BsgKit.Fc.Codes;

/// <summary>Small code tables of individual FC-LS ELS fields (LIRR, SRL, RPS, RTV).</summary>
public static class ElsFieldValues
{
    /// <summary>LIRR request byte 4: how to register (or clear) for link incident records.</summary>
    public static readonly CodeTable LirrRegistrationFunctions = new("LIRR registration function",
        (0x01, "Set conditional"),
        (0x02, "Set unconditional"),
        (0xFF, "Clear"));

    /// <summary>SRL request byte 4: which loops to scan, or periodic scanning on/off.</summary>
    public static readonly CodeTable SrlFlags = new("SRL flag",
        (0, "Scan all FL_Ports"),
        (1, "Scan one loop"),
        (2, "Enable periodic scanning"),
        (3, "Disable periodic scanning"));

    /// <summary>RPS request byte 3: what the port selection field at byte 4 holds.</summary>
    public static readonly CodeTable RpsSelectors = new("RPS port selection",
        (0, "By D_ID"),
        (1, "By physical port number"),
        (2, "By WWPN"));

    /// <summary>RPS accept bytes 6-7: port status bits (topology, signal, sync, reset).</summary>
    public static readonly BitmaskTable RpsPortStatusBits = new("RPS port status",
        (0x0020, "Point-to-point"),
        (0x0010, "Loop"),
        (0x0008, "Fabric"),
        (0x0004, "No signal"),
        (0x0002, "No sync"),
        (0x0001, "Reset"));

    /// <summary>RTV accept timeout qualifier bit 26 (EDRES): E_D_TOV is in nanoseconds, not milliseconds.</summary>
    public const uint RtvEdTovResolutionNs = 0x04000000;
    /// <summary>RTV accept timeout qualifier bit 19 (RTTOV): R_T_TOV is 100 microseconds, not 100 ms.</summary>
    public const uint RtvRtTov100Us = 0x00080000;

    /// <summary>RTV accept bytes 12-15: the timeout qualifier bits.</summary>
    public static readonly BitmaskTable RtvTimeoutQualifierBits = new("RTV timeout qualifier",
        (RtvEdTovResolutionNs, "EDRES: E_D_TOV in nanoseconds"),
        (RtvRtTov100Us, "RTTOV: R_T_TOV is 100 us"));
}
