using BsgKit.Bsg;
namespace BsgKit.Fc.FcBsg;

/// <summary>How a driver reads fc_bsg_request.port_id[3].</summary>
public enum PortIdOrder
{
    /// <summary>UAPI order: [0] domain, [1] area, [2] port (libfc, zfcp, ibmvfc).</summary>
    BigEndian,
    /// <summary>qla2xxx HST_ELS_NOLOGIN / HST_CT read [0] as AL_PA and [2] as domain.</summary>
    Reversed,
}

/// <summary>
/// Builders and a parser for struct fc_bsg_request (packed, 20 bytes): host-endian msgcode @0, then a
/// 16-byte union @4.
/// <para>
/// Every non-vendor request is written as the full zero-filled 20 bytes and reported as length 20, although
/// the union members are shorter (nominal 8/5/16): existing tools always send sizeof = 20, the transport does
/// not check the length, and zfcp reads r_ct.preamble_word1 (offset 8) even for HST_CT, so the bytes past
/// the member must exist and be defined. Vendor requests are 12 + 4·n bytes.
/// </para>
/// </summary>
public static class FcBsgRequest
{
    public const int Size = 20;
    public const int VendorHeaderSize = 12;

    public const int MsgCodeOffset = 0;
    public const int PortIdOffset = 5;          // h_addrport, h_delrport, h_els, h_ct
    public const int HostElsCommandOffset = 4;  // h_els.command_code
    public const int HostCtPreambleOffset = 8;  // h_ct.preamble_word0..2 @8, 12, 16
    public const int VendorIdOffset = 4;        // h_vendor.vendor_id, unaligned host-endian u64
    public const int VendorCommandOffset = 12;  // h_vendor.vendor_cmd[]
    public const int RportElsCommandOffset = 4; // r_els.els_code
    public const int RportCtPreambleOffset = 4; // r_ct.preamble_word0..2 @4, 8, 12

    public static int BuildAddRport(Span<byte> request, FcId port, PortIdOrder order = PortIdOrder.BigEndian) =>
        BuildPortRequest(request, FcBsgMsgCode.HostAddRport, 0, port, order);

    public static int BuildDelRport(Span<byte> request, FcId port, PortIdOrder order = PortIdOrder.BigEndian) =>
        BuildPortRequest(request, FcBsgMsgCode.HostDelRport, 0, port, order);

    /// <summary>HST_ELS_NOLOGIN: ELS command code @4 (payload byte 0), destination port_id @5.</summary>
    public static int BuildHostElsNoLogin(Span<byte> request, byte elsCommand, FcId destination, PortIdOrder order = PortIdOrder.BigEndian) =>
        BuildPortRequest(request, FcBsgMsgCode.HostElsNoLogin, elsCommand, destination, order);

    /// <summary>HST_CT: port_id @5, preamble words @8, @12, @16 written as host integers exactly as given.</summary>
    public static int BuildHostCt(Span<byte> request, FcId destination, CtPreambleWords preamble, PortIdOrder order = PortIdOrder.BigEndian)
    {
        BuildPortRequest(request, FcBsgMsgCode.HostCt, 0, destination, order);
        WritePreamble(request[HostCtPreambleOffset..], preamble);
        return Size;
    }

    /// <summary>RPT_ELS: els_code @4.</summary>
    public static int BuildRportEls(Span<byte> request, byte elsCommand)
    {
        Start(request, FcBsgMsgCode.RportEls, Size);
        request[RportElsCommandOffset] = elsCommand;
        return Size;
    }

    /// <summary>RPT_CT: preamble words @4, @8, @12.</summary>
    public static int BuildRportCt(Span<byte> request, CtPreambleWords preamble)
    {
        Start(request, FcBsgMsgCode.RportCt, Size);
        WritePreamble(request[RportCtPreambleOffset..], preamble);
        return Size;
    }

    /// <summary>HST_VENDOR: vendor_id @4 (host u64, unaligned), vendor_cmd words @12. Returns 12 + 4·n.</summary>
    public static int BuildVendor(Span<byte> request, ulong vendorId, ReadOnlySpan<uint> vendorCommand)
    {
        var length = VendorHeaderSize + 4 * vendorCommand.Length;
        Start(request, FcBsgMsgCode.HostVendor, length);
        HostEndian.WriteUInt64(request[VendorIdOffset..], vendorId);
        for (var i = 0; i < vendorCommand.Length; i++)
            HostEndian.WriteUInt32(request[(VendorCommandOffset + 4 * i)..], vendorCommand[i]);
        return length;
    }

    /// <summary>
    /// Decodes a request of any length. Fields the buffer does not cover are null and named in
    /// <see cref="FcBsgRequestInfo.Missing"/>; this never throws.
    /// </summary>
    public static FcBsgRequestInfo Parse(ReadOnlySpan<byte> request)
    {
        var missing = new List<string>();
        if (request.Length < 4)
        {
            missing.Add("msgcode");
            return new FcBsgRequestInfo(request.Length, null, null, null, null, null, [], request.ToArray(), missing);
        }
        var raw = HostEndian.ReadUInt32(request);
        var code = (FcBsgMsgCode)raw;
        byte[]? portId = null;
        byte? els = null;
        CtPreambleWords? preamble = null;
        ulong? vendorId = null;
        var vendorCmd = Array.Empty<uint>();

        switch (code)
        {
            case FcBsgMsgCode.HostAddRport or FcBsgMsgCode.HostDelRport:
                portId = PortIdBytes(request, missing);
                break;
            case FcBsgMsgCode.HostElsNoLogin:
                if (request.Length > HostElsCommandOffset) els = request[HostElsCommandOffset];
                else missing.Add("h_els.command_code");
                portId = PortIdBytes(request, missing);
                break;
            case FcBsgMsgCode.HostCt:
                portId = PortIdBytes(request, missing);
                preamble = Preamble(request, HostCtPreambleOffset, "h_ct", missing);
                break;
            case FcBsgMsgCode.RportEls:
                if (request.Length > RportElsCommandOffset) els = request[RportElsCommandOffset];
                else missing.Add("r_els.els_code");
                break;
            case FcBsgMsgCode.RportCt:
                preamble = Preamble(request, RportCtPreambleOffset, "r_ct", missing);
                break;
            case FcBsgMsgCode.HostVendor:
                if (request.Length >= VendorIdOffset + 8) vendorId = HostEndian.ReadUInt64(request[VendorIdOffset..]);
                else missing.Add("h_vendor.vendor_id");
                if (request.Length > VendorCommandOffset)
                {
                    vendorCmd = new uint[(request.Length - VendorCommandOffset) / 4];
                    for (var i = 0; i < vendorCmd.Length; i++)
                        vendorCmd[i] = HostEndian.ReadUInt32(request[(VendorCommandOffset + 4 * i)..]);
                    if ((request.Length - VendorCommandOffset) % 4 != 0) missing.Add("tail of the last vendor_cmd word");
                }
                break;
            default:
                missing.Add($"known msgcode (0x{raw:x8} is not one)");
                break;
        }
        return new FcBsgRequestInfo(request.Length, raw, portId, els, preamble, vendorId, vendorCmd, request.ToArray(), missing);
    }

    private static int BuildPortRequest(Span<byte> request, FcBsgMsgCode code, byte byte4, FcId port, PortIdOrder order)
    {
        Start(request, code, Size);
        request[4] = byte4;
        port.Write(request[PortIdOffset..]);
        if (order == PortIdOrder.Reversed) request.Slice(PortIdOffset, 3).Reverse();
        return Size;
    }

    private static void Start(Span<byte> request, FcBsgMsgCode code, int length)
    {
        if (request.Length < length)
            throw new ArgumentException($"{code.NameOf()} request needs {length} bytes, the buffer has {request.Length}", nameof(request));
        request[..length].Clear();
        HostEndian.WriteUInt32(request, (uint)code);
    }

    private static void WritePreamble(Span<byte> at, CtPreambleWords p)
    {
        HostEndian.WriteUInt32(at, p.Word0);
        HostEndian.WriteUInt32(at[4..], p.Word1);
        HostEndian.WriteUInt32(at[8..], p.Word2);
    }

    private static byte[]? PortIdBytes(ReadOnlySpan<byte> request, List<string> missing)
    {
        if (request.Length >= PortIdOffset + 3) return request.Slice(PortIdOffset, 3).ToArray();
        missing.Add("port_id");
        return null;
    }

    private static CtPreambleWords? Preamble(ReadOnlySpan<byte> request, int offset, string member, List<string> missing)
    {
        if (request.Length >= offset + 12)
            return new CtPreambleWords(HostEndian.ReadUInt32(request[offset..]), HostEndian.ReadUInt32(request[(offset + 4)..]),
                HostEndian.ReadUInt32(request[(offset + 8)..]));
        missing.Add($"{member}.preamble_word0..2");
        return null;
    }
}

/// <summary>A decoded fc_bsg_request. Fields the buffer did not cover are null and listed in <see cref="Missing"/>.</summary>
public sealed record FcBsgRequestInfo(
    int Length,
    uint? RawMsgCode,
    byte[]? PortIdBytes,
    byte? ElsCommand,
    CtPreambleWords? Preamble,
    ulong? VendorIdValue,
    uint[] VendorCommand,
    byte[] Raw,
    IReadOnlyList<string> Missing)
{
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    public FcBsgMsgCode? MsgCode => RawMsgCode is { } raw && Enum.IsDefined(typeof(FcBsgMsgCode), raw) ? (FcBsgMsgCode)raw : null;

    public bool IsComplete => Missing.Count == 0;

    /// <summary>port_id decoded in the given byte order, or null when absent.</summary>
    public FcId? PortId(PortIdOrder order = PortIdOrder.BigEndian)
    {
        if (PortIdBytes is not { Length: 3 } b) return null;
        return order == PortIdOrder.BigEndian
            ? new FcId((uint)(b[0] << 16 | b[1] << 8 | b[2]))
            : new FcId((uint)(b[2] << 16 | b[1] << 8 | b[0]));
    }

    /// <summary>The host-endian u32 at any offset (e.g. zfcp's r_ct.preamble_word1 @8 inside an HST_CT), or null.</summary>
    public uint? WordAt(int offset) => offset >= 0 && offset + 4 <= Raw.Length ? HostEndian.ReadUInt32(Raw.AsSpan(offset)) : null;
}
