using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>An LS_RJT (8 bytes): reason @5, explanation @6, vendor unique @7.</summary>
public sealed record LsRjt(byte Reason, byte Explanation, byte VendorUnique = 0)
{
    /// <summary>The ELS command code @0 (0x01, LS_RJT).</summary>
    public const byte Code = ElsCommands.LsRjt;
    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 8;

    /// <summary>The name of the reason, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ReasonName => LsRjtReasons.Table.NameOf(Reason);
    /// <summary>The name of the explanation, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ExplanationName => LsRjtExplanations.Table.NameOf(Explanation);

    /// <summary>Writes the 8-byte LS_RJT (what the simulated responder sends) and returns its length.</summary>
    public static int Build(Span<byte> payload, LsRjt reject)
    {
        ElsWrite.Begin(payload, Length, Code, "LS_RJT");
        payload[5] = reject.Reason;
        payload[6] = reject.Explanation;
        payload[7] = reject.VendorUnique;
        return Length;
    }

    /// <summary>Decodes an LS_RJT; throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is short or byte 0 is not 0x01.</summary>
    public static LsRjt Parse(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, Length, "LS_RJT");
        return new LsRjt(reader.U8(5), reader.U8(6), reader.U8(7));
    }

    /// <summary>From fc_bsg_reply rjt_data (lpfc reports the reject there, not in the payload).</summary>
    public static LsRjt FromBsgRejectData(byte reasonCode, byte reasonExplanation, byte vendorUnique) =>
        new(reasonCode, reasonExplanation, vendorUnique);

    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() =>
        $"reason 0x{Reason:x2} ({ReasonName}), explanation 0x{Explanation:x2} ({ExplanationName}), vendor 0x{VendorUnique:x2}";
}
