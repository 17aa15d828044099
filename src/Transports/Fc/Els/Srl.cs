using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>SRL request: flag (0 all FL_Ports, 1 one loop, 2/3 enable/disable periodic scanning) and a 24-bit parameter.</summary>
public sealed record SrlRequest(byte Flag, uint FlagParameter)
{
    public string FlagName => ElsFieldValues.SrlFlags.NameOf(Flag);
}

/// <summary>SRL (0x7B), Scan Remote Loop: 8-byte request, plain LS_ACC.</summary>
public sealed class Srl : IElsCommand<SrlRequest, bool>
{
    private Srl() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    static int IElsCommand<SrlRequest, bool>.RequestCapacity(SrlRequest _) => RequestLength;
    static int IElsCommand<SrlRequest, bool>.ResponseCapacity(SrlRequest _) => ElsReply.AcceptHeaderLength;
    static bool IFcAcceptParser<bool>.ParseAccept(ReadOnlySpan<byte> payload)
    {
        ParseAccept(payload);
        return true;
    }

    public const byte Code = ElsCommands.Srl;
    public const int RequestLength = 8;

    public static int BuildRequest(Span<byte> payload, SrlRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, "SRL request");
        payload[4] = request.Flag;
        ElsWrite.U24(payload[5..], request.FlagParameter);
        return RequestLength;
    }

    public static SrlRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, "SRL request");
        return new SrlRequest(reader.U8(4, "flag"), reader.U24(5, "flag parameter"));
    }

    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);

    public static void ParseAccept(ReadOnlySpan<byte> payload) => ElsReply.ParseAccept(payload, "SRL accept");
}
