using BsgKit.Iscsi.Codes;
using BsgKit.Iscsi.IscsiBsg;

namespace BsgKit.Iscsi.Vendor;

/// <summary>
/// One encoded vendor command: the vendor_cmd words (code first), what goes out (dout) and how much may come
/// back (din). The words are always the full set the driver reads: its vendor path reads vendor_cmd[] without
/// checking request_len, so a short request would make it read past the copied request.
/// </summary>
public sealed record IscsiVendorCommand
{
    public required IscsiDriver Driver { get; init; }
    public required uint Code { get; init; }
    public required uint[] Words { get; init; }
    /// <summary>Writes flash, NVRAM or settings: refused unless the caller confirms.</summary>
    public bool Writes { get; init; }
    public ReadOnlyMemory<byte> Dout { get; init; }
    public int DinLength { get; init; }

    public string Name => IscsiCodes.CommandsFor(Driver)?.NameOf(Code) ?? $"vendor command 0x{Code:x}";

    /// <summary>request_len: 12 + 4 · words.</summary>
    public int RequestLength => IscsiBsgRequest.LengthFor(Words.Length);

    public ulong VendorId => Driver.VendorId() ?? throw new InvalidOperationException($"{Driver} has no vendor channel");

    /// <summary>Writes the request into <paramref name="request"/>; returns request_len.</summary>
    public int Encode(Span<byte> request) => IscsiBsgRequest.Build(request, VendorId, Words);

    public byte[] Encode()
    {
        var bytes = new byte[RequestLength];
        Encode(bytes);
        return bytes;
    }

    public override string ToString() => $"{Driver.ProcName()} {Name}";
}
