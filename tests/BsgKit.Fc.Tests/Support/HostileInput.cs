using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests;

/// <summary>
/// Feeds a parser (CT or ELS) every truncation prefix of a valid message, byte-flipped and cut copies, and seeded
/// random arrays. Each must decode or throw <see cref="FcWireFormatException"/> — which includes both families'
/// rejects (<see cref="FcRejectReplyException"/>) — never IndexOutOfRange, Argument, Overflow or OOM.
/// </summary>
public static class HostileInput
{
    /// <summary>Runs the valid message, its prefixes and <paramref name="randomCount"/> seeded variations through <paramref name="parse"/>.</summary>
    public static void AssertOnlyWireErrors(byte[] valid, Action<byte[]> parse, int seed = 1234, int randomCount = 300, string name = "parser")
    {
        parse(valid); // the valid message itself must decode

        for (var n = 0; n < valid.Length; n++)
            Check(name, valid[..n], parse, $"prefix of {n} bytes");

        var rng = new Random(seed);
        for (var i = 0; i < randomCount; i++)
        {
            var input = Variation(valid, rng, i);
            Check(name, input, parse, $"random input #{i} ({input.Length} bytes)");
        }
    }

    private static byte[] Variation(byte[] valid, Random rng, int i)
    {
        byte[] input;
        switch (i % 5)
        {
            case 0: // a plausible header (CT: 16 bytes) kept so the parser gets past its first checks, the rest corrupted
                input = (byte[])valid.Clone();
                for (var f = 1 + rng.Next(8); f > 0 && input.Length > 0; f--)
                {
                    var at = input.Length > 16 && rng.Next(4) != 0 ? 16 + rng.Next(input.Length - 16) : rng.Next(input.Length);
                    input[at] = (byte)rng.Next(256);
                }
                if (rng.Next(3) == 0) input = input[..rng.Next(input.Length + 1)];
                return input;
            case 1: // pure noise, sometimes behind the valid CT preamble (revision … command/response code)
                input = new byte[rng.Next(valid.Length + 64)];
                rng.NextBytes(input);
                if (input.Length >= 10 && valid.Length >= 10 && rng.Next(2) == 0) valid.AsSpan(0, 10).CopyTo(input);
                return input;
            case 2: // noise behind the right first byte (the ELS command / LS_ACC code)
                input = new byte[rng.Next(1, valid.Length * 2 + 8)];
                rng.NextBytes(input);
                if (valid.Length > 0) input[0] = valid[0];
                return input;
            case 3: // the valid message with a few bytes after byte 0 flipped (length and count fields included)
                input = (byte[])valid.Clone();
                for (var k = rng.Next(1, 5); k > 0 && input.Length > 1; k--)
                    input[rng.Next(1, input.Length)] = (byte)rng.Next(256);
                return input;
            default: // the valid message with noise appended, or cut at a random point
                input = new byte[rng.Next(0, valid.Length + 32)];
                rng.NextBytes(input);
                valid.AsSpan(0, Math.Min(valid.Length, input.Length)).CopyTo(input);
                return input;
        }
    }

    private static void Check(string name, byte[] input, Action<byte[]> parse, string what)
    {
        try
        {
            parse(input);
        }
        catch (FcWireFormatException)
        {
        }
        catch (Exception e)
        {
            Assert.Fail($"{name}, {what}: {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(input)}");
        }
    }
}
