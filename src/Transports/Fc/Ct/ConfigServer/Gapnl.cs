using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>A GAPNL entry: a port attached to the queried switch port.</summary>
public readonly record struct FcsAttachedPort(Wwn PortName, byte Flags, byte PortType)
{
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

    public const ushort Command = GsConfigServerCommands.Gapnl;
    public const int RequestLength = FcsCodec.NameRequestLength;
    public const int DefaultMaxResponseBytes = P + 4 + 100 * 12;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

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
