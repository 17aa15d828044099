namespace BsgKit.Fc.Wire;

/// <summary>
/// A reply (or request) whose bytes do not form the message they claim to be: too short, truncated in the
/// middle of an entry, a length field that points outside the buffer. Always names the message and offset.
/// </summary>
public class FcWireFormatException : FormatException
{
    /// <summary>The wire message being decoded ("GPN_FT accept", "RDP ACC" …).</summary>
    public string WireMessage { get; }
    /// <summary>Byte offset in the payload where decoding failed.</summary>
    public int Offset { get; }

    /// <summary>An error about <paramref name="message"/> (the wire message's name) at <paramref name="offset"/>; <paramref name="detail"/> says what was wrong.</summary>
    /// <param name="message">The wire message being decoded, kept in <see cref="WireMessage"/>.</param>
    /// <param name="offset">Byte offset where decoding failed.</param>
    /// <param name="detail">What was wrong, e.g. which field needed how many bytes.</param>
    public FcWireFormatException(string message, int offset, string detail)
        : base($"{message}: {detail} (at byte offset {offset})")
    {
        WireMessage = message;
        Offset = offset;
    }
}
