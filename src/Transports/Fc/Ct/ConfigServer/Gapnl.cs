using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>A GAPNL entry: a port attached to the queried switch port.</summary>
public readonly record struct FcsAttachedPort(Wwn PortName, byte Flags, byte PortType)
{
    /// <summary>The name of the port type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string PortTypeName => PortTypes.Table.NameOf(PortType);
}

/// <summary>GAPNL (fabric configuration server): port name (8) → count u32 @0, 12-byte entries from @4: attached port name @0, port flags @10, port type @11.</summary>
public sealed class Gapnl : ICtCommand<Wwn, IReadOnlyList<FcsAttachedPort>>
{
    private Gapnl() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gapnl;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4 + 100 * 12;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<FcsAttachedPort> ports)
    {
        var length = FcsCodec.BuildCounted12(ctIu, ports.Count, AcceptName);
        for (var i = 0; i < ports.Count; i++)
        {
            var e = ctIu[(P + 4 + 12 * i)..];
            ports[i].PortName.Write(e);
            e[10] = ports[i].Flags;
            e[11] = ports[i].PortType;
        }
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<FcsAttachedPort> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = CountedEntries(r, P, P + 4, 12, "attached port");
        var list = new List<FcsAttachedPort>(count);
        for (var i = 0; i < count; i++)
        {
            var at = P + 4 + 12 * i;
            list.Add(new FcsAttachedPort(r.Wwn(at), r.U8(at + 10), r.U8(at + 11)));
        }
        return list;
    }
}
