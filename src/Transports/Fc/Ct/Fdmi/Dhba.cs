using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>DHBA, deregister HBA: identifier @0 (8). Bare accept.</summary>
public static class Dhba
{
    public const ushort Command = GsFdmiCodes.Dhba;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    private const string RequestName = "DHBA request", AcceptName = "DHBA accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, CtIuHeader.Size, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
