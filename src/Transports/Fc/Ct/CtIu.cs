using System.Text;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Ct;

/// <summary>
/// Shared CT_IU plumbing for the per-command codecs: header writing with zero-filled payloads, header checks
/// on parse, rejects, and the length-prefixed strings of GS objects. Payload offsets in the codecs are written
/// as <c>P + n</c> where P = 16, the header size.
/// </summary>
public static class CtIu
{
    /// <summary>The offset of the CT payload: the 16-byte CT_IU header comes first.</summary>
    public const int P = CtIuHeader.Size;

    /// <summary>Decodes the header of any response: accept, reject (with names) or non-conforming.</summary>
    public static CtResponse ParseResponse(ReadOnlySpan<byte> ctIu)
    {
        var header = CtIuHeader.Read(ctIu, "CT response");
        var kind = header.IsAccept ? CtResponseKind.Accept : header.IsReject ? CtResponseKind.Reject : CtResponseKind.NonConforming;
        return new CtResponse(kind, header, ctIu.Length - P);
    }

    /// <summary>Writes an FS_RJT (16 bytes, no payload) from <paramref name="server"/>. Returns 16.</summary>
    public static int BuildReject(Span<byte> ctIu, CtServer server, byte reason, byte explanation, byte vendorUnique = 0)
    {
        Ensure(ctIu, P, "FS_RJT");
        CtIuHeader.ForReject(server, reason, explanation, vendorUnique).Write(ctIu);
        return P;
    }

    /// <summary>Writes a zero-filled request of <paramref name="totalLength"/> bytes with its header.</summary>
    public static void WriteRequestHeader(Span<byte> ctIu, CtServer server, ushort command, int maxResponseBytes, int totalLength, string message)
    {
        Ensure(ctIu, totalLength, message);
        ctIu[..totalLength].Clear();
        CtIuHeader.ForRequest(server, command, maxResponseBytes).Write(ctIu);
    }

    /// <summary>Writes a zero-filled accept of <paramref name="totalLength"/> bytes with its header.</summary>
    public static void WriteAcceptHeader(Span<byte> ctIu, CtServer server, int totalLength, string message, ushort residualWords = 0)
    {
        Ensure(ctIu, totalLength, message);
        ctIu[..totalLength].Clear();
        CtIuHeader.ForAccept(server, residualWords).Write(ctIu);
    }

    /// <summary>Checks the header of a request and that its command is <paramref name="command"/>.</summary>
    public static WireReader OpenRequest(ReadOnlySpan<byte> ctIu, ushort command, string message)
    {
        var header = CtIuHeader.Read(ctIu, message);
        if (header.CommandResponse != command)
            throw new FcWireFormatException(message, 8, $"command code is 0x{header.CommandResponse:x4}, expected 0x{command:x4}");
        return new WireReader(ctIu, message);
    }

    /// <summary>Checks the header is an FS_ACC; an FS_RJT throws <see cref="CtRejectedException"/>.</summary>
    public static WireReader OpenAccept(ReadOnlySpan<byte> ctIu, string message)
    {
        var header = CtIuHeader.Read(ctIu, message);
        if (header.IsReject) throw new CtRejectedException(message, header);
        if (!header.IsAccept)
            throw new FcWireFormatException(message, 8, $"response code 0x{header.CommandResponse:x4} is neither accept (0x8002) nor reject (0x8001)");
        return new WireReader(ctIu, message);
    }

    /// <summary>Rounds up to the 4-byte words a CT_IU is made of.</summary>
    public static int PadToWord(int length) => (length + 3) & ~3;

    internal static void Ensure(Span<byte> ctIu, int length, string message)
    {
        if (ctIu.Length < length)
            throw new ArgumentException($"{message} needs {length} bytes, the buffer has {ctIu.Length}", nameof(ctIu));
    }

    /// <summary>The most bytes of a GS text object with a length byte: symbolic names, zone names, GIEIL strings.</summary>
    public const int MaxTextBytes = 255;

    // GS strings are bytes; Latin-1 maps every byte to one char and back, so decoding never fails.
    internal static byte[] EncodeText(string text, int maxBytes, string what)
    {
        var bytes = NarrowLatin1(text) ?? Encoding.Latin1.GetBytes(text);
        if (bytes.Length > maxBytes) throw new ArgumentException($"{what} is {bytes.Length} bytes; the most is {maxBytes}");
        return bytes;
    }

    /// <summary>
    /// The Latin-1 bytes of text that is all Latin-1 (what Encoding.Latin1 gives), or null (its replacement of the rest is
    /// left to it). A loop: Encoding.Latin1's vectorised narrowing was JIT-compiled at every simulated start.
    /// </summary>
    private static byte[]? NarrowLatin1(string text)
    {
        var bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c > 0xFF) return null;
            bytes[i] = (byte)c;
        }
        return bytes;
    }

    /// <summary>Text of a fixed or length-given field, cut at the first NUL (names are NUL-padded by some switches).</summary>
    internal static string DecodeText(ReadOnlySpan<byte> bytes)
    {
        var nul = bytes.IndexOf((byte)0);
        return Encoding.Latin1.GetString(nul >= 0 ? bytes[..nul] : bytes);
    }

    /// <summary>Reads a count field and checks that count entries of <paramref name="entrySize"/> fit, so a
    /// hostile count cannot make a parser allocate or loop beyond the data.</summary>
    internal static int CountedEntries(in WireReader r, int countOffset, int firstEntryOffset, int entrySize, string what)
    {
        var count = r.U32(countOffset, $"{what} count");
        var available = Math.Max(0, r.Length - firstEntryOffset) / entrySize;
        if (count > (uint)available)
            throw r.Error(firstEntryOffset, $"{what} count is {count} but only {available} entries of {entrySize} bytes fit");
        return (int)count;
    }
}
