using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;

namespace BsgKit.Simulator.Fabric;

/// <summary>One CT request as a fabric service sees it.</summary>
internal readonly ref struct CtRequest
{
    public CtRequest(ReadOnlySpan<byte> iu, CtIuHeader header, FcId sourceId, SimNPort? source)
    {
        Iu = iu;
        Header = header;
        SourceId = sourceId;
        Source = source;
    }

    /// <summary>The whole CT_IU, header included.</summary>
    public ReadOnlySpan<byte> Iu { get; }
    public CtIuHeader Header { get; }
    public FcId SourceId { get; }
    /// <summary>The requesting N_Port, or null when the source is not logged in (then nothing is zoned away).</summary>
    public SimNPort? Source { get; }
    public ushort Command => Header.CommandResponse;

    /// <summary>The most response bytes (header included) the requester accepts: ct_mr_size, where 0 means
    /// "no limit" and the CT maximum (0xFFFF words) applies.</summary>
    public int MaxResponseBytes => Header.MaxOrResidualWords == 0
        ? CtIuHeader.MaxResponseBytes
        : CtIuHeader.ResponseBytesFor(Header.MaxOrResidualWords);
}

/// <summary>A fabric service reached by GS_Type/GS_Subtype: builds the whole response CT_IU with the shared codecs.</summary>
internal interface ICtService
{
    CtServer Server { get; }

    /// <summary>The shared command table used to name requests (fault matching, logs).</summary>
    CodeTable Commands { get; }

    /// <summary>Writes the response (accept or reject) into <paramref name="response"/> and returns its length.</summary>
    int Handle(scoped in CtRequest request, Span<byte> response);
}

/// <summary>Helpers every service uses for its answers.</summary>
internal static class CtAnswers
{
    public static int Reject(Span<byte> response, CtServer server, byte reason, byte explanation) =>
        CtIu.BuildReject(response, server, reason, explanation);

    public static int Unable(Span<byte> response, CtServer server, byte explanation) =>
        CtIu.BuildReject(response, server, CtRejectReasons.UnableToPerform, explanation);

    public static int NotSupported(Span<byte> response, CtServer server) =>
        CtIu.BuildReject(response, server, CtRejectReasons.CommandNotSupported, CtReasonExplanations.NoAdditionalExplanation);

    /// <summary>
    /// Applies ct_mr_size to an accept that carries no entry list of its own: the bytes beyond the requester's
    /// maximum are cut and counted (in words) as the residual, as switches do.
    /// </summary>
    public static int FitToMaxSize(Span<byte> response, int length, int maxResponseBytes)
    {
        if (length <= maxResponseBytes || length <= CtIuHeader.Size) return length;
        var header = CtIuHeader.Read(response);
        if (!header.IsAccept) return length;
        var residualWords = Math.Min(0xFFFF, (length - maxResponseBytes + 3) / 4);
        (header with { MaxOrResidualWords = (ushort)residualWords }).Write(response);
        return maxResponseBytes;
    }
}
