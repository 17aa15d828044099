using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>GZM, get zone member list: zone name → count u32 @0, then members.</summary>
public sealed class Gzm : ICtCommand<string, IReadOnlyList<ZoneMember>>
{
    private Gzm() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.ZoneServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => ZoneCodec.MaxNameRequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsZoneServerCommands.Gzm;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4096;
    /// <inheritdoc/>
    public static string Name { get; } = GsZoneServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, string zoneName, int maxResponseBytes = DefaultMaxResponseBytes) =>
        ZoneCodec.BuildRequest(ctIu, Command, zoneName, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static string ParseRequest(ReadOnlySpan<byte> ctIu) => ZoneCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, IReadOnlyList<ZoneMember> members)
    {
        var length = P + 4;
        foreach (var m in members) length += ZoneCodec.MemberLength(m);
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, AcceptName);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)members.Count);
        var at = P + 4;
        foreach (var m in members) at += ZoneCodec.WriteMember(ctIu[at..], m);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<ZoneMember> ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var count = ZoneCodec.Count(r, P, ZoneCodec.MinMemberSize, "member");
        var list = new List<ZoneMember>(count);
        var at = P + 4;
        for (var i = 0; i < count; i++)
        {
            var (m, next) = ZoneCodec.ReadMember(r, at);
            list.Add(m);
            at = next;
        }
        return list;
    }
}
