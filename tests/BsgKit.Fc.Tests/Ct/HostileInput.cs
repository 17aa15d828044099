using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Tests.Ct;

/// <summary>
/// Feeds a parser every truncation prefix of a valid message, byte-flipped copies and seeded random arrays.
/// Each must decode or throw FcWireFormatException — never IndexOutOfRange, Argument, Overflow or OOM.
/// </summary>
public static class HostileInput
{
    public static void AssertOnlyWireErrors(byte[] valid, Action<byte[]> parse, int seed = 1234, int randomCount = 300)
    {
        parse(valid); // the valid message itself must decode

        for (var n = 0; n < valid.Length; n++)
            Check(valid[..n], parse, $"prefix of {n} bytes");

        var rng = new Random(seed);
        for (var i = 0; i < randomCount; i++)
        {
            byte[] input;
            if (i % 2 == 0)
            {
                // Keep a plausible header so the parser gets past its first checks, then corrupt the rest.
                input = (byte[])valid.Clone();
                var flips = 1 + rng.Next(8);
                for (var f = 0; f < flips && input.Length > 0; f++)
                {
                    var at = input.Length > 16 && rng.Next(4) != 0 ? 16 + rng.Next(input.Length - 16) : rng.Next(input.Length);
                    input[at] = (byte)rng.Next(256);
                }
                if (rng.Next(3) == 0) input = input[..rng.Next(input.Length + 1)];
            }
            else
            {
                input = new byte[rng.Next(valid.Length + 64)];
                rng.NextBytes(input);
                if (input.Length >= 10 && valid.Length >= 10 && rng.Next(2) == 0)
                    valid.AsSpan(0, 10).CopyTo(input); // accept/request header, random payload
            }
            Check(input, parse, $"random input #{i} ({input.Length} bytes)");
        }
    }

    private static void Check(byte[] input, Action<byte[]> parse, string what)
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
            Assert.Fail($"{what}: {e.GetType().Name}: {e.Message}\ninput: {Convert.ToHexString(input)}");
        }
    }
}
