using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>
/// Common service parameters (16 bytes at payload offset 4). <see cref="Word2"/> (CSP offset 8) holds total concurrent
/// sequences and relative offset by category in PLOGI, and R_A_TOV in an FLOGI accept; see the typed views.
/// </summary>
public sealed record CommonServiceParameters(
    byte HighestVersion,
    byte LowestVersion,
    ushort BbCredit,
    ushort Features,
    ushort BbReceiveDataFieldSizeWord,
    uint Word2,
    uint EdTovMilliseconds)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 16;

    /// <summary>The names of the feature bits set, from the code tables.</summary>
    public IReadOnlyList<string> FeatureNames => ElsServiceParameterBits.CommonFeatures.NamesOf(Features);
    /// <summary>True when every bit of <paramref name="bit"/> is set in the common features word.</summary>
    public bool HasFeature(ushort bit) => (Features & bit) == bit;

    /// <summary>Low 12 bits of the BB receive data field size word, in bytes.</summary>
    public int ReceiveDataFieldSize => BbReceiveDataFieldSizeWord & 0x0FFF;
    /// <summary>PLOGI view of <see cref="Word2"/>.</summary>
    public ushort TotalConcurrentSequences => (ushort)(Word2 >> 16);
    /// <summary>PLOGI view of <see cref="Word2"/>.</summary>
    public ushort RelativeOffsetByCategory => (ushort)Word2;
    /// <summary>FLOGI accept view of <see cref="Word2"/>, milliseconds.</summary>
    public uint RaTovMilliseconds => Word2;

    internal void Write(Span<byte> d)
    {
        d[0] = HighestVersion;
        d[1] = LowestVersion;
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], BbCredit);
        BinaryPrimitives.WriteUInt16BigEndian(d[4..], Features);
        BinaryPrimitives.WriteUInt16BigEndian(d[6..], BbReceiveDataFieldSizeWord);
        BinaryPrimitives.WriteUInt32BigEndian(d[8..], Word2);
        BinaryPrimitives.WriteUInt32BigEndian(d[12..], EdTovMilliseconds);
    }

    internal static CommonServiceParameters Read(in WireReader r, int o) =>
        new(r.U8(o), r.U8(o + 1), r.U16(o + 2), r.U16(o + 4), r.U16(o + 6), r.U32(o + 8), r.U32(o + 12));
}

/// <summary>Class-specific service parameters (16 bytes per class).</summary>
public sealed record ClassServiceParameters(
    ushort Options,
    ushort InitiatorControl,
    ushort RecipientControl,
    ushort ReceiveDataFieldSize,
    ushort ConcurrentSequences,
    ushort EndToEndCredit,
    byte OpenSequencesPerExchange)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 16;
    /// <summary>A class that is not offered: every field zero (the class-valid bit clear).</summary>
    public static readonly ClassServiceParameters NotSupported = new(0, 0, 0, 0, 0, 0, 0);

    /// <summary>The class-valid bit: the sender supports this class of service.</summary>
    public bool IsValid => (Options & ElsServiceParameterBits.ClassValid) != 0;
    /// <summary>The names of the option bits set, from the code tables.</summary>
    public IReadOnlyList<string> OptionNames => ElsServiceParameterBits.ClassOptions.NamesOf(Options);

    internal void Write(Span<byte> d)
    {
        d[..Length].Clear();
        BinaryPrimitives.WriteUInt16BigEndian(d, Options);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], InitiatorControl);
        BinaryPrimitives.WriteUInt16BigEndian(d[4..], RecipientControl);
        BinaryPrimitives.WriteUInt16BigEndian(d[6..], ReceiveDataFieldSize);
        BinaryPrimitives.WriteUInt16BigEndian(d[8..], ConcurrentSequences);
        BinaryPrimitives.WriteUInt16BigEndian(d[10..], EndToEndCredit);
        d[13] = OpenSequencesPerExchange;
    }

    internal static ClassServiceParameters Read(in WireReader r, int o) =>
        new(r.U16(o), r.U16(o + 2), r.U16(o + 4), r.U16(o + 6), r.U16(o + 8), r.U16(o + 10), r.U8(o + 13));
}

/// <summary>
/// The 116-byte login payload shared by PLOGI, FLOGI, FDISC and their accepts: CSP @4, WWPN @20, WWNN @28,
/// class 1..4 parameters @36/52/68/84 (class 3 at 68), vendor version level @100.
/// </summary>
public sealed record ServiceParameters(
    CommonServiceParameters Common,
    Wwn Wwpn,
    Wwn Wwnn,
    ClassServiceParameters Class1,
    ClassServiceParameters Class2,
    ClassServiceParameters Class3,
    ClassServiceParameters Class4,
    byte[] VendorVersionLevel)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 116;
    /// <summary>A PLOGI/FLOGI/FDISC payload: the command word and the parameters.</summary>
    public const int LoginPayloadLength = 4 + Length;
    /// <summary>Room asked for a login accept (the parameters, with room for what some ports append).</summary>
    public const int MaxLoginAcceptLength = 256;
    private const int CommonOffset = 4;
    private const int WwpnOffset = 20;
    private const int WwnnOffset = 28;
    private const int ClassesOffset = 36;
    private const int VendorVersionOffset = 100;
    private const int VendorVersionLength = 16;

    /// <summary>Parameters with only class 3 given; classes 1, 2 and 4 are marked not supported.</summary>
    public static ServiceParameters WithClass3(CommonServiceParameters common, Wwn wwpn, Wwn wwnn, ClassServiceParameters class3) =>
        new(common, wwpn, wwnn, ClassServiceParameters.NotSupported, ClassServiceParameters.NotSupported, class3,
            ClassServiceParameters.NotSupported, new byte[VendorVersionLength]);

    internal int Write(Span<byte> payload, byte code, string what)
    {
        if (VendorVersionLevel.Length > VendorVersionLength)
            throw new ArgumentException($"{what}: vendor version level is at most {VendorVersionLength} bytes");
        ElsWrite.Begin(payload, Length, code, what);
        Common.Write(payload[CommonOffset..]);
        Wwpn.Write(payload[WwpnOffset..]);
        Wwnn.Write(payload[WwnnOffset..]);
        Class1.Write(payload[ClassesOffset..]);
        Class2.Write(payload[(ClassesOffset + 16)..]);
        Class3.Write(payload[(ClassesOffset + 32)..]);
        Class4.Write(payload[(ClassesOffset + 48)..]);
        VendorVersionLevel.CopyTo(payload[VendorVersionOffset..]);
        return Length;
    }

    internal static ServiceParameters Read(in WireReader r)
    {
        r.Require(0, Length, "service parameters");
        return new ServiceParameters(
            CommonServiceParameters.Read(r, CommonOffset),
            r.Wwn(WwpnOffset, "WWPN"),
            r.Wwn(WwnnOffset, "WWNN"),
            ClassServiceParameters.Read(r, ClassesOffset),
            ClassServiceParameters.Read(r, ClassesOffset + 16),
            ClassServiceParameters.Read(r, ClassesOffset + 32),
            ClassServiceParameters.Read(r, ClassesOffset + 48),
            r.Bytes(VendorVersionOffset, VendorVersionLength, "vendor version level").ToArray());
    }

    internal static int BuildRequest(Span<byte> payload, byte code, ServiceParameters p, string what) => p.Write(payload, code, what);
    internal static ServiceParameters ParseRequest(ReadOnlySpan<byte> payload, byte code, string what) =>
        Read(ElsWrite.ExpectRequest(payload, code, Length, what));
    internal static int BuildAccept(Span<byte> payload, ServiceParameters p, string what) => p.Write(payload, ElsCommands.LsAcc, what);
    internal static ServiceParameters ParseAccept(ReadOnlySpan<byte> payload, string what) => Read(ElsReply.ExpectAccept(payload, what));
}
