using BsgKit.Fc.Els;

namespace BsgKit.Fc.Tests.Els;

/// <summary>Typical values for round trips and as seeds of the hostile-input tests.</summary>
internal static class ElsSamples
{
    public static readonly Wwn Wwpn = Wwn.Parse("20:00:00:1b:32:a0:b1:c2");
    public static readonly Wwn Wwnn = Wwn.Parse("20:00:00:1b:32:a0:b1:c3");
    public static readonly FcId Port = new(0x010203);

    public static readonly Lesb Lesb = new(1, 2, 3, 4, 5, 0xFFFFFFFF);

    public static readonly ServiceParameters Login = ServiceParameters.WithClass3(
        new CommonServiceParameters(0x20, 0x20, 10, 0x8800, 0x0800, 0x00FF0002, 2000),
        Wwpn, Wwnn,
        new ClassServiceParameters(0x8800, 0, 0, 0x0800, 0xFF, 0, 1));

    public static readonly RnidGeneralTopology Topology = new(
        "EMULEX\0\0\0\0\0\0\0\0\0\0"u8.ToArray(), 0x0A, 2, 1, 0, 1, 161,
        [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 192, 168, 1, 10], 0x1234);

    public static IReadOnlyList<RdpDescriptor> RdpDescriptors() =>
    [
        new RdpLinkServiceDescriptor(0x18000000),
        new RdpSfpDiagnosticsDescriptor(0x1980, 33000, 6000, 5000, 4000, 0x0071),
        new RdpPortSpeedDescriptor(0x0E00, 0x0200),
        new RdpLinkErrorStatusDescriptor(Lesb, 0x80000000),
        new RdpPortNamesDescriptor(Wwnn, Wwpn),
        new RdpPortNamesDescriptor(new Wwn(0x100000051e000001), new Wwn(0x200100051e000001)),
        new RdpFecDescriptor(12, 3),
        new RdpBufferCreditDescriptor(8, 16, 1200),
        new RdpOpticalElementDescriptor(0x5500, 0xF600, 0x5000, 0x0000, 0x10000002),
        new RdpOpticalElementDescriptor(0x8CA0, 0x7530, 0x88B8, 0x7918, 0x20000000),
        new RdpOpticalElementDescriptor(0x61A8, 0x07D0, 0x5DC0, 0x0BB8, 0x30000000),
        new RdpOpticalElementDescriptor(0x4E20, 0x01F4, 0x3E80, 0x03E8, 0x40000000),
        new RdpOpticalElementDescriptor(0x4E20, 0x0064, 0x3E80, 0x00C8, 0x50000005),
        new RdpOpticalProductDescriptor("FINISAR CORP.", "FTLF8532P4BCV", "PXK2ABC", "A", "190401"),
        new RdpUnknownDescriptor(0x0001FFFF, [1, 2, 3, 4, 5]),
    ];

    public static byte[] Build(Func<byte[], int> build)
    {
        var buffer = new byte[2200];
        var n = build(buffer);
        return buffer[..n];
    }
}
