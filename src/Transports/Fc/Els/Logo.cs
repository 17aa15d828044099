using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>LOGO request: the N_Port ID and WWPN of the port logging out.</summary>
public sealed record LogoRequest(FcId NPortId, Wwn Wwpn);

/// <summary>LOGO (0x05): 16-byte request, plain LS_ACC.</summary>
public sealed class Logo : IElsCommand<LogoRequest, bool>
{
    private Logo() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<LogoRequest, bool>.RequestCapacity(LogoRequest _) => RequestLength;
    static int IElsCommand<LogoRequest, bool>.ResponseCapacity(LogoRequest _) => ElsReply.AcceptHeaderLength;
    static bool IFcAcceptParser<bool>.ParseAccept(ReadOnlySpan<byte> payload)
    {
        ParseAccept(payload);
        return true;
    }

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Logo;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 16;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, LogoRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        request.NPortId.Write(payload[5..]);
        request.Wwpn.Write(payload[8..]);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static LogoRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        return new LogoRequest(reader.FcId(5, "N_Port ID"), reader.Wwn(8, "WWPN"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);

    /// <summary>Checks a bare accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>.</summary>
    public static void ParseAccept(ReadOnlySpan<byte> payload) => ElsReply.ParseAccept(payload, AcceptName);
}
