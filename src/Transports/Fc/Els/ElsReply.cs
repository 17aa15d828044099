using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>What byte 0 of an ELS response says it is.</summary>
public enum ElsReplyKind
{
    /// <summary>0x02 LS_ACC.</summary>
    Accept,
    /// <summary>0x01 LS_RJT.</summary>
    Reject,
    /// <summary>Empty, or byte 0 is neither LS_ACC nor LS_RJT (e.g. a zeroed buffer from an IOERR completion).</summary>
    NotAnElsReply,
}

/// <summary>
/// Classifies ELS responses and holds the checks every accept parser starts with.
/// Reject policy (used by every <c>ParseAccept</c>): an LS_RJT throws <see cref="ElsRejectedException"/>;
/// anything that is not a well-formed LS_ACC throws <see cref="FcWireFormatException"/>.
/// </summary>
public static class ElsReply
{
    /// <summary>Bytes of the LS_ACC word every accept starts with: command code 0x02 @0, then 3 reserved bytes.</summary>
    public const int AcceptHeaderLength = 4;

    /// <summary>Reads byte 0 of an ELS response: LS_ACC, LS_RJT, or neither (also for an empty payload).</summary>
    public static ElsReplyKind Classify(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty) return ElsReplyKind.NotAnElsReply;
        return payload[0] switch
        {
            ElsCommands.LsAcc => ElsReplyKind.Accept,
            ElsCommands.LsRjt => ElsReplyKind.Reject,
            _ => ElsReplyKind.NotAnElsReply,
        };
    }

    /// <summary>Returns a reader over an LS_ACC; throws the typed reject or a wire-format error otherwise.</summary>
    public static WireReader ExpectAccept(ReadOnlySpan<byte> payload, string messageName)
    {
        var reader = new WireReader(payload, messageName);
        switch (Classify(payload))
        {
            case ElsReplyKind.Accept:
                return reader;
            case ElsReplyKind.Reject:
                throw new ElsRejectedException(messageName, LsRjt.Parse(payload));
            default:
                if (payload.IsEmpty) throw reader.Error(0, "empty response, no ELS reply");
                throw reader.Error(0, $"byte 0 is 0x{payload[0]:x2} ({ElsCommands.Table.NameOf(payload[0])}), neither LS_ACC nor LS_RJT");
        }
    }

    /// <summary>Writes the 4-byte LS_ACC word used alone by LOGO, LIRR, SRL … and as the header of every accept.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsWrite.Begin(payload, AcceptHeaderLength, ElsCommands.LsAcc, "LS_ACC");

    /// <summary>Checks an accept that carries nothing after the LS_ACC word.</summary>
    public static void ParseAccept(ReadOnlySpan<byte> payload, string messageName) =>
        ExpectAccept(payload, messageName).Require(0, AcceptHeaderLength, "LS_ACC word");
}
