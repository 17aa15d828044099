using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.NameServer;

/// <summary>
/// One name-server object as GA_NXT returns it (620-byte payload; qla_def.h ga_nxt, ocs_fcp.h fcct_ganxt_acc_t).
/// IP address fields and the IPA are kept as raw bytes.
/// </summary>
public sealed record GaNxtEntry(
    byte PortType,
    FcId PortId,
    Wwn PortName,
    string SymbolicPortName,
    Wwn NodeName,
    string SymbolicNodeName,
    ulong InitialProcessAssociator,
    byte[] NodeIpAddress,
    uint ClassOfService,
    Fc4TypeSet Fc4Types,
    byte[] PortIpAddress,
    Wwn FabricPortName,
    FcId HardAddress)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The name of the port type, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string PortTypeName => PortTypes.Table.NameOf(PortType);
    /// <summary>The name of the class of service, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string ClassOfServiceNames => Codes.ClassOfService.Table.Describe(ClassOfService);
}

/// <summary>GA_NXT: port ID object (4) → the object of the next registered port (620 bytes). A walk stops when
/// the returned port ID comes back to the first one seen (zfcp_show).</summary>
public sealed class GaNxt : ICtCommand<FcId, GaNxtEntry>
{
    private GaNxt() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.NameServer;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => AcceptLength;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsNameServerCommands.GaNxt;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = NsCodec.PortIdRequestLength;
    /// <summary>Length of the accept payload after the CT_IU header.</summary>
    public const int PayloadLength = 620;
    /// <summary>Length of the accept in bytes, CT_IU header included.</summary>
    public const int AcceptLength = P + PayloadLength;
    /// <inheritdoc/>
    public static string Name { get; } = GsNameServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    // Payload offsets.
    private const int PortTypeAt = 0, PortIdAt = 1, PortNameAt = 4, SpnLengthAt = 12, SpnAt = 13, NodeNameAt = 268,
        SnnLengthAt = 276, SnnAt = 277, IpaAt = 532, NodeIpAt = 540, CosAt = 556, Fc4TypesAt = 560, PortIpAt = 592,
        FabricPortNameAt = 608, HardAddressAt = 617;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, FcId previousPort, int maxResponseBytes = AcceptLength) =>
        NsCodec.BuildPortIdRequest(ctIu, Command, previousPort, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static FcId ParseRequest(ReadOnlySpan<byte> ctIu) => NsCodec.ParsePortIdRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, GaNxtEntry e)
    {
        var spn = EncodeText(e.SymbolicPortName, MaxTextBytes, "symbolic port name");
        var snn = EncodeText(e.SymbolicNodeName, MaxTextBytes, "symbolic node name");
        WriteAcceptHeader(ctIu, CtServer.NameServer, AcceptLength, AcceptName);
        var p = ctIu[P..];
        p[PortTypeAt] = e.PortType;
        e.PortId.Write(p[PortIdAt..]);
        e.PortName.Write(p[PortNameAt..]);
        p[SpnLengthAt] = (byte)spn.Length;
        spn.CopyTo(p[SpnAt..]);
        e.NodeName.Write(p[NodeNameAt..]);
        p[SnnLengthAt] = (byte)snn.Length;
        snn.CopyTo(p[SnnAt..]);
        BinaryPrimitives.WriteUInt64BigEndian(p[IpaAt..], e.InitialProcessAssociator);
        e.NodeIpAddress.AsSpan(0, Math.Min(16, e.NodeIpAddress.Length)).CopyTo(p[NodeIpAt..]);
        BinaryPrimitives.WriteUInt32BigEndian(p[CosAt..], e.ClassOfService);
        e.Fc4Types.Write(p[Fc4TypesAt..]);
        e.PortIpAddress.AsSpan(0, Math.Min(16, e.PortIpAddress.Length)).CopyTo(p[PortIpAt..]);
        e.FabricPortName.Write(p[FabricPortNameAt..]);
        e.HardAddress.Write(p[HardAddressAt..]);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static GaNxtEntry ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        r.Require(P, PayloadLength, "GA_NXT object");
        var spnLength = r.U8(P + SpnLengthAt);
        var snnLength = r.U8(P + SnnLengthAt);
        return new GaNxtEntry(
            r.U8(P + PortTypeAt),
            r.FcId(P + PortIdAt),
            r.Wwn(P + PortNameAt),
            DecodeText(r.Bytes(P + SpnAt, spnLength, "symbolic port name")),
            r.Wwn(P + NodeNameAt),
            DecodeText(r.Bytes(P + SnnAt, snnLength, "symbolic node name")),
            r.U64(P + IpaAt),
            r.Bytes(P + NodeIpAt, 16).ToArray(),
            r.U32(P + CosAt),
            Fc4TypeSet.Read(r.Bytes(P + Fc4TypesAt, Fc4TypeSet.Size)),
            r.Bytes(P + PortIpAt, 16).ToArray(),
            r.Wwn(P + FabricPortNameAt),
            r.FcId(P + HardAddressAt));
    }
}
