using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>
/// One PRLI service parameter page (16 bytes): FC-4 type, flags (originator/responder process associator valid,
/// establish image pair, and in an accept the response code in the low nibble), and the FC-4 service parameters
/// (for FCP: initiator / target function, read XFER_RDY disabled …).
/// </summary>
public sealed record PrliPage(byte Type, byte Flags, uint ServiceParameters)
{
    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 16;

    /// <summary>Flags: establish image pair.</summary>
    public const byte EstablishImagePair = 0x20;
    /// <summary>Accept response code (low nibble of the flags): request executed.</summary>
    public const byte ResponseRequestExecuted = 0x01;
    /// <summary>FCP service parameters (word 3).</summary>
    public const uint FcpInitiatorFunction = 0x20, FcpTargetFunction = 0x10, FcpReadXferRdyDisabled = 0x02, FcpRetry = 0x100;

    /// <summary>Accept response code: the low nibble of the page flags (byte 2); 0x01 means request executed.</summary>
    public byte ResponseCode => (byte)(Flags & 0x0F);
}

/// <summary>PRLI (0x20): process login. Request and LS_ACC carry a 4-byte header and 16-byte service parameter pages.</summary>
public static class Prli
{
    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Prli;
    /// <summary>The name <see cref="ElsCommands.Table"/> gives the code ("PRLI").</summary>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    /// <summary>Length of the command word that precedes the data, in bytes.</summary>
    public const int HeaderLength = 4;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, IReadOnlyList<PrliPage> pages) => Build(payload, Code, pages, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, IReadOnlyList<PrliPage> pages) => Build(payload, ElsCommands.LsAcc, pages, AcceptName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static IReadOnlyList<PrliPage> ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, HeaderLength, RequestName);
        return ReadPages(reader);
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<PrliPage> ParseAccept(ReadOnlySpan<byte> payload) =>
        ReadPages(ElsReply.ExpectAccept(payload, AcceptName));

    private static IReadOnlyList<PrliPage> ReadPages(Wire.WireReader reader)
    {
        var pageLength = reader.U8(1, "page length");
        var total = reader.U16(2, "payload length");
        if (pageLength < PrliPage.Length) throw reader.Error(1, $"page length {pageLength} is below {PrliPage.Length}");
        reader.Require(0, total, "PRLI pages");
        var pages = new List<PrliPage>();
        for (var o = HeaderLength; o + pageLength <= total; o += pageLength)
            pages.Add(new PrliPage(reader.U8(o), reader.U8(o + 2), reader.U32(o + 12)));
        return pages;
    }

    private static int Build(Span<byte> payload, byte code, IReadOnlyList<PrliPage> pages, string what)
    {
        var length = ElsWrite.Begin(payload, HeaderLength + pages.Count * PrliPage.Length, code, what);
        payload[1] = PrliPage.Length;
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)length);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = payload.Slice(HeaderLength + i * PrliPage.Length, PrliPage.Length);
            page[0] = pages[i].Type;
            page[2] = pages[i].Flags;
            BinaryPrimitives.WriteUInt32BigEndian(page[12..], pages[i].ServiceParameters);
        }
        return length;
    }
}
