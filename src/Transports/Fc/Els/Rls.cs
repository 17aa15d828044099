using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>RLS (0x0F), Read Link error Status: request 8 bytes (port ID @5), accept 28 bytes (LESB @4).</summary>
public sealed class Rls : IElsCommand<FcId, Lesb>
{
    private Rls() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<FcId, Lesb>.RequestCapacity(FcId _) => RequestLength;
    static int IElsCommand<FcId, Lesb>.ResponseCapacity(FcId _) => AcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rls;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 8;
    /// <summary>Length of the accept in bytes, LS_ACC word included.</summary>
    public const int AcceptLength = 4 + Lesb.Length;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, FcId port)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        port.Write(payload[5..]);
        return RequestLength;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FcId ParseRequest(ReadOnlySpan<byte> payload) =>
        ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName).FcId(5, "port ID");

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, Lesb lesb)
    {
        ElsWrite.Begin(payload, AcceptLength, ElsCommands.LsAcc, AcceptName);
        lesb.Write(payload[4..]);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static Lesb ParseAccept(ReadOnlySpan<byte> payload) =>
        Lesb.Read(ElsReply.ExpectAccept(payload, AcceptName), 4);
}
