using System.Buffers.Binary;
using BsgKit.Fc.Wire;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>
/// Shapes shared by fabric configuration server commands (GS_Type 0xFA, subtype 0x01). Most requests carry
/// one 8-byte name (interconnect element name or port name); many accepts carry one small value.
/// </summary>
internal static class FcsCodec
{
    public const int NameRequestLength = P + 8;

    public static int BuildNameRequest(Span<byte> ctIu, ushort command, Wwn name, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.FabricConfiguration, command, maxResponseBytes, NameRequestLength, message);
        name.Write(ctIu[P..]);
        return NameRequestLength;
    }

    public static Wwn ParseNameRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) =>
        OpenRequest(ctIu, command, message).Wwn(P, "name");

    public static int BuildEmptyRequest(Span<byte> ctIu, ushort command, int maxResponseBytes, string message)
    {
        WriteRequestHeader(ctIu, CtServer.FabricConfiguration, command, maxResponseBytes, P, message);
        return P;
    }

    public static void ParseEmptyRequest(ReadOnlySpan<byte> ctIu, ushort command, string message) => OpenRequest(ctIu, command, message);

    /// <summary>Writes an accept whose payload is one byte at <paramref name="at"/> within <paramref name="payloadLength"/>.</summary>
    public static int BuildByteAccept(Span<byte> ctIu, int payloadLength, int at, byte value, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + payloadLength, message);
        ctIu[P + at] = value;
        return P + payloadLength;
    }

    public static int BuildWordAccept(Span<byte> ctIu, uint value, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 4, message);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], value);
        return P + 4;
    }

    public static int BuildWwnAccept(Span<byte> ctIu, Wwn value, string message)
    {
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, P + 8, message);
        value.Write(ctIu[P..]);
        return P + 8;
    }

    /// <summary>A counted list: count u32 @0, then entries of 12 bytes from @4 (GIEL, GPL, GAPNL).</summary>
    public static int BuildCounted12(Span<byte> ctIu, int count, string message)
    {
        var length = P + 4 + 12 * count;
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, message);
        BinaryPrimitives.WriteUInt32BigEndian(ctIu[P..], (uint)count);
        return length;
    }
}
