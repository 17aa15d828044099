using System.Buffers.Binary;

namespace BsgKit.Fc.Codes;

/// <summary>FC-4 feature bits, 4 per FC-4 type. FCP: target 0x1, initiator 0x2 (fc_fcp.h FCP_FEAT_*).</summary>
public static class Fc4Features
{
    /// <summary>FCP (and NVMe) feature bit: the port is a target (fc_fcp.h FCP_FEAT_TARG).</summary>
    public const byte FcpTarget = 0x1;
    /// <summary>FCP (and NVMe) feature bit: the port is an initiator (fc_fcp.h FCP_FEAT_INIT).</summary>
    public const byte FcpInitiator = 0x2;

    /// <summary>Feature bits of FCP (and of NVMe, which uses the same target/initiator positions).</summary>
    public static readonly BitmaskTable Fcp = new("FCP features",
        (FcpTarget, "Target"),
        (FcpInitiator, "Initiator"));
}

/// <summary>
/// The 128-byte FC-4 features object (fc_ns_ff; GFF_ID): 4 bits per type in nibble (t % 8) of big-endian word
/// t / 8, nibble 0 the least significant. FCP (0x08) is the low nibble of byte 7, NVMe (0x28) of byte 23.
/// </summary>
public sealed class Fc4FeatureSet : IEquatable<Fc4FeatureSet>
{
    /// <summary>Wire size of the object in bytes: 32 big-endian words.</summary>
    public const int Size = 128;
    private readonly byte[] _bytes = new byte[Size];

    /// <summary>No features for any type (all 128 bytes zero).</summary>
    public static Fc4FeatureSet Empty { get; } = new();

    private Fc4FeatureSet() { }

    /// <summary>A set with the given 4-bit features for each listed FC-4 type (higher bits of a features value are dropped).</summary>
    public static Fc4FeatureSet Of(params (byte Type, byte Features)[] entries)
    {
        var set = new Fc4FeatureSet();
        foreach (var (type, features) in entries) set.Set(type, features);
        return set;
    }

    /// <summary>Copies the first 128 bytes of <paramref name="bytes"/> (the GFF_ID accept payload).</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is shorter than 128 bytes.</exception>
    public static Fc4FeatureSet Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size) throw new ArgumentException("an FC-4 features object is 128 bytes", nameof(bytes));
        var set = new Fc4FeatureSet();
        bytes[..Size].CopyTo(set._bytes);
        return set;
    }

    /// <summary>Writes the 128 wire bytes to the start of <paramref name="bytes"/>.</summary>
    public void Write(Span<byte> bytes) => _bytes.CopyTo(bytes);

    /// <summary>The byte offset and shift of a type's nibble.</summary>
    public static (int ByteOffset, int Shift) Locate(byte type)
    {
        var word = type / 8;
        var nibble = type % 8;                       // 0 = least significant nibble of the big-endian word
        return (word * 4 + 3 - nibble / 2, (nibble % 2) * 4);
    }

    /// <summary>The 4 feature bits registered for FC-4 <paramref name="type"/> (see <see cref="Fc4Features"/>).</summary>
    public byte FeaturesOf(byte type)
    {
        var (offset, shift) = Locate(type);
        return (byte)((_bytes[offset] >> shift) & 0xF);
    }

    private void Set(byte type, byte features)
    {
        var (offset, shift) = Locate(type);
        _bytes[offset] = (byte)((_bytes[offset] & ~(0xF << shift)) | ((features & 0xF) << shift));
    }

    /// <summary>Big-endian word <paramref name="index"/> (0..31) of the object; word n holds types 8n..8n+7.</summary>
    public uint Word(int index) => BinaryPrimitives.ReadUInt32BigEndian(_bytes.AsSpan(4 * index));

    /// <summary>The FCP target bit is set.</summary>
    public bool IsFcpTarget => (FeaturesOf(Fc4Types.Fcp) & Fc4Features.FcpTarget) != 0;
    /// <summary>The FCP initiator bit is set.</summary>
    public bool IsFcpInitiator => (FeaturesOf(Fc4Types.Fcp) & Fc4Features.FcpInitiator) != 0;

    /// <summary>Byte-wise equality of the 128 bytes.</summary>
    public bool Equals(Fc4FeatureSet? other) => other is not null && _bytes.AsSpan().SequenceEqual(other._bytes);
    /// <summary>Byte-wise equality with another <see cref="Fc4FeatureSet"/>.</summary>
    public override bool Equals(object? obj) => Equals(obj as Fc4FeatureSet);
    /// <summary>Hash of the FCP and NVMe bytes (7 and 23), the ones that usually differ.</summary>
    public override int GetHashCode() => HashCode.Combine(_bytes[7], _bytes[23]);

    /// <summary>"FCP (SCSI): Initiator; NVMe: Target", or "none".</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        for (var t = 0; t < 256; t++)
        {
            var f = FeaturesOf((byte)t);
            if (f == 0) continue;
            var names = t is Fc4Types.Fcp or Fc4Types.Nvme ? Fc4Features.Fcp.Describe(f) : $"0x{f:x}";
            parts.Add($"{Fc4Types.Table.NameOf((uint)t)}: {names}");
        }
        return parts.Count == 0 ? "none" : string.Join("; ", parts);
    }
}
