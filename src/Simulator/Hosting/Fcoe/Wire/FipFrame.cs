using System.Buffers.Binary;
using BsgKit.Fc;

namespace BsgKit.Simulator.Hosting.Fcoe.Wire;

/// <summary>Why a received FIP frame was dropped.</summary>
internal enum FipFrameError { None, TooShort, BadVersion, BadLength, BadDescriptorLength, UnknownCriticalDescriptor, MissingDescriptor, BadDescriptor }

/// <summary>One FIP descriptor: its type and all of its bytes (the 2-byte type/length header included).</summary>
internal readonly ref struct FipDescriptor(byte type, ReadOnlySpan<byte> bytes)
{
    public byte Type { get; } = type;
    public ReadOnlySpan<byte> Bytes { get; } = bytes;
    public int Length => Bytes.Length;

    public MacAddress Mac => MacAddress.Read(Bytes[2..]);
    /// <summary>NAME: the WWN at offset 4 (after 2 reserved bytes).</summary>
    public Wwn Name => Wwn.Read(Bytes[4..]);
    public ushort MaxFcoeSize => BinaryPrimitives.ReadUInt16BigEndian(Bytes[2..]);
}

/// <summary>
/// A FIP frame (FC-BB-5; fc_fip.h struct fip_header): Ethernet header, EtherType 0x8914, version in the top nibble,
/// operation @2, subcode @5, descriptor list length in words @6, flags @8, then the descriptors, each with a type byte
/// and a length byte in words. A frame may be padded beyond the descriptor list (solicited advertisements are).
/// </summary>
internal readonly ref struct FipFrame
{
    private const int Offset = 14;

    private FipFrame(MacAddress destination, MacAddress source, ushort op, byte subcode, ushort flags, ReadOnlySpan<byte> descriptors)
    {
        Destination = destination;
        Source = source;
        Operation = op;
        Subcode = subcode;
        Flags = flags;
        DescriptorBytes = descriptors;
    }

    public MacAddress Destination { get; }
    public MacAddress Source { get; }
    public ushort Operation { get; }
    public byte Subcode { get; }
    public ushort Flags { get; }
    public ReadOnlySpan<byte> DescriptorBytes { get; }
    public string Name => FipCodes.NameOf(Operation, Subcode);

    /// <summary>Checks the header and that every descriptor's length is sane; the descriptors themselves are the message's business.</summary>
    public static FipFrameError TryParse(ReadOnlySpan<byte> frame, out FipFrame fip)
    {
        fip = default;
        if (frame.Length < Offset + FipCodes.HeaderLength) return FipFrameError.TooShort;
        var h = frame[Offset..];
        if (h[0] >> 4 != FipCodes.Version) return FipFrameError.BadVersion;
        var words = BinaryPrimitives.ReadUInt16BigEndian(h[6..]);
        var length = words * FipCodes.BytesPerWord;
        if (FipCodes.HeaderLength + length > h.Length) return FipFrameError.BadLength;
        var descriptors = h.Slice(FipCodes.HeaderLength, length);
        for (var rest = descriptors; !rest.IsEmpty;)
        {
            if (rest.Length < 2) return FipFrameError.BadDescriptorLength;
            var dl = rest[1] * FipCodes.BytesPerWord;
            if (dl < 4 || dl > rest.Length) return FipFrameError.BadDescriptorLength;
            rest = rest[dl..];
        }
        fip = new FipFrame(MacAddress.Read(frame), MacAddress.Read(frame[6..]), BinaryPrimitives.ReadUInt16BigEndian(h[2..]),
            (byte)(h[5] & 0x0F), BinaryPrimitives.ReadUInt16BigEndian(h[8..]), descriptors);
        return FipFrameError.None;
    }

    public DescriptorEnumerator GetEnumerator() => new(DescriptorBytes);

    public ref struct DescriptorEnumerator(ReadOnlySpan<byte> rest)
    {
        private ReadOnlySpan<byte> _rest = rest;
        public FipDescriptor Current { get; private set; }

        public bool MoveNext()
        {
            if (_rest.Length < 2) return false;
            var length = _rest[1] * FipCodes.BytesPerWord;
            Current = new FipDescriptor(_rest[0], _rest[..length]);
            _rest = _rest[length..];
            return true;
        }
    }
}

/// <summary>Writes a FIP frame: header first, descriptors appended, the list length filled in by <see cref="Finish"/>.</summary>
internal ref struct FipWriter
{
    private const int Offset = 14;
    private readonly Span<byte> _frame;
    private int _length;

    public FipWriter(Span<byte> frame, MacAddress destination, MacAddress source, ushort op, byte subcode, ushort flags)
    {
        _frame = frame;
        destination.Write(frame);
        source.Write(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], FipCodes.EtherType);
        var h = frame.Slice(Offset, FipCodes.HeaderLength);
        h.Clear();
        h[0] = FipCodes.Version << 4;
        BinaryPrimitives.WriteUInt16BigEndian(h[2..], op);
        h[5] = subcode;
        BinaryPrimitives.WriteUInt16BigEndian(h[8..], flags);
        _length = Offset + FipCodes.HeaderLength;
    }

    private Span<byte> Descriptor(byte type, int bytes)
    {
        var d = _frame.Slice(_length, bytes);
        d.Clear();
        d[0] = type;
        d[1] = (byte)(bytes / FipCodes.BytesPerWord);
        _length += bytes;
        return d;
    }

    public void Priority(byte priority) => Descriptor(FipCodes.DescPriority, 4)[3] = priority;
    public void Mac(MacAddress mac) => mac.Write(Descriptor(FipCodes.DescMac, 8)[2..]);
    public void Name(Wwn name) => name.Write(Descriptor(FipCodes.DescName, 12)[4..]);

    public void Fabric(ushort vfId, uint fcMap, Wwn fabricName)
    {
        var d = Descriptor(FipCodes.DescFabric, 16);
        BinaryPrimitives.WriteUInt16BigEndian(d[2..], vfId);
        d[5] = (byte)(fcMap >> 16);
        d[6] = (byte)(fcMap >> 8);
        d[7] = (byte)fcMap;
        fabricName.Write(d[8..]);
    }

    public void MaxFcoeSize(ushort size) => BinaryPrimitives.WriteUInt16BigEndian(Descriptor(FipCodes.DescMaxFcoeSize, 4)[2..], size);

    public void Fka(uint periodMs, bool noKeepAliveNeeded = false)
    {
        var d = Descriptor(FipCodes.DescFka, 8);
        d[3] = (byte)(noKeepAliveNeeded ? 1 : 0);
        BinaryPrimitives.WriteUInt32BigEndian(d[4..], periodMs);
    }

    public void VnPortId(MacAddress mac, FcId id, Wwn portName)
    {
        var d = Descriptor(FipCodes.DescVnId, 20);
        mac.Write(d[2..]);
        id.Write(d[9..]);
        portName.Write(d[12..]);
    }

    /// <summary>An encapsulated ELS (FLOGI, FDISC, LOGO): descriptor header, 2 reserved bytes, the FC header and payload.</summary>
    public void Encapsulated(byte type, FcFrameHeader header, ReadOnlySpan<byte> payload)
    {
        var d = Descriptor(type, 4 + FcFrameHeader.Length + payload.Length);
        header.Write(d[4..]);
        payload.CopyTo(d[(4 + FcFrameHeader.Length)..]);
    }

    /// <summary>A descriptor of any type with these body bytes (after the 2-byte header), for tests of bad frames.</summary>
    public void Raw(byte type, ReadOnlySpan<byte> body) => body.CopyTo(Descriptor(type, 2 + body.Length)[2..]);

    /// <summary>Fills in the descriptor list length, pads the frame to <paramref name="padTo"/> bytes, returns the frame length.</summary>
    public readonly int Finish(int padTo = 0)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_frame[(Offset + 6)..], (ushort)((_length - Offset - FipCodes.HeaderLength) / FipCodes.BytesPerWord));
        if (padTo <= _length) return _length;
        _frame[_length..padTo].Clear();
        return padTo;
    }
}
