using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GMAL (fabric configuration server): interconnect element name (8) → count u32 @0, then 256-byte NUL-padded management addresses.</summary>
public sealed class Gmal : ICtCommand<Wwn, IReadOnlyList<string>>
{
    private Gmal() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gmal;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4 + 4 * 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Bytes per management address entry in the accept (NUL-padded text, 255 characters at most).</summary>
    public const int AddressSize = 256;

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<string> addresses)
    {
        var length = P + 4 + AddressSize * addresses.Count;
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)addresses.Count);
        for (var i = 0; i < addresses.Count; i++)
            EncodeText(addresses[i], AddressSize - 1, "management address").CopyTo(ctIu[(P + 4 + AddressSize * i)..]);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<string> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = CountedEntries(r, P, P + 4, AddressSize, "management address");
        var list = new List<string>(count);
        for (var i = 0; i < count; i++) list.Add(DecodeText(r.Bytes(P + 4 + AddressSize * i, AddressSize)));
        return list;
    }
}
