using System.Buffers.Binary;

namespace BsgKit.Fuzz;

/// <summary>
/// Seeded, reproducible mutations of a seed: bit flips, random and boundary bytes, boundary 16/32-bit values
/// (the length and count fields parsers trust), truncation, extension, deletion, duplication, splicing with
/// another seed, and now and then pure noise. The same seed and index give the same input.
/// </summary>
public sealed class Mutator(int seed)
{
    private static readonly uint[] Boundaries = [0, 1, 2, 3, 4, 7, 8, 0x7F, 0x80, 0xFF, 0x100, 0xFFFF, 0x10000, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFE, 0xFFFFFFFF];
    private readonly Random _random = new(seed);

    public Random Random => _random;

    public byte[] Mutate(ReadOnlySpan<byte> input, IReadOnlyList<byte[]> others)
    {
        var r = _random;
        if (r.Next(50) == 0)
        {
            var noise = new byte[r.Next(Math.Max(8, input.Length * 2))];
            r.NextBytes(noise);
            return noise;
        }
        var data = new List<byte>(input.Length + 64);
        foreach (var b in input) data.Add(b);
        var steps = 1 + r.Next(r.Next(4) == 0 ? 16 : 4);
        for (var s = 0; s < steps; s++)
        {
            var at = data.Count == 0 ? 0 : r.Next(data.Count);
            switch (r.Next(11))
            {
                case 0 when data.Count > 0: data[at] ^= (byte)(1 << r.Next(8)); break;
                case 1 when data.Count > 0: data[at] = (byte)r.Next(256); break;
                case 2 when data.Count > 0: data[at] = (byte)Boundaries[r.Next(Boundaries.Length)]; break;
                case 3 when data.Count >= 2: Put(data, r.Next(data.Count - 1), 2, Boundaries[r.Next(Boundaries.Length)]); break;
                case 4 when data.Count >= 4: Put(data, r.Next(data.Count - 3), 4, Boundaries[r.Next(Boundaries.Length)]); break;
                case 5: data.RemoveRange(at, data.Count - at); break; // truncate
                case 6:
                    for (var i = r.Next(1, 64); i > 0; i--) data.Add((byte)r.Next(256));
                    break;
                case 7 when data.Count > 0: data.RemoveRange(at, Math.Min(data.Count - at, 1 + r.Next(16))); break;
                case 8 when data.Count > 0:
                {
                    var len = Math.Min(data.Count - at, 1 + r.Next(32));
                    data.InsertRange(r.Next(data.Count + 1), data.GetRange(at, len));
                    break;
                }
                case 9 when others.Count > 0:
                {
                    var other = others[r.Next(others.Count)];
                    if (other.Length == 0) break;
                    var from = r.Next(other.Length);
                    data.RemoveRange(at, data.Count - at);
                    for (var i = from; i < other.Length; i++) data.Add(other[i]);
                    break;
                }
                case 10 when data.Count >= 4: Put(data, r.Next(data.Count - 3), 4, (uint)(data.Count + r.Next(-8, 9))); break; // a length that almost fits
            }
        }
        return [.. data];
    }

    private void Put(List<byte> data, int at, int size, uint value)
    {
        Span<byte> b = stackalloc byte[4];
        if (_random.Next(2) == 0) BinaryPrimitives.WriteUInt32BigEndian(b, size == 2 ? value << 16 : value);
        else BinaryPrimitives.WriteUInt32LittleEndian(b, value);
        for (var i = 0; i < size; i++) data[at + i] = b[i];
    }
}
