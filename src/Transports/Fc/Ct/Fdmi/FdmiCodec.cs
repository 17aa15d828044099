using System.Buffers.Binary;
using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>
/// FDMI building blocks: the attribute block (count u32 @0, entries from @4) and the registered port list
/// (fc_fdmi_rpl: count u32 @0, 8-byte port names from @4).
/// </summary>
internal static class FdmiCodec
{
    public const int IdentifierRequestLength = P + 8;
    /// <summary>Room for an RHBA or RPA request (attribute blocks are variable; one page holds any sane one).</summary>
    public const int MaxRegistrationLength = 4096;
    /// <summary>Registrations and deregistrations are accepted with a bare header.</summary>
    public const int EmptyAcceptLength = P;

    public static int BlockLength(IReadOnlyList<FdmiAttribute> attributes)
    {
        var length = 4;
        foreach (var a in attributes) length += a.EncodedLength;
        return length;
    }

    /// <summary>Writes an attribute block into an already zeroed span. Returns its length.</summary>
    public static int WriteBlock(Span<byte> at, IReadOnlyList<FdmiAttribute> attributes)
    {
        BinaryPrimitives.WriteUInt32BigEndian(at, (uint)attributes.Count);
        var offset = 4;
        foreach (var a in attributes)
        {
            var length = a.EncodedLength;
            if (length > ushort.MaxValue) throw new ArgumentException($"FDMI attribute 0x{a.Type:x} is too long");
            BinaryPrimitives.WriteUInt16BigEndian(at[offset..], a.Type);
            BinaryPrimitives.WriteUInt16BigEndian(at[(offset + 2)..], (ushort)length);
            a.RawValue.CopyTo(at[(offset + 4)..]);
            offset += length;
        }
        return offset;
    }

    /// <summary>Reads an attribute block at <paramref name="offset"/>; returns the attributes and the offset after it.</summary>
    public static (IReadOnlyList<FdmiAttribute> Attributes, int End) ReadBlock(in WireReader r, int offset, FdmiAttributeScope scope)
    {
        var count = r.U32(offset, "attribute count");
        var maxPossible = Math.Max(0, r.Length - offset - 4) / FdmiAttribute.HeaderSize;
        if (count > (uint)maxPossible)
            throw r.Error(offset, $"attribute count {count} cannot fit in the {r.Length - offset - 4} bytes that follow");
        var list = new List<FdmiAttribute>((int)count);
        var at = offset + 4;
        for (var i = 0; i < count; i++)
        {
            var type = r.U16(at, "attribute type");
            var length = r.U16(at + 2, "attribute length");
            if (length < FdmiAttribute.HeaderSize)
                throw r.Error(at + 2, $"attribute 0x{type:x} length {length} is shorter than its 4-byte header");
            var value = r.Bytes(at + 4, length - 4, $"attribute 0x{type:x} value");
            list.Add(new FdmiAttribute(scope, type, value.ToArray()));
            at += length;
        }
        return (list, at);
    }

    public static int PortListLength(IReadOnlyList<Wwn> ports) => 4 + 8 * ports.Count;

    public static int WritePortList(Span<byte> at, IReadOnlyList<Wwn> ports)
    {
        BinaryPrimitives.WriteUInt32BigEndian(at, (uint)ports.Count);
        for (var i = 0; i < ports.Count; i++) ports[i].Write(at[(4 + 8 * i)..]);
        return PortListLength(ports);
    }

    public static (IReadOnlyList<Wwn> Ports, int End) ReadPortList(in WireReader r, int offset, string what)
    {
        var count = CountedEntries(r, offset, offset + 4, 8, what);
        var list = new List<Wwn>(count);
        for (var i = 0; i < count; i++) list.Add(r.Wwn(offset + 4 + 8 * i));
        return (list, offset + 4 + 8 * count);
    }

    public static int BuildIdentifierRequest(Span<byte> ctIu, ushort command, Wwn identifier, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.Fdmi, command, maxResponseBytes, IdentifierRequestLength, message);
        identifier.Write(ctIu[P..]);
        return IdentifierRequestLength;
    }

    public static Wwn ParseIdentifierRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) =>
        OpenRequest(ctIu, command, message).Wwn(P, "identifier");

    public static int BuildEmptyAccept(Span<byte> ctIu, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.Fdmi, P, message);
        return P;
    }

    public static CtIuHeader ParseEmptyAccept(ReadOnlySpan<byte> ctIu, string message)
    {
        OpenAccept(ctIu, message);
        return CtIuHeader.Read(ctIu, message);
    }
}
