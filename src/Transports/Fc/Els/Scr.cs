using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>SCR (0x62): state change registration with the fabric controller (0xFFFFFD). 8-byte request, plain LS_ACC.</summary>
public static class Scr
{
    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Scr;
    /// <summary>The name <see cref="ElsCommands.Table"/> gives the code ("SCR").</summary>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request";
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 8;
    /// <summary>Registration functions (request byte 7).</summary>
    public const byte FabricDetected = 1, NPortDetected = 2, Full = 3, ClearRegistrations = 0xFF;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, byte registrationFunction)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        payload[7] = registrationFunction;
        return RequestLength;
    }

    /// <summary>Returns the registration function.</summary>
    public static byte ParseRequest(ReadOnlySpan<byte> payload) =>
        ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName).U8(7, "registration function");

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload) => ElsReply.BuildAccept(payload);
}
