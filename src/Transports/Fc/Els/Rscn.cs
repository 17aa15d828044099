using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>One RSCN page: the address format (port, area, domain, fabric) and the affected address.</summary>
public readonly record struct RscnPage(byte AddressFormat, FcId Address)
{
    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 4;
    /// <summary>Address format 0: one port (all 24 bits of the address).</summary>
    public const byte PortAddress = 0;
    /// <summary>Address format 1: every port in an area (domain and area bytes).</summary>
    public const byte AreaAddress = 1;
    /// <summary>Address format 2: every port in a domain (domain byte).</summary>
    public const byte DomainAddress = 2;
    /// <summary>Address format 3: the whole fabric.</summary>
    public const byte FabricAddress = 3;
}

/// <summary>
/// RSCN (0x61): registered state change notification from the fabric controller. 4-byte header (page length 4,
/// payload length) and 4-byte pages; address format in the low two bits of page byte 0 (fc_disc_recv_rscn_req).
/// </summary>
public static class Rscn
{
    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rscn;
    /// <summary>The name <see cref="ElsCommands.Table"/> gives the code ("RSCN").</summary>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request";
    /// <summary>Length of the command word that precedes the data, in bytes.</summary>
    public const int HeaderLength = 4;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, ReadOnlySpan<RscnPage> pages)
    {
        var length = ElsWrite.Begin(payload, HeaderLength + pages.Length * RscnPage.Length, Code, RequestName);
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

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static IReadOnlyList<RscnPage> ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, HeaderLength, RequestName);
        if (reader.U8(1, "page length") != RscnPage.Length) throw reader.Error(1, "page length is not 4");
        var total = reader.U16(2, "payload length");
        if (total < HeaderLength || (total - HeaderLength) % RscnPage.Length != 0) throw reader.Error(2, $"payload length {total} is not 4 + 4n");
        reader.Require(0, total, "RSCN pages");
        var pages = new List<RscnPage>();
        for (var o = HeaderLength; o < total; o += RscnPage.Length)
            pages.Add(new RscnPage((byte)(reader.U8(o) & 0x03), reader.FcId(o + 1)));
        return pages;
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);
}
