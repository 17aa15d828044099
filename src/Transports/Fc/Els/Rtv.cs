using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>RTV accept: R_A_TOV (ms), E_D_TOV (ms, or ns when EDRES is set) and the timeout qualifier.</summary>
public sealed record RtvAccept(uint RaTovMilliseconds, uint EdTovRaw, uint TimeoutQualifier)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>TOQ EDRES: <see cref="EdTovRaw"/> counts nanoseconds instead of milliseconds.</summary>
    public bool EdTovInNanoseconds => (TimeoutQualifier & ElsFieldValues.RtvEdTovResolutionNs) != 0;

    /// <summary>TOQ RTTOV: R_T_TOV is 100 µs (otherwise 100 ms).</summary>
    public bool RtTovIs100Microseconds => (TimeoutQualifier & ElsFieldValues.RtvRtTov100Us) != 0;

    /// <summary>R_A_TOV, the resource allocation timeout (raw value in ms).</summary>
    public TimeSpan RaTov => TimeSpan.FromTicks(RaTovMilliseconds * TimeSpan.TicksPerMillisecond);
    /// <summary>E_D_TOV, the error detect timeout (raw value in ms, or ns when TOQ EDRES is set).</summary>
    public TimeSpan EdTov => EdTovInNanoseconds ? TimeSpan.FromTicks(EdTovRaw / 100) : TimeSpan.FromTicks(EdTovRaw * TimeSpan.TicksPerMillisecond);
    /// <summary>R_T_TOV, the receiver-transmitter timeout: 100 ms, or 100 µs when TOQ RTTOV is set.</summary>
    public TimeSpan RtTov => RtTovIs100Microseconds ? TimeSpan.FromTicks(100 * TimeSpan.TicksPerMicrosecond) : TimeSpan.FromTicks(100 * TimeSpan.TicksPerMillisecond);
    /// <summary>The names of the timeout qualifier bits set, from the code tables.</summary>
    public IReadOnlyList<string> TimeoutQualifierNames => ElsFieldValues.RtvTimeoutQualifierBits.NamesOf(TimeoutQualifier);
}

/// <summary>RTV (0x0E), Read Timeout Value: request is the bare command word, accept 16 bytes.</summary>
public sealed class Rtv : IElsCommand<NoArgument, RtvAccept>
{
    private Rtv() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<NoArgument, RtvAccept>.RequestCapacity(NoArgument _) => RequestLength;
    static int IElsCommand<NoArgument, RtvAccept>.ResponseCapacity(NoArgument _) => AcceptLength;
    static int IElsCommand<NoArgument, RtvAccept>.BuildRequest(Span<byte> payload, NoArgument argument) => BuildRequest(payload);

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rtv;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 4;
    /// <summary>Length of the accept in bytes, LS_ACC word included.</summary>
    public const int AcceptLength = 16;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload) => ElsWrite.Begin(payload, RequestLength, Code, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> payload) => ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, RtvAccept accept)
    {
        ElsWrite.Begin(payload, AcceptLength, ElsCommands.LsAcc, AcceptName);
        BinaryPrimitives.WriteUInt32BigEndian(payload[4..], accept.RaTovMilliseconds);
        BinaryPrimitives.WriteUInt32BigEndian(payload[8..], accept.EdTovRaw);
        BinaryPrimitives.WriteUInt32BigEndian(payload[12..], accept.TimeoutQualifier);
        return AcceptLength;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static RtvAccept ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        reader.Require(0, AcceptLength, AcceptName);
        return new RtvAccept(reader.U32(4, "R_A_TOV"), reader.U32(8, "E_D_TOV"), reader.U32(12, "timeout qualifier"));
    }
}
