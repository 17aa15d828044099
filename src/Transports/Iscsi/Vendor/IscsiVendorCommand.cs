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
    /// <summary>The driver the command belongs to (picks the vendor_id).</summary>
    public required IscsiDriver Driver { get; init; }
    /// <summary>The command code (vendor_cmd[0]).</summary>
    public required uint Code { get; init; }
    /// <summary>Every vendor_cmd word, the code first.</summary>
    public required uint[] Words { get; init; }
    /// <summary>Writes flash, NVRAM or settings: refused unless the caller confirms.</summary>
    public bool Writes { get; init; }
    /// <summary>The request payload (data to write, or the companion buffer a read needs).</summary>
    public ReadOnlyMemory<byte> Dout { get; init; }
    /// <summary>Bytes the response payload may hold.</summary>
    public int DinLength { get; init; }

    /// <summary>The command's name from the driver's code table ("READ_FLASH").</summary>
    public string Name => IscsiCodes.CommandsFor(Driver)?.NameOf(Code) ?? $"vendor command 0x{Code:x}";

    /// <summary>request_len: 12 + 4 · words.</summary>
    public int RequestLength => IscsiBsgRequest.LengthFor(Words.Length);

    /// <summary>h_vendor.vendor_id for <see cref="Driver"/>; throws for a driver without a vendor channel.</summary>
    public ulong VendorId => Driver.VendorId() ?? throw new InvalidOperationException($"{Driver} has no vendor channel");

    /// <summary>Writes the request into <paramref name="request"/>; returns request_len.</summary>
    public int Encode(Span<byte> request) => IscsiBsgRequest.Build(request, VendorId, Words);

    /// <summary>The request as a new array of <see cref="RequestLength"/> bytes.</summary>
    public byte[] Encode()
    {
        var bytes = new byte[RequestLength];
        Encode(bytes);
        return bytes;
    }

    /// <summary>"qla4xxx READ_FLASH".</summary>
    public override string ToString() => $"{Driver.ProcName()} {Name}";
}
