using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>RPA, register port attributes: port name @0 (8), port attribute block @8. Bare accept.</summary>
public sealed class Rpa : ICtCommand<(Wwn PortName, IReadOnlyList<FdmiAttribute> Attributes), CtIuHeader>
{
    private Rpa() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => FdmiCodec.MaxRegistrationLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => FdmiCodec.EmptyAcceptLength;
    static int ICtCommand<(Wwn PortName, IReadOnlyList<FdmiAttribute> Attributes), CtIuHeader>.BuildRequest(Span<byte> ctIu, (Wwn PortName, IReadOnlyList<FdmiAttribute> Attributes) argument, int maxResponseBytes) => BuildRequest(ctIu, argument.PortName, argument.Attributes);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Rpa;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn portName, IReadOnlyList<FdmiAttribute> attributes)
    {
        var length = P + 8 + FdmiCodec.BlockLength(attributes);
        WriteRequestHeader(ctIu, CtServer.Fdmi, Command, P, length, RequestName);
        portName.Write(ctIu[P..]);
        FdmiCodec.WriteBlock(ctIu[(P + 8)..], attributes);
        return length;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static (Wwn PortName, IReadOnlyList<FdmiAttribute> Attributes) ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        return (r.Wwn(P, "port name"), FdmiCodec.ReadBlock(r, P + 8, FdmiAttributeScope.Port).Attributes);
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
