using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Els;

/// <summary>
/// Feeds a parser every truncation prefix of a valid message and seeded random / mutated byte arrays. The only
/// acceptable outcomes are a result, <see cref="FcWireFormatException"/> or <see cref="ElsRejectedException"/>.
/// </summary>
internal static class HostileInput
{
    public static void AssertOnlyTypedFailures(string name, byte[] valid, Action<byte[]> parse, int seed = 20240601, int randomCount = 300)
    {
        parse(valid); // the untouched message must decode

        for (var n = 0; n < valid.Length; n++)
            Run(name, valid[..n], parse);

        var random = new Random(seed);
        for (var i = 0; i < randomCount; i++)
        {
            byte[] data;
            switch (i % 4)
            {
                case 0: // pure noise
                    data = new byte[random.Next(0, valid.Length * 2 + 8)];
                    random.NextBytes(data);
                    break;
                case 1: // noise behind the right first byte, so the parser gets past the code check
                    data = new byte[random.Next(1, valid.Length * 2 + 8)];
                    random.NextBytes(data);
                    data[0] = valid[0];
                    break;
                case 2: // the valid message with a few bytes flipped (length fields included)
                    data = (byte[])valid.Clone();
                    for (var k = random.Next(1, 5); k > 0 && data.Length > 1; k--)
                        data[random.Next(1, data.Length)] = (byte)random.Next(256);
                    break;
                default: // the valid message with noise appended or cut at a random point
                    data = new byte[random.Next(0, valid.Length + 32)];
                    random.NextBytes(data);
                    valid.AsSpan(0, Math.Min(valid.Length, data.Length)).CopyTo(data);
                    break;
            }
            Run(name, data, parse);
        }
    }

    private static void Run(string name, byte[] data, Action<byte[]> parse)
    {
        try
        {
            parse(data);
        }
        catch (FcWireFormatException)
        {
        }
        catch (ElsRejectedException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{name}: {e.GetType().Name} for {data.Length} bytes {Convert.ToHexString(data)}: {e.Message}");
        }
    }
}
