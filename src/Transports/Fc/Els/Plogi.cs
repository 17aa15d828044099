using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>PLOGI (0x03): N_Port login. Request and LS_ACC both carry the 116-byte <see cref="ServiceParameters"/>.</summary>
public sealed class Plogi : IElsCommand<ServiceParameters, ServiceParameters>
{
    private Plogi() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    static int IElsCommand<ServiceParameters, ServiceParameters>.RequestCapacity(ServiceParameters _) => ServiceParameters.LoginPayloadLength;
    static int IElsCommand<ServiceParameters, ServiceParameters>.ResponseCapacity(ServiceParameters _) => ServiceParameters.MaxLoginAcceptLength;

    public const byte Code = ElsCommands.Plogi;

    public static int BuildRequest(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildRequest(payload, Code, parameters, "PLOGI request");

    public static ServiceParameters ParseRequest(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseRequest(payload, Code, "PLOGI request");

    public static int BuildAccept(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildAccept(payload, parameters, "PLOGI accept");

    public static ServiceParameters ParseAccept(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseAccept(payload, "PLOGI accept");
}
