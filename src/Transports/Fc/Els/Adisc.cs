using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>The ADISC identification (same fields in request and accept).</summary>
public sealed record AdiscParameters(FcId HardAddress, Wwn Wwpn, Wwn Wwnn, FcId NPortId);

/// <summary>ADISC (0x52): request and accept share one 28-byte packed layout.</summary>
public sealed class Adisc : IElsCommand<AdiscParameters, AdiscParameters>
{
    private Adisc() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<AdiscParameters, AdiscParameters>.RequestCapacity(AdiscParameters _) => Length;
    static int IElsCommand<AdiscParameters, AdiscParameters>.ResponseCapacity(AdiscParameters _) => Length;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Adisc;
    /// <summary>Length of the structure on the wire, in bytes.</summary>
    public const int Length = 28;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, AdiscParameters parameters) => Build(payload, Code, parameters, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static AdiscParameters ParseRequest(ReadOnlySpan<byte> payload) =>
        Read(ElsWrite.ExpectRequest(payload, Code, Length, RequestName));

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, AdiscParameters parameters) => Build(payload, ElsCommands.LsAcc, parameters, AcceptName);

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static AdiscParameters ParseAccept(ReadOnlySpan<byte> payload) =>
        Read(ElsReply.ExpectAccept(payload, AcceptName));

    private static int Build(Span<byte> payload, byte code, AdiscParameters p, string what)
    {
        ElsWrite.Begin(payload, Length, code, what);
        p.HardAddress.Write(payload[5..]);
        p.Wwpn.Write(payload[8..]);
        p.Wwnn.Write(payload[16..]);
        p.NPortId.Write(payload[25..]);
        return Length;
    }

    private static AdiscParameters Read(in Wire.WireReader reader)
    {
        reader.Require(0, Length, reader.MessageName);
        return new AdiscParameters(reader.FcId(5, "hard address"), reader.Wwn(8, "WWPN"), reader.Wwn(16, "WWNN"), reader.FcId(25, "N_Port ID"));
    }
}
