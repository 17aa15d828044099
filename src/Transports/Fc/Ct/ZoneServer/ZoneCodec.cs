using System.Buffers.Binary;
using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ZoneServer;

/// <summary>
/// Zone server objects. docs/reference/fc-gs.md lists only the command codes, so layouts follow Wireshark packet-fcfzs.c's
/// zone set dissector, made self-consistent:
/// name = length @0, 3 reserved, name @4 padded to a word (Wireshark's GZSN/GZD dissectors put the name at @1,
/// which disagrees with its own zone set dissector; we use @4 everywhere);
/// member = type @0, reserved @1, flags @2, identifier length @3, identifier @4 padded to a word
/// (a zero length byte is read as 8, Wireshark's fixed 12-byte member).
/// </summary>
internal static class ZoneCodec
{
    public const int MinNameSize = 4;
    public const int MinMemberSize = 4;
    /// <summary>Room for a request carrying one zone or zone set name (length word, up to 256 name bytes).</summary>
    public const int MaxNameRequestLength = P + 4 + 256;

    public static int NameLength(string name) => 4 + PadToWord(EncodeText(name, MaxTextBytes, "zone name").Length);

    public static int WriteName(Span<byte> at, string name)
    {
        var bytes = EncodeText(name, MaxTextBytes, "zone name");
        at[0] = (byte)bytes.Length;
        bytes.CopyTo(at[4..]);
        return 4 + PadToWord(bytes.Length);
    }

    public static (string Name, int Next) ReadName(in WireReader r, int offset)
    {
        var length = r.U8(offset, "name length");
        var name = DecodeText(r.Bytes(offset + 4, length, "name"));
        return (name, offset + 4 + PadToWord(length));
    }

    public static int MemberLength(ZoneMember m) => 4 + PadToWord(m.Identifier.Length);

    public static int WriteMember(Span<byte> at, ZoneMember m)
    {
        if (m.Identifier.Length > 255) throw new ArgumentException("a zone member identifier is at most 255 bytes");
        at[0] = m.Type;
        at[3] = (byte)m.Identifier.Length;
        m.Identifier.CopyTo(at[4..]);
        return MemberLength(m);
    }

    public static (ZoneMember Member, int Next) ReadMember(in WireReader r, int offset)
    {
        var type = r.U8(offset, "member type");
        int length = r.U8(offset + 3, "member identifier length");
        if (length == 0) length = 8;
        var id = r.Bytes(offset + 4, length, "member identifier").ToArray();
        return (new ZoneMember(type, id), offset + 4 + PadToWord(length));
    }

    /// <summary>A count field whose entries need at least <paramref name="minEntrySize"/> bytes each.</summary>
    public static int Count(in WireReader r, int offset, int minEntrySize, string what)
    {
        var count = r.U32(offset, $"{what} count");
        var fit = Math.Max(0, r.Length - offset - 4) / minEntrySize;
        if (count > (uint)fit) throw r.Error(offset, $"{what} count {count} cannot fit in the {r.Length - offset - 4} bytes that follow");
        return (int)count;
    }

    public static int ZoneLength(Zone z)
    {
        var length = NameLength(z.Name) + 4;
        foreach (var m in z.Members) length += MemberLength(m);
        return length;
    }

    public static int WriteZone(Span<byte> at, Zone z)
    {
        var offset = WriteName(at, z.Name);
        BinaryPrimitives.WriteUInt32BigEndian(at[offset..], (uint)z.Members.Count);
        offset += 4;
        foreach (var m in z.Members) offset += WriteMember(at[offset..], m);
        return offset;
    }

    public static (Zone Zone, int Next) ReadZone(in WireReader r, int offset)
    {
        var (name, at) = ReadName(r, offset);
        var count = Count(r, at, MinMemberSize, "member");
        at += 4;
        var members = new List<ZoneMember>(count);
        for (var i = 0; i < count; i++)
        {
            var (m, next) = ReadMember(r, at);
            members.Add(m);
            at = next;
        }
        return (new Zone(name, members), at);
    }

    public static int ZoneSetLength(ZoneSet s)
    {
        var length = NameLength(s.Name) + 4;
        foreach (var z in s.Zones) length += ZoneLength(z);
        return length;
    }

    public static int WriteZoneSet(Span<byte> at, ZoneSet s)
    {
        var offset = WriteName(at, s.Name);
        BinaryPrimitives.WriteUInt32BigEndian(at[offset..], (uint)s.Zones.Count);
        offset += 4;
        foreach (var z in s.Zones) offset += WriteZone(at[offset..], z);
        return offset;
    }

    public static ZoneSet ReadZoneSet(in WireReader r, int offset)
    {
        var (name, at) = ReadName(r, offset);
        var count = Count(r, at, MinNameSize + 4, "zone");
        at += 4;
        var zones = new List<Zone>(count);
        for (var i = 0; i < count; i++)
        {
            var (z, next) = ReadZone(r, at);
            zones.Add(z);
            at = next;
        }
        return new ZoneSet(name, zones);
    }

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, ushort command, string? name, int maxResponseBytes, string message)
    {
        var length = P + (name is null ? 0 : NameLength(name));
        WriteRequestHeader(ctIu, CtServer.ZoneServer, command, maxResponseBytes, length, message);
        if (name is not null) WriteName(ctIu[P..], name);
        return length;
    }

    public static string ParseNameRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) =>
        ReadName(OpenRequest(ctIu, command, message), P).Name;

    /// <summary>GZC and GEST: flags byte @0, vendor-specific u32 @4.</summary>
    public static int BuildFlagsAccept(Span<byte> ctIu, byte flags, uint vendor, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, P + 8, message);
        ctIu[P] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[(P + 4)..], vendor);
        return P + 8;
    }

    public static (byte Flags, uint Vendor) ParseFlagsAccept(ReadOnlySpan<byte> ctIu, string message)
    {
        var r = OpenAccept(ctIu, message);
        return (r.U8(P, "flags"), r.U32(P + 4, "vendor specific"));
    }

    /// <summary>
    /// The list GZSN and GZD answer with: count u32 @0, then {name, u32} per entry (zone sets with their zone count,
    /// or zones with their member count).
    /// </summary>
    public static int BuildNamedCountAccept<T>(Span<byte> ctIu, IReadOnlyList<T> items, Func<T, string> name, Func<T, uint> count, string message)
    {
        var length = P + 4;
        foreach (var item in items) length += NameLength(name(item)) + 4;
        WriteAcceptHeader(ctIu, CtServer.ZoneServer, length, message);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)items.Count);
        var at = P + 4;
        foreach (var item in items)
        {
            at += WriteName(ctIu[at..], name(item));
            BinaryPrimitives.WriteUInt32BigEndian(ctIu[at..], count(item));
            at += 4;
        }
        return length;
    }

    public static IReadOnlyList<T> ParseNamedCountAccept<T>(ReadOnlySpan<byte> ctIu, string what, string countWhat, Func<string, uint, T> make, string message)
    {
        var r = OpenAccept(ctIu, message);
        var count = Count(r, P, MinNameSize + 4, what);
        var list = new List<T>(count);
        var at = P + 4;
        for (var i = 0; i < count; i++)
        {
            var (name, next) = ReadName(r, at);
            list.Add(make(name, r.U32(next, countWhat)));
            at = next + 4;
        }
        return list;
    }
}

