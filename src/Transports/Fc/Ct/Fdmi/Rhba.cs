using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>An RHBA request: HBA identifier, its ports, its HBA attributes.</summary>
public sealed record FdmiHbaRegistration(Wwn HbaIdentifier, IReadOnlyList<Wwn> Ports, IReadOnlyList<FdmiAttribute> Attributes)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);
}

/// <summary>RHBA, register HBA: HBA identifier @0 (8), registered port list @8, HBA attribute block. Bare accept.</summary>
public sealed class Rhba : ICtCommand<FdmiHbaRegistration, CtIuHeader>
{
    private Rhba() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => FdmiCodec.MaxRegistrationLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => FdmiCodec.EmptyAcceptLength;
    static int ICtCommand<FdmiHbaRegistration, CtIuHeader>.BuildRequest(Span<byte> ctIu, FdmiHbaRegistration argument, int maxResponseBytes) => BuildRequest(ctIu, argument);

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Rhba;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FdmiHbaRegistration hba)
    {
        var length = P + 8 + FdmiCodec.PortListLength(hba.Ports) + FdmiCodec.BlockLength(hba.Attributes);
        WriteRequestHeader(ctIu, CtServer.Fdmi, Command, P, length, RequestName);
        hba.HbaIdentifier.Write(ctIu[P..]);
        var at = P + 8 + FdmiCodec.WritePortList(ctIu[(P + 8)..], hba.Ports);
        FdmiCodec.WriteBlock(ctIu[at..], hba.Attributes);
        return length;
    }

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FdmiHbaRegistration ParseRequest(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenRequest(ctIu, Command, RequestName);
        var id = r.Wwn(P, "HBA identifier");
        var (ports, end) = FdmiCodec.ReadPortList(r, P + 8, "port");
        var (attributes, _) = FdmiCodec.ReadBlock(r, end, FdmiAttributeScope.Hba);
        return new FdmiHbaRegistration(id, ports, attributes);
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu) => FdmiCodec.BuildEmptyAccept(ctIu, AcceptName);

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static CtIuHeader ParseAccept(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseEmptyAccept(ctIu, AcceptName);
}
