using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Fc.Els;

/// <summary>One RPSC entry: supported speeds (bit mask) and the operating speed (one bit).</summary>
public sealed record RpscEntry(ushort SpeedCapabilities, ushort OperatingSpeed)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The names of the speed capability bits set, from the code tables.</summary>
    public IReadOnlyList<string> SpeedCapabilityNames => PortSpeeds.Link.NamesOf(SpeedCapabilities);
    /// <summary>The name of the operating speed, from the code tables ("unknown (0x..)" when not in them).</summary>
    public string OperatingSpeedName => PortSpeeds.Link.Find(OperatingSpeed) ?? $"unknown (0x{OperatingSpeed:x4})";
}

/// <summary>RPSC (0x7D), Report Port Speed Capabilities: request is the command word; accept lists entries.</summary>
public sealed class Rpsc : IElsCommand<NoArgument, IReadOnlyList<RpscEntry>>
{
    /// <summary>Room asked for an accept: header and 64 port speed entries.</summary>
    public const int MaxAcceptLength = 4 + 4 * 64;
    private Rpsc() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<NoArgument, IReadOnlyList<RpscEntry>>.RequestCapacity(NoArgument _) => RequestLength;
    static int IElsCommand<NoArgument, IReadOnlyList<RpscEntry>>.ResponseCapacity(NoArgument _) => MaxAcceptLength;
    static int IElsCommand<NoArgument, IReadOnlyList<RpscEntry>>.BuildRequest(Span<byte> payload, NoArgument argument) => BuildRequest(payload);

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rpsc;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 4;
    private const int EntriesOffset = 4;
    private const int EntryLength = 4;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload) => ElsWrite.Begin(payload, RequestLength, Code, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static void ParseRequest(ReadOnlySpan<byte> payload) => ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, IReadOnlyList<RpscEntry> entries)
    {
        if (entries.Count > ushort.MaxValue) throw new ArgumentException("too many RPSC entries", nameof(entries));
        var length = ElsWrite.Begin(payload, EntriesOffset + EntryLength * entries.Count, ElsCommands.LsAcc, AcceptName);
        BinaryPrimitives.WriteUInt16BigEndian(payload[2..], (ushort)entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var at = EntriesOffset + EntryLength * i;
            BinaryPrimitives.WriteUInt16BigEndian(payload[at..], entries[i].SpeedCapabilities);
            BinaryPrimitives.WriteUInt16BigEndian(payload[(at + 2)..], entries[i].OperatingSpeed);
        }
        return length;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static IReadOnlyList<RpscEntry> ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        int count = reader.U16(2, "number of entries");
        reader.Require(EntriesOffset, EntryLength * count, $"{count} RPSC entries");
        var entries = new List<RpscEntry>(count);
        for (var i = 0; i < count; i++)
        {
            var at = EntriesOffset + EntryLength * i;
            entries.Add(new RpscEntry(reader.U16(at, "speed capabilities"), reader.U16(at + 2, "operating speed")));
        }
        return entries;
    }
}
