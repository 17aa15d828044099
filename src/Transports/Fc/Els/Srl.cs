using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>SRL request: flag (0 all FL_Ports, 1 one loop, 2/3 enable/disable periodic scanning) and a 24-bit parameter.</summary>
public sealed record SrlRequest(byte Flag, uint FlagParameter)
{
    /// <summary>The name of the flag, from the code tables ("unknown (0x..)" when not in them).</summary>
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
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<SrlRequest, bool>.RequestCapacity(SrlRequest _) => RequestLength;
    static int IElsCommand<SrlRequest, bool>.ResponseCapacity(SrlRequest _) => ElsReply.AcceptHeaderLength;
    static bool IFcAcceptParser<bool>.ParseAccept(ReadOnlySpan<byte> payload)
    {
        ParseAccept(payload);
        return true;
    }

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Srl;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 8;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, SrlRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        payload[4] = request.Flag;
        ElsWrite.U24(payload[5..], request.FlagParameter);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static SrlRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        return new SrlRequest(reader.U8(4, "flag"), reader.U24(5, "flag parameter"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);

    /// <summary>Checks a bare accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>.</summary>
    public static void ParseAccept(ReadOnlySpan<byte> payload) => ElsReply.ParseAccept(payload, AcceptName);
}
