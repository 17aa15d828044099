using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.Fdmi;

/// <summary>What GHAT returns: the HBA's registered ports and its HBA attribute block.</summary>
public sealed record FdmiHbaAttributes(IReadOnlyList<Wwn> Ports, IReadOnlyList<FdmiAttribute> Attributes)
{
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

    public const ushort Command = GsFdmiCodes.Ghat;
    public const int RequestLength = FdmiCodec.IdentifierRequestLength;
    public const int DefaultMaxResponseBytes = P + 4096;
    /// <inheritdoc/>
    public static string Name { get; } = GsFdmiCodes.Commands.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    public static int BuildRequest(Span<byte> ctIu, Wwn hbaIdentifier, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FdmiCodec.BuildIdentifierRequest(ctIu, Command, hbaIdentifier, maxResponseBytes, RequestName);

    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FdmiCodec.ParseIdentifierRequest(ctIu, Command, RequestName);

    public static int BuildAccept(Span<byte> ctIu, FdmiHbaAttributes hba)
    {
        var length = P + FdmiCodec.PortListLength(hba.Ports) + FdmiCodec.BlockLength(hba.Attributes);
        WriteAcceptHeader(ctIu, CtServer.Fdmi, length, AcceptName);
        var at = P + FdmiCodec.WritePortList(ctIu[P..], hba.Ports);
        FdmiCodec.WriteBlock(ctIu[at..], hba.Attributes);
        return length;
    }

    public static FdmiHbaAttributes ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var (ports, end) = FdmiCodec.ReadPortList(r, P, "port");
        var (attributes, _) = FdmiCodec.ReadBlock(r, end, FdmiAttributeScope.Hba);
        return new FdmiHbaAttributes(ports, attributes);
    }
}
