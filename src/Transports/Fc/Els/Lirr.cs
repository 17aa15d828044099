using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>LIRR request: registration function (1 set conditional, 2 set unconditional, 0xFF clear) and RLIR format.</summary>
public sealed record LirrRequest(byte RegistrationFunction, byte Format)
{
    /// <summary>The name of the registration function, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string RegistrationFunctionName => ElsFieldValues.LirrRegistrationFunctions.NameOf(RegistrationFunction);
}

/// <summary>LIRR (0x7A), Link Incident Record Registration: 8-byte request, plain LS_ACC.</summary>
public sealed class Lirr : IElsCommand<LirrRequest, bool>
{
    private Lirr() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<LirrRequest, bool>.RequestCapacity(LirrRequest _) => RequestLength;
    static int IElsCommand<LirrRequest, bool>.ResponseCapacity(LirrRequest _) => ElsReply.AcceptHeaderLength;
    static bool IFcAcceptParser<bool>.ParseAccept(ReadOnlySpan<byte> payload)
    {
        ParseAccept(payload);
        return true;
    }

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Lirr;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 8;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, LirrRequest request)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        payload[4] = request.RegistrationFunction;
        payload[5] = request.Format;
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static LirrRequest ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        return new LirrRequest(reader.U8(4, "registration function"), reader.U8(5, "format"));
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);

    /// <summary>Checks a bare accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>.</summary>
    public static void ParseAccept(ReadOnlySpan<byte> payload) => ElsReply.ParseAccept(payload, AcceptName);
}
