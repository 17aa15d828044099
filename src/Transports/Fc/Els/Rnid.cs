using System.Buffers.Binary;
using System.Net;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>RNID general topology specific data (format 0xDF, 52 bytes).</summary>
public sealed record RnidGeneralTopology(
    byte[] VendorUniqueId,
    uint AssociatedType,
    uint PhysicalPortNumber,
    uint AttachedNodeCount,
    byte NodeManagement,
    byte IpVersion,
    ushort ProtocolPort,
    byte[] IpAddressBytes,
    ushort VendorSpecific)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 52;

    /// <summary>Node type name; "Multi-function device" when the low byte is 0xFF (see <see cref="MultiFunctionNames"/>).</summary>
    public string AssociatedTypeName =>
        (AssociatedType & 0xFF) == RnidTypes.MultiFunction ? RnidTypes.AssociatedTypes.NameOf(RnidTypes.MultiFunction)
                                                           : RnidTypes.AssociatedTypes.NameOf(AssociatedType);

    /// <summary>For a multi-function node, the functions flagged in bits 31:21; otherwise empty.</summary>
    public IReadOnlyList<string> MultiFunctionNames =>
        (AssociatedType & 0xFF) == RnidTypes.MultiFunction ? RnidTypes.MultiFunctionBits.NamesOf(AssociatedType & 0xFFFFFF00)
                                                           : [];

    /// <summary>The name of the node management, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string NodeManagementName => RnidTypes.NodeManagement.NameOf(NodeManagement);
    /// <summary>The name of the ip version, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string IpVersionName => RnidTypes.IpVersions.NameOf(IpVersion);

    /// <summary>The management address: 16 bytes for IPv6; for IPv4 the last 4 bytes (placement unverified). Null when none.</summary>
    public IPAddress? IpAddress => IpVersion switch
    {
        2 when IpAddressBytes.Length == 16 => new IPAddress(IpAddressBytes),
        1 when IpAddressBytes.Length == 16 => new IPAddress(IpAddressBytes.AsSpan(12, 4)),
        _ => null,
    };

    /// <see cref="VendorUniqueId"/> as ASCII, trailing NULs and spaces trimmed.
    public string VendorUniqueIdText => AsciiTrim(VendorUniqueId);

    /// <summary>The vendor-unique field of the general topology data (bytes).</summary>
    public const int VendorUniqueIdLength = 16;

    internal void Write(Span<byte> d)
    {
        if (VendorUniqueId.Length > VendorUniqueIdLength) throw new ArgumentException($"RNID vendor unique ID is at most {VendorUniqueIdLength} bytes");
        if (IpAddressBytes.Length > 16) throw new ArgumentException("RNID IP address is at most 16 bytes");
        d[..Length].Clear();
        VendorUniqueId.CopyTo(d);
        BinaryPrimitives.WriteUInt32BigEndian(d[16..], AssociatedType);
        BinaryPrimitives.WriteUInt32BigEndian(d[20..], PhysicalPortNumber);
        BinaryPrimitives.WriteUInt32BigEndian(d[24..], AttachedNodeCount);
        d[28] = NodeManagement;
        d[29] = IpVersion;
        BinaryPrimitives.WriteUInt16BigEndian(d[30..], ProtocolPort);
        IpAddressBytes.CopyTo(d[32..]);
        BinaryPrimitives.WriteUInt16BigEndian(d[50..], VendorSpecific);
    }

    internal static RnidGeneralTopology Read(in WireReader r, int o)
    {
        r.Require(o, Length, "general topology data");
        return new RnidGeneralTopology(
            r.Bytes(o, 16).ToArray(), r.U32(o + 16), r.U32(o + 20), r.U32(o + 24),
            r.U8(o + 28), r.U8(o + 29), r.U16(o + 30), r.Bytes(o + 32, 16).ToArray(), r.U16(o + 50));
    }

    private static string AsciiTrim(byte[] bytes)
    {
        var end = Array.IndexOf(bytes, (byte)0);
        var chars = new char[end < 0 ? bytes.Length : end];
        for (var i = 0; i < chars.Length; i++) chars[i] = bytes[i] is >= 0x20 and < 0x7F ? (char)bytes[i] : '.';
        return new string(chars).TrimEnd();
    }
}

/// <summary>
/// An RNID accept. <see cref="Wwpn"/>/<see cref="Wwnn"/> are null when the responder sent no common data;
/// <see cref="GeneralTopology"/> is set for format 0xDF; other specific data is kept in <see cref="SpecificData"/>.
/// </summary>
public sealed record RnidAccept(byte Format, Wwn? Wwpn, Wwn? Wwnn, RnidGeneralTopology? GeneralTopology, byte[] SpecificData)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The name of the format, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string FormatName => RnidTypes.Formats.NameOf(Format);
}

/// <summary>RNID (0x78), Request Node Identification Data, formats 0x00 (common only) and 0xDF (general topology).</summary>
public sealed class Rnid : IElsCommand<byte, RnidAccept>
{
    /// <summary>Room asked for an accept: header, common and specific identification data.</summary>
    public const int MaxAcceptLength = 256;
    private Rnid() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<byte, RnidAccept>.RequestCapacity(byte _) => RequestLength;
    static int IElsCommand<byte, RnidAccept>.ResponseCapacity(byte _) => MaxAcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rnid;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 8;
    private const int AcceptHeaderLength = 8;
    private const int CommonDataLength = 16;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, byte format = RnidTypes.FormatGeneralTopology)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        payload[4] = format;
        return RequestLength;
    }

    /// <summary>Returns the requested node identification data format.</summary>
    public static byte ParseRequest(ReadOnlySpan<byte> payload) =>
        ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName).U8(4, "format");

    /// <summary>Builds an accept: common data when both names are given, general topology data when given (format 0xDF).</summary>
    public static int BuildAccept(Span<byte> payload, RnidAccept accept)
    {
        var hasCommon = accept.Wwpn is not null && accept.Wwnn is not null;
        var specificLength = accept.GeneralTopology is not null ? RnidGeneralTopology.Length : accept.SpecificData.Length;
        if (specificLength > byte.MaxValue) throw new ArgumentException("RNID specific data is at most 255 bytes", nameof(accept));
        var commonLength = hasCommon ? CommonDataLength : 0;
        var length = ElsWrite.Begin(payload, AcceptHeaderLength + commonLength + specificLength, ElsCommands.LsAcc, AcceptName);
        payload[4] = accept.Format;
        payload[5] = (byte)commonLength;
        payload[7] = (byte)specificLength;
        if (hasCommon)
        {
            accept.Wwpn!.Value.Write(payload[8..]);
            accept.Wwnn!.Value.Write(payload[16..]);
        }
        var specific = payload.Slice(AcceptHeaderLength + commonLength, specificLength);
        if (accept.GeneralTopology is not null) accept.GeneralTopology.Write(specific);
        else accept.SpecificData.CopyTo(specific);
        return length;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static RnidAccept ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        var format = reader.U8(4, "format");
        int commonLength = reader.U8(5, "common identification data length");
        int specificLength = reader.U8(7, "specific identification data length");
        if (commonLength != 0 && commonLength < CommonDataLength)
            throw reader.Error(5, $"common identification data length {commonLength} is shorter than the 16 bytes of WWPN and WWNN");
        Wwn? wwpn = null, wwnn = null;
        if (commonLength != 0)
        {
            reader.Require(AcceptHeaderLength, commonLength, "common identification data");
            wwpn = reader.Wwn(8, "WWPN");
            wwnn = reader.Wwn(16, "WWNN");
        }
        var specificOffset = AcceptHeaderLength + commonLength;
        var specific = reader.Bytes(specificOffset, specificLength, "specific identification data");
        RnidGeneralTopology? topology = null;
        if (format == RnidTypes.FormatGeneralTopology && specificLength > 0)
        {
            if (specificLength < RnidGeneralTopology.Length)
                throw reader.Error(7, $"general topology data is {RnidGeneralTopology.Length} bytes, the length byte says {specificLength}");
            topology = RnidGeneralTopology.Read(reader, specificOffset);
        }
        return new RnidAccept(format, wwpn, wwnn, topology, specific.ToArray());
    }
}
