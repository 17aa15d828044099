using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Ct;

/// <summary>
/// The 16-byte CT_IU header (struct fc_ct_hdr): rev @0, IN_ID @1 (3), GS_Type @4, GS_Subtype @5, options @6,
/// command/response @8 (be16), max/residual size @10 (be16, 4-byte words excluding this header),
/// fragment ID @12, reason @13, explanation @14, vendor @15.
/// </summary>
public readonly record struct CtIuHeader(
    byte Revision,
    uint InId,
    byte GsType,
    byte GsSubtype,
    byte Options,
    ushort CommandResponse,
    ushort MaxOrResidualWords,
    byte FragmentId,
    byte Reason,
    byte Explanation,
    byte VendorUnique)
{
    /// <summary>Header length in bytes (struct fc_ct_hdr).</summary>
    public const int Size = 16;

    /// <summary>Kernel FC_CT_REV. (zfcp_util writes 3; servers accept both.)</summary>
    public const byte DefaultRevision = 1;

    /// <summary>The largest response a request can ask for: 0xFFFF words after the header.</summary>
    public const int MaxResponseBytes = Size + 4 * 0xFFFF;

    /// <summary>True when the command/response code @8 is 0x8001 (FS_ACC).</summary>
    public bool IsAccept => CommandResponse == CtResponseCodes.Accept;
    /// <summary>True when the command/response code @8 is 0x8002 (FS_RJT).</summary>
    public bool IsReject => CommandResponse == CtResponseCodes.Reject;

    /// <summary>Request: the most response bytes the requester accepts, header included.</summary>
    public int MaxOrResidualBytes => MaxOrResidualWords * 4;

    /// <summary>The name of the reason, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ReasonName => CtRejectReasons.Table.NameOf(Reason);
    /// <summary>The name of the explanation, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ExplanationName => CtReasonExplanations.For(GsType, GsSubtype).NameOf(Explanation);
    /// <summary>The name of the server, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ServerName => GsTypes.DescribeServer(GsType, GsSubtype);

    /// <summary>The command's name for this server ("GPN_ID", "RHBA" …), or "command 0x…".</summary>
    public string CommandName => GsTypes.CommandName(GsType, GsSubtype, CommandResponse);

    /// <summary>
    /// The ct_mr_size for a response buffer of <paramref name="responseBufferBytes"/> bytes: (bytes − 16) / 4,
    /// in words and without the header (qla2xxx, zfcp_util). fcnsq's byte count here is a known bug.
    /// </summary>
    public static ushort MaxSizeWordsFor(int responseBufferBytes)
    {
        var words = Math.Max(0, responseBufferBytes - Size) / 4;
        return (ushort)Math.Min(words, 0xFFFF);
    }

    /// <summary>The response buffer (header included) that a ct_mr_size of <paramref name="words"/> describes.</summary>
    public static int ResponseBytesFor(ushort words) => Size + 4 * words;

    /// <summary>A request header for <paramref name="command"/> on <paramref name="server"/>, with max size in words for a <paramref name="maxResponseBytes"/>-byte response buffer.</summary>
    /// <param name="server">The GS_Type/GS_Subtype addressed.</param>
    /// <param name="command">The command code (@8).</param>
    /// <param name="maxResponseBytes">The response buffer size in bytes, header included.</param>
    public static CtIuHeader ForRequest(CtServer server, ushort command, int maxResponseBytes) =>
        new(DefaultRevision, 0, server.GsType, server.GsSubtype, 0, command, MaxSizeWordsFor(maxResponseBytes), 0, 0, 0, 0);

    /// <summary>An FS_ACC header from <paramref name="server"/>.</summary>
    /// <param name="server">The GS_Type/GS_Subtype answering.</param>
    /// <param name="residualWords">Words of the response that did not fit (@10).</param>
    public static CtIuHeader ForAccept(CtServer server, ushort residualWords = 0) =>
        new(DefaultRevision, 0, server.GsType, server.GsSubtype, 0, CtResponseCodes.Accept, residualWords, 0, 0, 0, 0);

    /// <summary>An FS_RJT header from <paramref name="server"/>.</summary>
    /// <param name="server">The GS_Type/GS_Subtype answering.</param>
    /// <param name="reason">The reason code (@13).</param>
    /// <param name="explanation">The reason explanation (@14).</param>
    /// <param name="vendorUnique">The vendor-unique byte (@15).</param>
    public static CtIuHeader ForReject(CtServer server, byte reason, byte explanation, byte vendorUnique = 0) =>
        new(DefaultRevision, 0, server.GsType, server.GsSubtype, 0, CtResponseCodes.Reject, 0, 0, reason, explanation, vendorUnique);

    /// <summary>The fabric service this header addresses (GS_Type @4, GS_Subtype @5).</summary>
    public CtServer Server => new(GsType, GsSubtype);

    /// <summary>Writes the 16 header bytes at the start of <paramref name="ctIu"/>; throws <see cref="ArgumentException"/> if it is shorter.</summary>
    public void Write(Span<byte> ctIu)
    {
        if (ctIu.Length < Size) throw new ArgumentException($"a CT_IU header is {Size} bytes; the buffer has {ctIu.Length}", nameof(ctIu));
        ctIu[0] = Revision;
        ctIu[1] = (byte)(InId >> 16);
        ctIu[2] = (byte)(InId >> 8);
        ctIu[3] = (byte)InId;
        ctIu[GsTypeOffset] = GsType;
        ctIu[GsSubtypeOffset] = GsSubtype;
        ctIu[6] = Options;
        ctIu[7] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(ctIu[CommandResponseOffset..], CommandResponse);
        BinaryPrimitives.WriteUInt16BigEndian(ctIu[10..], MaxOrResidualWords);
        ctIu[12] = FragmentId;
        ctIu[13] = Reason;
        ctIu[14] = Explanation;
        ctIu[15] = VendorUnique;
    }

    /// <summary>Reads the 16 header bytes; throws <see cref="FcWireFormatException"/> if <paramref name="ctIu"/> is shorter.</summary>
    /// <param name="ctIu">The CT_IU.</param>
    /// <param name="message">What is being read, for the exception message.</param>
    public static CtIuHeader Read(ReadOnlySpan<byte> ctIu, string message = "CT_IU")
    {
        new WireReader(ctIu, message).Require(0, Size, "CT_IU header");
        // All 16 bytes are there: read them directly (the simulator reads one header per CT request).
        return new CtIuHeader(ctIu[0], (uint)(ctIu[1] << 16 | ctIu[2] << 8 | ctIu[3]), ctIu[GsTypeOffset], ctIu[GsSubtypeOffset], ctIu[6],
            BinaryPrimitives.ReadUInt16BigEndian(ctIu[CommandResponseOffset..]), BinaryPrimitives.ReadUInt16BigEndian(ctIu[10..]),
            ctIu[12], ctIu[13], ctIu[14], ctIu[15]);
    }

    // The request path (the simulator's transport and LLDs) needs only server and command/response of IUs it must
    // not trust: read those without a record, an exception or the full 16 bytes.
    internal const int GsTypeOffset = 4, GsSubtypeOffset = 5, CommandResponseOffset = 8;
    /// <summary>Bytes up to the end of command/response: enough to name a command or tell FS_ACC from FS_RJT.</summary>
    internal const int CommandBytes = CommandResponseOffset + 2;

    /// <summary>GS_Type, GS_Subtype and command/response of <paramref name="ctIu"/>; false when it is shorter than <see cref="CommandBytes"/>.</summary>
    internal static bool TryReadCommand(ReadOnlySpan<byte> ctIu, out CtServer server, out ushort commandResponse)
    {
        if (ctIu.Length < CommandBytes)
        {
            server = default;
            commandResponse = 0;
            return false;
        }
        server = new CtServer(ctIu[GsTypeOffset], ctIu[GsSubtypeOffset]);
        commandResponse = BinaryPrimitives.ReadUInt16BigEndian(ctIu[CommandResponseOffset..]);
        return true;
    }
}
