namespace BsgKit.Fc.Codes;

/// <summary>Class of service bits (GCS_ID, GA_NXT, FDMI SUPPORTEDCLASSSRVC): bit n = class n, bit 0 = class F
/// (scsi_transport_fc.h FC_COS_CLASS*).</summary>
public static class ClassOfService
{
    /// <summary>Class F: the fabric's internal class between switches (bit 0).</summary>
    public const uint ClassF = 0x01;
    /// <summary>Class 1: dedicated connection with acknowledgements.</summary>
    public const uint Class1 = 0x02;
    /// <summary>Class 2: connectionless, frames acknowledged.</summary>
    public const uint Class2 = 0x04;
    /// <summary>Class 3: connectionless, no acknowledgement; what FCP and FICON normally use.</summary>
    public const uint Class3 = 0x08;
    /// <summary>Class 4: fractional bandwidth virtual circuits.</summary>
    public const uint Class4 = 0x10;
    /// <summary>Class 6: multicast with a dedicated connection.</summary>
    public const uint Class6 = 0x40;

    /// <summary>Names of the class bits.</summary>
    public static readonly BitmaskTable Table = new("Class of service",
        (ClassF, "Class F"),
        (Class1, "Class 1"),
        (Class2, "Class 2"),
        (Class3, "Class 3"),
        (Class4, "Class 4"),
        (Class6, "Class 6"));
}
