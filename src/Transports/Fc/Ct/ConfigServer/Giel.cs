using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>A GIEL entry: interconnect element name @0 (8), reserved (3), element type @11.</summary>
public readonly record struct FcsInterconnectElement(Wwn Name, byte Type)
{
    /// <summary>The name of the type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string TypeName => GsConfigServerObjects.ElementTypes.NameOf(Type);
}

/// <summary>GIEL (fabric configuration server): no request payload → count u32 @0, 12-byte entries from @4.</summary>
public sealed class Giel : ICtCommand<NoArgument, IReadOnlyList<FcsInterconnectElement>>
{
    private Giel() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;
    static int ICtCommand<NoArgument, IReadOnlyList<FcsInterconnectElement>>.BuildRequest(Span<byte> ctIu, NoArgument argument, int maxResponseBytes) => BuildRequest(ctIu, maxResponseBytes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Giel;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = P;
    /// <summary>zfcp_show's size: 100 elements.</summary>
    public const int DefaultMaxResponseBytes = P + 4 + 100 * 12;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildEmptyRequest(ctIu, Command, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseEmptyRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<FcsInterconnectElement> elements)
    {
        var length = FcsCodec.BuildCounted12(ctIu, elements.Count, AcceptName);
        for (var i = 0; i < elements.Count; i++)
        {
            var e = ctIu[(P + 4 + 12 * i)..];
            elements[i].Name.Write(e);
            e[11] = elements[i].Type;
        }
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<FcsInterconnectElement> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = CountedEntries(r, P, P + 4, 12, "interconnect element");
        var list = new List<FcsInterconnectElement>(count);
        for (var i = 0; i < count; i++)
        {
            var at = P + 4 + 12 * i;
            list.Add(new FcsInterconnectElement(r.Wwn(at), r.U8(at + 11)));
        }
        return list;
    }
}
