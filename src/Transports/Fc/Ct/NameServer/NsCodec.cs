using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>
/// Request/accept shapes shared by many name-server commands. The "port ID object" is 4 bytes:
/// flags/reserved @0, port ID @1 (3).
/// </summary>
internal static class NsCodec
{
    public const int PortIdRequestLength = P + 4;
    public const int NameRequestLength = P + 8;
    public const int EmptyAcceptLength = P;

    public static int BuildPortIdRequest(Span<byte> ctIu, ushort command, FcId port, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, command, maxResponseBytes, PortIdRequestLength, message);
        port.Write(ctIu[(P + 1)..]);
        return PortIdRequestLength;
    }

    public static FcId ParsePortIdRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) =>
        OpenRequest(ctIu, command, message).FcId(P + 1, "port ID object");

    public static int BuildNameRequest(Span<byte> ctIu, ushort command, Wwn name, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.NameServer, command, maxResponseBytes, NameRequestLength, message);
        name.Write(ctIu[P..]);
        return NameRequestLength;
    }

    public static Wwn ParseNameRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) =>
        OpenRequest(ctIu, command, message).Wwn(P, "name");

    public static int BuildWwnAccept(Span<byte> ctIu, Wwn wwn, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, P + 8, message);
        wwn.Write(ctIu[P..]);
        return P + 8;
    }

    public static Wwn ParseWwnAccept(ReadOnlySpan<byte> ctIu, string message) => OpenAccept(ctIu, message).Wwn(P);

    /// <summary>Registrations and DA_ID are accepted with a bare header.</summary>
    public static int BuildEmptyAccept(Span<byte> ctIu, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.NameServer, EmptyAcceptLength, message);
        return EmptyAcceptLength;
    }

    public static CtIuHeader ParseEmptyAccept(ReadOnlySpan<byte> ctIu, string message)
    {
        OpenAccept(ctIu, message);
        return CtIuHeader.Read(ctIu, message);
    }

    /// <summary>Accept payload: name length @0, name @1 (not NUL-terminated), padded to a word.</summary>
    public static int BuildSymbolicNameAccept(Span<byte> ctIu, string name, string message)
    {
        var bytes = EncodeText(name, MaxTextBytes, "symbolic name");
        var length = PadToWord(P + 1 + bytes.Length);
        WriteAcceptHeader(ctIu, CtServer.NameServer, length, message);
        ctIu[P] = (byte)bytes.Length;
        bytes.CopyTo(ctIu[(P + 1)..]);
        return length;
    }

    public static string ParseSymbolicNameAccept(ReadOnlySpan<byte> ctIu, string message)
    {
        var r = OpenAccept(ctIu, message);
        var length = r.U8(P, "name length");
        return DecodeText(r.Bytes(P + 1, length, "symbolic name"));
    }
}
