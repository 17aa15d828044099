using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

// TODO(merge): replace with Codes/PortSpeeds
/// <summary>FC-LS port speed bits shared by RPSC and the RDP port speed descriptor.</summary>
internal static class ElsSpeedNames
{
    public static readonly CodeTable Bits = new("FC-LS port speed",
        (0x8000, "1 Gb"),
        (0x4000, "2 Gb"),
        (0x2000, "4 Gb"),
        (0x1000, "10 Gb"),
        (0x0800, "8 Gb"),
        (0x0400, "16 Gb"),
        (0x0200, "32 Gb"),
        (0x0100, "64 Gb"),
        (0x0080, "128 Gb"),
        (0x0040, "256 Gb"),
        (0x0002, "Unknown / user configured"),
        (0x0001, "Speed not established"));

    public static IReadOnlyList<string> Names(ushort mask) => ElsBits.Names(Bits, mask);
}
