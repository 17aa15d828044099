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
    static int IElsCommand<ServiceParameters, ServiceParameters>.RequestCapacity(ServiceParameters _) => ServiceParameters.LoginPayloadLength;
    static int IElsCommand<ServiceParameters, ServiceParameters>.ResponseCapacity(ServiceParameters _) => ServiceParameters.MaxLoginAcceptLength;

    public const byte Code = ElsCommands.Flogi;

    public static int BuildRequest(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildRequest(payload, Code, parameters, "FLOGI request");

    public static ServiceParameters ParseRequest(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseRequest(payload, Code, "FLOGI request");

    public static int BuildAccept(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildAccept(payload, parameters, "FLOGI accept");

    public static ServiceParameters ParseAccept(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseAccept(payload, "FLOGI accept");
}
