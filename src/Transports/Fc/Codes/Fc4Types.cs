namespace BsgKit.Fc.Codes;

/// <summary>FC-4 type codes (kernel fc_fs.h FC_TYPE_*; FICON per zfcp_show's 0x18000000 word-0 test).</summary>
public static class Fc4Types
{
    /// <summary>Basic link services (BLS: ABTS, BA_ACC …, FC-FS; kernel FC_TYPE_BLS).</summary>
    public const byte BasicLinkService = 0x00;
    /// <summary>Extended link services (ELS, FC-LS; kernel FC_TYPE_ELS).</summary>
    public const byte ExtendedLinkService = 0x01;
    /// <summary>IP over Fibre Channel (RFC 4338; kernel FC_TYPE_IP).</summary>
    public const byte Ip = 0x05;
    /// <summary>FCP, SCSI over Fibre Channel (kernel FC_TYPE_FCP); word 0 bit 8 of the types bitmap.</summary>
    public const byte Fcp = 0x08;
    /// <summary>FC-SB (FICON), channel side.</summary>
    public const byte SbChannel = 0x1B;
    /// <summary>FC-SB (FICON), control unit side.</summary>
    public const byte SbControlUnit = 0x1C;
    /// <summary>FC-CT, the generic services (name server, management server …) that CT_IUs carry (kernel FC_TYPE_CT).</summary>
    public const byte FcServices = 0x20;
    /// <summary>SW_ILS, switch internal link services between switches (FC-SW; kernel FC_TYPE_ILS).</summary>
    public const byte SwitchInternalLinkService = 0x22;
    /// <summary>FC-NVMe, NVMe over Fibre Channel (kernel FC_TYPE_NVME).</summary>
    public const byte Nvme = 0x28;

    /// <summary>Names of the FC-4 types.</summary>
    public static readonly CodeTable Table = new("FC-4 type",
        (BasicLinkService, "BLS"),
        (ExtendedLinkService, "ELS"),
        (Ip, "IP"),
        (Fcp, "FCP (SCSI)"),
        (SbChannel, "FC-SB (FICON channel)"),
        (SbControlUnit, "FC-SB (FICON control unit)"),
        (FcServices, "FC-CT (fabric services)"),
        (SwitchInternalLinkService, "SW_ILS"),
        (Nvme, "NVMe"));
}

/// <summary>
/// The 32-byte FC-4 types bitmap (fc_ns_fts; GFT_ID, RFT_ID, GA_NXT @560, FDMI FC4TYPES): type t is bit
/// (t % 32) of big-endian word t / 32, so FCP (0x08) is word 0 = 0x00000100.
/// </summary>
public sealed class Fc4TypeSet : IEquatable<Fc4TypeSet>
{
    /// <summary>Wire size of the bitmap in bytes: 8 big-endian words.</summary>
    public const int Size = 32;
    private readonly uint[] _words = new uint[8];

    /// <summary>No types (all 32 bytes zero).</summary>
    public static Fc4TypeSet Empty { get; } = new();

    private Fc4TypeSet() { }

    /// <summary>A bitmap with the listed FC-4 types set.</summary>
    public static Fc4TypeSet Of(params byte[] types)
    {
        var set = new Fc4TypeSet();
        foreach (var t in types) set._words[t / 32] |= 1u << (t % 32);
        return set;
    }

    /// <summary>A bitmap from its 8 words (word 0 first, as on the wire).</summary>
    /// <exception cref="ArgumentException">The span does not hold exactly 8 words.</exception>
    public static Fc4TypeSet FromWords(ReadOnlySpan<uint> eightWords)
    {
        if (eightWords.Length != 8) throw new ArgumentException("an FC-4 type bitmap has 8 words", nameof(eightWords));
        var set = new Fc4TypeSet();
        eightWords.CopyTo(set._words);
        return set;
    }

    /// <summary>Reads the 32 wire bytes. The caller guarantees the length (use WireReader.Bytes).</summary>
    public static Fc4TypeSet Read(ReadOnlySpan<byte> thirtyTwoBytes)
    {
        if (thirtyTwoBytes.Length < Size) throw new ArgumentException("an FC-4 type bitmap is 32 bytes", nameof(thirtyTwoBytes));
        var set = new Fc4TypeSet();
        for (var i = 0; i < 8; i++)
            set._words[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(thirtyTwoBytes[(4 * i)..]);
        return set;
    }

    /// <summary>Writes the 8 words big-endian to the start of <paramref name="thirtyTwoBytes"/> (at least 32 bytes).</summary>
    public void Write(Span<byte> thirtyTwoBytes)
    {
        for (var i = 0; i < 8; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(thirtyTwoBytes[(4 * i)..], _words[i]);
    }

    /// <summary>Word <paramref name="index"/> (0..7); word n holds types 32n..32n+31.</summary>
    public uint Word(int index) => _words[index];

    /// <summary>The bit of FC-4 <paramref name="type"/> is set.</summary>
    public bool Contains(byte type) => (_words[type / 32] & (1u << (type % 32))) != 0;

    /// <summary>No type is set.</summary>
    public bool IsEmpty
    {
        get
        {
            foreach (var w in _words) if (w != 0) return false;
            return true;
        }
    }

    /// <summary>zfcp_show's FICON test: word 0 has both FC-SB bits (0x18000000).</summary>
    public bool IsFicon => (_words[0] & 0x18000000) == 0x18000000;

    /// <summary>The set types in ascending order.</summary>
    public IReadOnlyList<byte> Types
    {
        get
        {
            var list = new List<byte>();
            for (var t = 0; t < 256; t++)
                if (Contains((byte)t)) list.Add((byte)t);
            return list;
        }
    }

    /// <summary>Names of the set types (<see cref="Fc4Types.Table"/>), in ascending type order.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            var list = new List<string>();
            foreach (var t in Types) list.Add(Fc4Types.Table.NameOf(t));
            return list;
        }
    }

    /// <summary>Word-wise equality of the 8 words.</summary>
    public bool Equals(Fc4TypeSet? other) => other is not null && _words.AsSpan().SequenceEqual(other._words);
    /// <summary>Word-wise equality with another <see cref="Fc4TypeSet"/>.</summary>
    public override bool Equals(object? obj) => Equals(obj as Fc4TypeSet);
    /// <summary>Hash of words 0, 1, 2 and 7.</summary>
    public override int GetHashCode() => HashCode.Combine(_words[0], _words[1], _words[2], _words[7]);
    /// <summary>"FCP (SCSI), NVMe", or "none".</summary>
    public override string ToString() => IsEmpty ? "none" : string.Join(", ", Names);
}
