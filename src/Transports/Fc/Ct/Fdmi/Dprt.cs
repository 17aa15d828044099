using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>DPRT, deregister port: identifier @0 (8). Bare accept.</summary>
public static class Dprt
{
    public const ushort Command = GsFdmiCodes.Dprt;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    private const string RequestName = "DPRT request", AcceptName = "DPRT accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn portName) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, portName, CtIuHeader.Size, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
