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
    /// <summary>sizeof(struct fc_bsg_request): what every non-vendor request is written and reported as.</summary>
    public const int Size = 20;
    /// <summary>msgcode + vendor_id: the length of an HST_VENDOR request without vendor_cmd words.</summary>
    public const int VendorHeaderSize = 12;
    /// <summary>The msgcode is a host-endian u32 at offset 0.</summary>
    public const int MsgCodeSize = 4;
    /// <summary>port_id[3]: domain, area, port (UAPI order).</summary>
    public const int PortIdSize = 3;
    /// <summary>preamble_word0..2: three host-endian u32.</summary>
    public const int PreambleSize = 12;

    /// <summary>msgcode @0.</summary>
    public const int MsgCodeOffset = 0;
    /// <summary>port_id[3] @5 in h_addrport, h_delrport, h_els and h_ct.</summary>
    public const int PortIdOffset = 5;
    /// <summary>h_els.command_code @4.</summary>
    public const int HostElsCommandOffset = 4;
    /// <summary>h_ct.preamble_word0..2 @8, @12, @16.</summary>
    public const int HostCtPreambleOffset = 8;
    /// <summary>h_vendor.vendor_id @4: an unaligned host-endian u64.</summary>
    public const int VendorIdOffset = 4;
    /// <summary>h_vendor.vendor_cmd[] @12: host-endian u32 words.</summary>
    public const int VendorCommandOffset = 12;
    /// <summary>r_els.els_code @4.</summary>
    public const int RportElsCommandOffset = 4;
    /// <summary>r_ct.preamble_word0..2 @4, @8, @12.</summary>
    public const int RportCtPreambleOffset = 4;

    /// <summary>HST_ADD_RPORT: port_id @5. Returns 20.</summary>
    public static int BuildAddRport(Span<byte> request, FcId port, PortIdOrder order = PortIdOrder.BigEndian) =>
        BuildPortRequest(request, FcBsgMsgCode.HostAddRport, 0, port, order);

    /// <summary>HST_DEL_RPORT: port_id @5. Returns 20.</summary>
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
    /// <see cref="FcBsgRequestInfo.Missing"/>; this never throws. Allocates the record: the request path reads
    /// through <see cref="FcBsgRequestReader"/> instead.
    /// </summary>
    public static FcBsgRequestInfo Parse(ReadOnlySpan<byte> request)
    {
        var missing = new List<string>();
        var reader = new FcBsgRequestReader(request);
        if (!reader.HasMsgCode)
        {
            missing.Add("msgcode");
            return new FcBsgRequestInfo(request.Length, null, null, null, null, null, [], request.ToArray(), missing);
        }
        var raw = reader.RawMsgCode;
        byte[]? portId = null;
        byte? els = null;
        CtPreambleWords? preamble = null;
        ulong? vendorId = null;
        var vendorCmd = Array.Empty<uint>();

        switch ((FcBsgMsgCode)raw)
        {
            case FcBsgMsgCode.HostAddRport or FcBsgMsgCode.HostDelRport:
                portId = PortIdBytes(request, missing);
                break;
            case FcBsgMsgCode.HostElsNoLogin:
                if (reader.Covers(HostElsCommandOffset, 1)) els = reader.HostElsCommand;
                else missing.Add("h_els.command_code");
                portId = PortIdBytes(request, missing);
                break;
            case FcBsgMsgCode.HostCt:
                portId = PortIdBytes(request, missing);
                preamble = Preamble(reader, HostCtPreambleOffset, "h_ct", missing);
                break;
            case FcBsgMsgCode.RportEls:
                if (reader.Covers(RportElsCommandOffset, 1)) els = reader.RportElsCommand;
                else missing.Add("r_els.els_code");
                break;
            case FcBsgMsgCode.RportCt:
                preamble = Preamble(reader, RportCtPreambleOffset, "r_ct", missing);
                break;
            case FcBsgMsgCode.HostVendor:
                if (reader.Covers(VendorIdOffset, 8)) vendorId = reader.VendorId;
                else missing.Add("h_vendor.vendor_id");
                if (request.Length > VendorCommandOffset)
                {
                    vendorCmd = new uint[reader.VendorCommandCount];
                    for (var i = 0; i < vendorCmd.Length; i++) vendorCmd[i] = reader.VendorCommand(i);
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
        request[HostElsCommandOffset] = byte4;
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
        if (request.Length >= PortIdOffset + PortIdSize) return request.Slice(PortIdOffset, PortIdSize).ToArray();
        missing.Add("port_id");
        return null;
    }

    private static CtPreambleWords? Preamble(FcBsgRequestReader request, int offset, string member, List<string> missing)
    {
        if (request.Covers(offset, PreambleSize)) return request.PreambleAt(offset);
        missing.Add($"{member}.preamble_word0..2");
        return null;
    }
}

/// <summary>A decoded fc_bsg_request. Fields the buffer did not cover are null and listed in <see cref="Missing"/>.</summary>
/// <param name="Length">request_len: how many bytes were decoded.</param>
/// <param name="RawMsgCode">msgcode @0 as a host integer.</param>
/// <param name="PortIdBytes">port_id[3] @5 as the bytes stand (host-level codes).</param>
/// <param name="ElsCommand">h_els.command_code or r_els.els_code @4.</param>
/// <param name="Preamble">h_ct (@8) or r_ct (@4) preamble words.</param>
/// <param name="VendorIdValue">h_vendor.vendor_id @4.</param>
/// <param name="VendorCommand">h_vendor.vendor_cmd[] words from @12.</param>
/// <param name="Raw">A copy of the request bytes.</param>
/// <param name="Missing">Fields the request was too short for.</param>
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
    /// <summary>Every field with its name, for logs and test messages.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The msgcode when it is one scsi_bsg_fc.h defines, else null.</summary>
    public FcBsgMsgCode? MsgCode => RawMsgCode is { } raw && Enum.IsDefined(typeof(FcBsgMsgCode), raw) ? (FcBsgMsgCode)raw : null;

    /// <summary>The request covered every field its msgcode has.</summary>
    public bool IsComplete => Missing.Count == 0;

    /// <summary>port_id decoded in the given byte order, or null when absent.</summary>
    public FcId? PortId(PortIdOrder order = PortIdOrder.BigEndian)
    {
        if (PortIdBytes is not { Length: FcBsgRequest.PortIdSize } b) return null;
        return FcBsgRequestReader.DecodePortId(b, order);
    }

    /// <summary>The host-endian u32 at any offset (e.g. zfcp's r_ct.preamble_word1 @8 inside an HST_CT), or null.</summary>
    public uint? WordAt(int offset)
    {
        var reader = new FcBsgRequestReader(Raw);
        return reader.Covers(offset, 4) ? reader.WordAt(offset) : null;
    }
}

/// <summary>
/// Zero-allocation reads of an fc_bsg_request at the offsets of <see cref="FcBsgRequest"/>, for code on the request
/// path (the simulator's transport and LLDs; <see cref="FcBsgRequest.Parse"/> is built on it). Every read of a field
/// the request does not cover returns 0 (bytes past request_len read as 0, as the kernel's zeroed copy does) —
/// check <see cref="Covers"/> where the difference matters.
/// </summary>
public readonly ref struct FcBsgRequestReader
{
    private readonly ReadOnlySpan<byte> _request;

    /// <summary>A reader over the request_len bytes of an fc_bsg_request.</summary>
    public FcBsgRequestReader(ReadOnlySpan<byte> request) => _request = request;

    /// <summary>request_len.</summary>
    public int Length => _request.Length;

    /// <summary>Whether the request covers <paramref name="length"/> bytes at <paramref name="offset"/>.</summary>
    public bool Covers(int offset, int length) => offset >= 0 && length >= 0 && offset + length <= _request.Length;

    /// <summary>The request is long enough to carry a msgcode (shorter: the transport's ENOMSG).</summary>
    public bool HasMsgCode => Covers(FcBsgRequest.MsgCodeOffset, FcBsgRequest.MsgCodeSize);

    /// <summary>msgcode @0 as a host integer; 0 when absent.</summary>
    public uint RawMsgCode => WordAt(FcBsgRequest.MsgCodeOffset);

    /// <summary>msgcode @0 (not necessarily a defined value).</summary>
    public FcBsgMsgCode MsgCode => (FcBsgMsgCode)RawMsgCode;

    /// <summary>The host-endian u32 at <paramref name="offset"/>; 0 when the request does not cover all four bytes.</summary>
    public uint WordAt(int offset) => Covers(offset, 4) ? HostEndian.ReadUInt32(_request[offset..]) : 0;

    /// <summary>h_els.command_code @4; 0 when absent.</summary>
    public byte HostElsCommand => ByteAt(FcBsgRequest.HostElsCommandOffset);

    /// <summary>r_els.els_code @4; 0 when absent.</summary>
    public byte RportElsCommand => ByteAt(FcBsgRequest.RportElsCommandOffset);

    /// <summary>port_id[3] @5 read in <paramref name="order"/>; 0 unless all three bytes are present.</summary>
    public FcId PortId(PortIdOrder order = PortIdOrder.BigEndian) =>
        Covers(FcBsgRequest.PortIdOffset, FcBsgRequest.PortIdSize)
            ? DecodePortId(_request.Slice(FcBsgRequest.PortIdOffset, FcBsgRequest.PortIdSize), order)
            : default;

    /// <summary>The three preamble words at <paramref name="offset"/> (h_ct @8, r_ct @4); absent words read as 0.</summary>
    public CtPreambleWords PreambleAt(int offset) => new(WordAt(offset), WordAt(offset + 4), WordAt(offset + 8));

    /// <summary>
    /// h_vendor.vendor_id @4 (host-endian u64). The kernel reads it without checking request_len; bytes the
    /// request does not cover read as 0.
    /// </summary>
    public ulong VendorId
    {
        get
        {
            Span<byte> id = stackalloc byte[8];
            id.Clear();
            var available = Math.Clamp(_request.Length - FcBsgRequest.VendorIdOffset, 0, id.Length);
            if (available > 0) _request.Slice(FcBsgRequest.VendorIdOffset, available).CopyTo(id);
            return HostEndian.ReadUInt64(id);
        }
    }

    /// <summary>How many whole vendor_cmd words (from @12) the request carries.</summary>
    public int VendorCommandCount => Math.Max(0, _request.Length - FcBsgRequest.VendorCommandOffset) / 4;

    /// <summary>vendor_cmd[<paramref name="index"/>]; 0 when absent.</summary>
    public uint VendorCommand(int index) => index < 0 ? 0 : WordAt(FcBsgRequest.VendorCommandOffset + 4 * index);

    /// <summary>Three port_id bytes as an FC ID: UAPI order, or qla2xxx's reversed order.</summary>
    public static FcId DecodePortId(ReadOnlySpan<byte> b, PortIdOrder order) => order == PortIdOrder.BigEndian
        ? new FcId((uint)(b[0] << 16 | b[1] << 8 | b[2]))
        : new FcId((uint)(b[2] << 16 | b[1] << 8 | b[0]));

    private byte ByteAt(int offset) => Covers(offset, 1) ? _request[offset] : (byte)0;
}
