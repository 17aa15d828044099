using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>One RSCN page: the address format (port, area, domain, fabric) and the affected address.</summary>
public readonly record struct RscnPage(byte AddressFormat, FcId Address)
{
    public const int Length = 4;
    public const byte PortAddress = 0, AreaAddress = 1, DomainAddress = 2, FabricAddress = 3;
}

/// <summary>
/// RSCN (0x61): registered state change notification from the fabric controller. 4-byte header (page length 4,
/// payload length) and 4-byte pages; address format in the low two bits of page byte 0 (fc_disc_recv_rscn_req).
/// </summary>
public static class Rscn
{
    public const byte Code = ElsCommands.Rscn;
    public const int HeaderLength = 4;

    public static int BuildRequest(Span<byte> payload, ReadOnlySpan<RscnPage> pages)
    {
        var length = ElsWrite.Begin(payload, HeaderLength + pages.Length * RscnPage.Length, Code, "RSCN request");
        payload[1] = RscnPage.Length;
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)length);
        for (var i = 0; i < pages.Length; i++)
        {
            var page = payload.Slice(HeaderLength + i * RscnPage.Length, RscnPage.Length);
            page[0] = (byte)(pages[i].AddressFormat & 0x03);
            pages[i].Address.Write(page[1..]);
        }
        return length;
    }

    public static IReadOnlyList<RscnPage> ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, HeaderLength, "RSCN request");
        if (reader.U8(1, "page length") != RscnPage.Length) throw reader.Error(1, "page length is not 4");
        var total = reader.U16(2, "payload length");
        if (total < HeaderLength || (total - HeaderLength) % RscnPage.Length != 0) throw reader.Error(2, $"payload length {total} is not 4 + 4n");
        reader.Require(0, total, "RSCN pages");
        var pages = new List<RscnPage>();
        for (var o = HeaderLength; o < total; o += RscnPage.Length)
            pages.Add(new RscnPage((byte)(reader.U8(o) & 0x03), reader.FcId(o + 1)));
        return pages;
    }

    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);
}
