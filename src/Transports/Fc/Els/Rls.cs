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
    static int IElsCommand<FcId, Lesb>.RequestCapacity(FcId _) => RequestLength;
    static int IElsCommand<FcId, Lesb>.ResponseCapacity(FcId _) => AcceptLength;

    public const byte Code = ElsCommands.Rls;
    public const int RequestLength = 8;
    public const int AcceptLength = 4 + Lesb.Length;

    public static int BuildRequest(Span<byte> payload, FcId port)
    {
        ElsWrite.Begin(payload, RequestLength, Code, "RLS request");
        port.Write(payload[5..]);
        return RequestLength;
    }

    public static FcId ParseRequest(ReadOnlySpan<byte> payload) =>
        ElsWrite.ExpectRequest(payload, Code, RequestLength, "RLS request").FcId(5, "port ID");

    public static int BuildAccept(Span<byte> payload, Lesb lesb)
    {
        ElsWrite.Begin(payload, AcceptLength, ElsCommands.LsAcc, "RLS accept");
        lesb.Write(payload[4..]);
        return AcceptLength;
    }

    public static Lesb ParseAccept(ReadOnlySpan<byte> payload) =>
        Lesb.Read(ElsReply.ExpectAccept(payload, "RLS accept"), 4);
}
