using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>What GHAT returns: the HBA's registered ports and its HBA attribute block.</summary>
public sealed record FdmiHbaAttributes(IReadOnlyList<Wwn> Ports, IReadOnlyList<FdmiAttribute> Attributes)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);
}

/// <summary>
/// GHAT, get HBA attributes: HBA identifier (8) → registered port list @0, then the HBA attribute block.
/// The accept mirrors RHBA minus the identifier; docs/reference/fc-gs.md gives no GHAT accept layout, so this is our
/// reading of FC-GS and is kept symmetric for the simulator.
/// </summary>
public sealed class Ghat : ICtCommand<Wwn, FdmiHbaAttributes>
{
    private Ghat() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.Fdmi;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsFdmiCodes.Ghat;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 4096;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, FdmiHbaAttributes hba)
    {
        var length = P + FdmiCodec.PortListLength(hba.Ports) + FdmiCodec.BlockLength(hba.Attributes);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        var at = P + FdmiCodec.WritePortList(ctIu[P..], hba.Ports);
        FdmiCodec.WriteBlock(ctIu[at..], hba.Attributes);
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static FdmiHbaAttributes ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var (ports, end) = FdmiCodec.ReadPortList(r, P, "port");
        var (attributes, _) = FdmiCodec.ReadBlock(r, end, FdmiAttributeScope.Hba);
        return new FdmiHbaAttributes(ports, attributes);
    }
}
