using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>ECHO (0x10): a 4-byte command word followed by up to 2108 data bytes, echoed back in the LS_ACC.</summary>
public sealed class Echo : IElsCommand<ReadOnlyMemory<byte>, byte[]>
{
    private Echo() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<ReadOnlyMemory<byte>, byte[]>.RequestCapacity(ReadOnlyMemory<byte> argument) => HeaderLength + argument.Length;
    static int IElsCommand<ReadOnlyMemory<byte>, byte[]>.ResponseCapacity(ReadOnlyMemory<byte> argument) => HeaderLength + argument.Length;
    static int IElsCommand<ReadOnlyMemory<byte>, byte[]>.BuildRequest(Span<byte> payload, ReadOnlyMemory<byte> argument) => BuildRequest(payload, argument.Span);

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Echo;
    /// <summary>Length of the command word that precedes the data, in bytes.</summary>
    public const int HeaderLength = 4;
    /// <summary>The FC maximum payload (2112) minus the command word.</summary>
    public const int MaxDataLength = 2108;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, ReadOnlySpan<byte> data) => Build(payload, Code, data, RequestName);

    /// <summary>Returns the data carried after the command word.</summary>
    public static byte[] ParseRequest(ReadOnlySpan<byte> payload) =>
        ElsWrite.ExpectRequest(payload, Code, HeaderLength, RequestName).Span[HeaderLength..].ToArray();

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, ReadOnlySpan<byte> data) => Build(payload, ElsCommands.LsAcc, data, AcceptName);

    /// <summary>Returns the echoed data; compare it with what was sent.</summary>
    public static byte[] ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        reader.Require(0, HeaderLength, "LS_ACC word");
        return reader.Span[HeaderLength..].ToArray();
    }

    private static int Build(Span<byte> payload, byte code, ReadOnlySpan<byte> data, string what)
    {
        if (data.Length > MaxDataLength)
            throw new ArgumentException($"{what}: {data.Length} data bytes exceed the FC maximum of {MaxDataLength}", nameof(data));
        var length = ElsWrite.Begin(payload, HeaderLength + data.Length, code, what);
        data.CopyTo(payload[HeaderLength..]);
        return length;
    }
}
