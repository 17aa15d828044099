using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>FDISC (0x51): Fabric discovery (NPIV virtual port login). Request and LS_ACC both carry the 116-byte <see cref="ServiceParameters"/>.</summary>
public sealed class Fdisc : IElsCommand<ServiceParameters, ServiceParameters>
{
    private Fdisc() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    static int IElsCommand<ServiceParameters, ServiceParameters>.RequestCapacity(ServiceParameters _) => ServiceParameters.LoginPayloadLength;
    static int IElsCommand<ServiceParameters, ServiceParameters>.ResponseCapacity(ServiceParameters _) => ServiceParameters.MaxLoginAcceptLength;

    public const byte Code = ElsCommands.Fdisc;

    public static int BuildRequest(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildRequest(payload, Code, parameters, "FDISC request");

    public static ServiceParameters ParseRequest(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseRequest(payload, Code, "FDISC request");

    public static int BuildAccept(Span<byte> payload, ServiceParameters parameters) =>
        ServiceParameters.BuildAccept(payload, parameters, "FDISC accept");

    public static ServiceParameters ParseAccept(ReadOnlySpan<byte> payload) =>
        ServiceParameters.ParseAccept(payload, "FDISC accept");
}
