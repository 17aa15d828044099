namespace BsgKit.Fc.Codes;

/// <summary>Class of service bits (GCS_ID, GA_NXT, FDMI SUPPORTEDCLASSSRVC): bit n = class n, bit 0 = class F
/// (scsi_transport_fc.h FC_COS_CLASS*).</summary>
public static class ClassOfService
{
    public const uint ClassF = 0x01;
    public const uint Class1 = 0x02;
    public const uint Class2 = 0x04;
    public const uint Class3 = 0x08;
    public const uint Class4 = 0x10;
    public const uint Class6 = 0x40;

    public static readonly BitmaskTable Table = new("Class of service",
        (ClassF, "Class F"),
        (Class1, "Class 1"),
        (Class2, "Class 2"),
        (Class3, "Class 3"),
        (Class4, "Class 4"),
        (Class6, "Class 6"));
}
