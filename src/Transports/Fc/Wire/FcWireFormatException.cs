namespace BsgKit.Fc.Wire;

/// <summary>
/// A reply (or request) whose bytes do not form the message they claim to be: too short, truncated in the
/// middle of an entry, a length field that points outside the buffer. Always names the message and offset.
/// </summary>
public class FcWireFormatException : FormatException
{
    /// <summary>The wire message being decoded ("GPN_FT accept", "RDP ACC" …).</summary>
    public string WireMessage { get; }
    public int Offset { get; }

    public FcWireFormatException(string message, int offset, string detail)
        : base($"{message}: {detail} (at byte offset {offset})")
    {
        WireMessage = message;
        Offset = offset;
    }
}
