using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>FLOGI (0x04): Fabric login. Request and LS_ACC both carry the 116-byte <see cref="ServiceParameters"/>.</summary>
public sealed class Flogi : IElsCommand<ServiceParameters, ServiceParameters>
{
    private Flogi() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<ServiceParameters, ServiceParameters>.RequestCapacity(ServiceParameters _) => ServiceParameters.LoginPayloadLength;
    static int IElsCommand<ServiceParameters, ServiceParameters>.ResponseCapacity(ServiceParameters _) => ServiceParameters.MaxLoginAcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Flogi;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildRequest(payload, Code, parameters, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static ServiceParameters ParseRequest(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseRequest(payload, Code, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildAccept(payload, parameters, AcceptName);

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static ServiceParameters ParseAccept(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseAccept(payload, AcceptName);
}
