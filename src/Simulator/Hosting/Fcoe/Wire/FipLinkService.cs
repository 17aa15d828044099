namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>An ELS carried in FIP: the descriptor type (FLOGI, FDISC, LOGO), the FC header and payload, and the MAC descriptor.</summary>
internal readonly ref struct FipLinkServiceMessage(byte type, FcFrameHeader header, ReadOnlySpan<byte> payload, MacAddress mac, bool hasMac)
{
    public byte DescriptorType { get; } = type;
    public FcFrameHeader Header { get; } = header;
    public ReadOnlySpan<byte> Payload { get; } = payload;
    /// <summary>Request: the MAC the ENode asks for (zero = "give me an FPMA"). Reply: the granted MAC.</summary>
    public MacAddress Mac { get; } = mac;
    public bool HasMac { get; } = hasMac;
}

/// <summary>
/// Link service request/reply (LS/REQ, LS/REP; fcoe_ctlr_encaps and fcoe_ctlr_recv_els): the encapsulated ELS must be
/// the first descriptor (FC header + payload, no SOF/EOF/CRC), the MAC descriptor second — in a request the MAC the
/// ENode wants (zero for a fabric-provided one), in an accept the granted address. An LS_RJT has no MAC descriptor.
/// </summary>
internal static class FipLinkService
{
    public static int Build(Span<byte> frame, MacAddress destination, MacAddress source, byte subcode, ushort flags,
        byte descriptorType, FcFrameHeader header, ReadOnlySpan<byte> payload, MacAddress? mac)
    {
        var w = new FipWriter(frame, destination, source, FipCodes.OpLinkService, subcode, flags);
        w.Encapsulated(descriptorType, header, payload);
        if (mac is { } m) w.Mac(m);
        return w.Finish();
    }

    public static FipFrameError Parse(in FipFrame fip, out FipLinkServiceMessage message)
    {
        message = default;
        var index = 0;
        byte type = 0;
        ReadOnlySpan<byte> encapsulated = default;
        MacAddress mac = default;
        var hasMac = false;
        foreach (var d in fip)
        {
            index++;
            switch (d.Type)
            {
                case FipCodes.DescFlogi or FipCodes.DescFdisc or FipCodes.DescLogo:
                    if (index != 1) return FipFrameError.BadDescriptor;
                    if (d.Length < 4 + FcFrameHeader.Length + 4) return FipFrameError.BadDescriptorLength;
                    type = d.Type;
                    encapsulated = d.Bytes[4..];
                    break;
                case FipCodes.DescMac:
                    if (index == 1 || d.Length != 8) return FipFrameError.BadDescriptor;
                    if (!hasMac) mac = d.Mac;
                    hasMac = true;
                    break;
                default:
                    if (d.Type < FipCodes.FirstNonCritical) return FipFrameError.UnknownCriticalDescriptor;
                    break;
            }
        }
        if (type == 0) return FipFrameError.MissingDescriptor;
        message = new FipLinkServiceMessage(type, FcFrameHeader.Read(encapsulated), encapsulated[FcFrameHeader.Length..], mac, hasMac);
        return FipFrameError.None;
    }
}
