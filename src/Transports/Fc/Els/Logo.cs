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
    static int IElsCommand<LogoRequest, bool>.RequestCapacity(LogoRequest _) => RequestLength;
    static int IElsCommand<LogoRequest, bool>.ResponseCapacity(LogoRequest _) => ElsReply.AcceptHeaderLength;
    static bool IFcAcceptParser<bool>.ParseAccept(ReadOnlySpan<byte> payload)
    {
        ParseAccept(payload);
        return true;
    }

    public const byte Code = ElsCommands.Logo;
    public const int RequestLength = 16;

    public static int BuildRequest(Span<byte> payload, LogoRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, "LOGO request");
        request.NPortId.Write(payload[5..]);
        request.Wwpn.Write(payload[8..]);
        return RequestLength;
    }

    public static LogoRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, "LOGO request");
        return new LogoRequest(reader.FcId(5, "N_Port ID"), reader.Wwn(8, "WWPN"));
    }

    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);

    public static void ParseAccept(ReadOnlySpan<byte> payload) => ElsReply.ParseAccept(payload, "LOGO accept");
}
