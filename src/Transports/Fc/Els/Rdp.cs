using System.Buffers.Binary;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Wire;

namespace BsgKit.Fc.Els;

/// <summary>A decoded RDP accept: every descriptor in wire order, plus shortcuts to the well-known ones.</summary>
public sealed record RdpAccept(IReadOnlyList<RdpDescriptor> Descriptors)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>The first link service descriptor (the RDP request's ELS command echoed), or null.</summary>
    public RdpLinkServiceDescriptor? LinkService => First<RdpLinkServiceDescriptor>(0);
    /// <summary>The first SFP diagnostics descriptor (temperature, voltage, bias, TX/RX power), or null.</summary>
    public RdpSfpDiagnosticsDescriptor? SfpDiagnostics => First<RdpSfpDiagnosticsDescriptor>(0);
    /// <summary>The first port speed descriptor (capable and operating speed), or null.</summary>
    public RdpPortSpeedDescriptor? PortSpeed => First<RdpPortSpeedDescriptor>(0);
    /// <summary>The first link error status descriptor (the port's LESB), or null.</summary>
    public RdpLinkErrorStatusDescriptor? LinkErrorStatus => First<RdpLinkErrorStatusDescriptor>(0);
    /// <summary>The first port names descriptor: the port that answered the RDP.</summary>
    public RdpPortNamesDescriptor? DiagnosticPortNames => First<RdpPortNamesDescriptor>(0);
    /// <summary>The second port names descriptor: the port attached to it.</summary>
    public RdpPortNamesDescriptor? AttachedPortNames => First<RdpPortNamesDescriptor>(1);
    /// <summary>The first FEC descriptor (forward error correction counters), or null.</summary>
    public RdpFecDescriptor? Fec => First<RdpFecDescriptor>(0);
    /// <summary>The first buffer credit descriptor (BB credits, round-trip latency), or null.</summary>
    public RdpBufferCreditDescriptor? BufferCredit => First<RdpBufferCreditDescriptor>(0);
    /// <summary>The first optical product descriptor (SFP vendor, part and serial number), or null.</summary>
    public RdpOpticalProductDescriptor? OpticalProduct => First<RdpOpticalProductDescriptor>(0);

    /// <summary>All optical element descriptors (normally five: temperature, voltage, bias, TX and RX power).</summary>
    public IReadOnlyList<RdpOpticalElementDescriptor> OpticalElements
    {
        get
        {
            var list = new List<RdpOpticalElementDescriptor>();
            foreach (var d in Descriptors)
                if (d is RdpOpticalElementDescriptor e) list.Add(e);
            return list;
        }
    }

    private T? First<T>(int skip) where T : RdpDescriptor
    {
        foreach (var d in Descriptors)
        {
            if (d is not T match) continue;
            if (skip-- == 0) return match;
        }
        return null;
    }
}

/// <summary>
/// RDP (0x18), Read Diagnostic Parameters. Request: 20 bytes with one N_Port_ID descriptor.
/// Accept: LS_ACC, descriptor list length @4, TLV descriptors from @8.
/// </summary>
public sealed class Rdp : IElsCommand<FcId, RdpAccept>
{
    /// <summary>Room asked for an accept: the descriptors a port returns fit easily.</summary>
    public const int MaxAcceptLength = 2048;
    private Rdp() { }

    /// <inheritdoc/>
    public static byte CommandCode => Code;
    /// <inheritdoc/>
    public static string Name { get; } = ElsCommands.Table.NameOf(Code);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";
    static int IElsCommand<FcId, RdpAccept>.RequestCapacity(FcId _) => RequestLength;
    static int IElsCommand<FcId, RdpAccept>.ResponseCapacity(FcId _) => MaxAcceptLength;

    /// <summary>The ELS command code (payload byte 0).</summary>
    public const byte Code = ElsCommands.Rdp;
    /// <summary>Length of the request in bytes, command word included.</summary>
    public const int RequestLength = 20;
    private const int DescriptorsOffset = 8;
    private const int DescriptorHeaderLength = 8;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> payload, FcId port)
    {
        ElsWrite.Begin(payload, RequestLength, Code, RequestName);
        BinaryPrimitives.WriteUInt32BigEndian(payload[4..], 12);
        BinaryPrimitives.WriteUInt32BigEndian(payload[8..], RdpDescriptors.NPortIdTag);
        BinaryPrimitives.WriteUInt32BigEndian(payload[12..], 4);
        port.Write(payload[17..]);
        return RequestLength;
    }

    /// <summary>Returns the N_Port_ID the request asks about.</summary>
    public static FcId ParseRequest(ReadOnlySpan<byte> payload)
    {
        var reader = ElsWrite.ExpectRequest(payload, Code, RequestLength, RequestName);
        var tag = reader.U32(8, "descriptor tag");
        if (tag != RdpDescriptors.NPortIdTag)
            throw reader.Error(8, $"first descriptor is 0x{tag:x8} ({RdpDescriptors.Tags.NameOf(tag)}), expected the N_Port_ID descriptor");
        var length = reader.U32(12, "descriptor length");
        if (length < 4) throw reader.Error(12, $"N_Port_ID descriptor length {length} is shorter than 4");
        return reader.FcId(17, "N_Port_ID");
    }

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> payload, IReadOnlyList<RdpDescriptor> descriptors)
    {
        var listLength = 0;
        foreach (var d in descriptors) listLength += DescriptorHeaderLength + d.ValueLength;
        var length = ElsWrite.Begin(payload, DescriptorsOffset + listLength, ElsCommands.LsAcc, AcceptName);
        BinaryPrimitives.WriteUInt32BigEndian(payload[4..], (uint)listLength);
        var at = DescriptorsOffset;
        foreach (var d in descriptors)
        {
            BinaryPrimitives.WriteUInt32BigEndian(payload[at..], d.Tag);
            BinaryPrimitives.WriteUInt32BigEndian(payload[(at + 4)..], (uint)d.ValueLength);
            d.WriteValue(payload.Slice(at + DescriptorHeaderLength, d.ValueLength));
            at += DescriptorHeaderLength + d.ValueLength;
        }
        return length;
    }

    /// <summary>Decodes the accept; an LS_RJT throws <see cref="BsgKit.Fc.Els.ElsRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static RdpAccept ParseAccept(ReadOnlySpan<byte> payload)
    {
        var reader = ElsReply.ExpectAccept(payload, AcceptName);
        var listLength = reader.U32(4, "descriptor list length");
        if (listLength > (uint)(reader.Length - DescriptorsOffset))
            throw reader.Error(4, $"descriptor list length {listLength} runs past the {reader.Length} bytes received");
        var end = DescriptorsOffset + (int)listLength;
        var descriptors = new List<RdpDescriptor>();
        var at = DescriptorsOffset;
        while (at < end)
        {
            if (end - at < DescriptorHeaderLength)
                throw reader.Error(at, $"{end - at} bytes left in the descriptor list, too few for a descriptor header");
            var tag = reader.U32(at, "descriptor tag");
            var valueLength = reader.U32(at + 4, "descriptor length");
            var valueOffset = at + DescriptorHeaderLength;
            if (valueLength > (uint)(end - valueOffset))
                throw reader.Error(at + 4, $"{RdpDescriptors.Tags.NameOf(tag)} descriptor length {valueLength} runs past the descriptor list");
            descriptors.Add(ReadDescriptor(reader, tag, valueOffset, (int)valueLength));
            at = valueOffset + (int)valueLength;
        }
        return new RdpAccept(descriptors);
    }

    private static RdpDescriptor ReadDescriptor(in WireReader reader, uint tag, int offset, int length)
    {
        var needed = tag switch
        {
            RdpDescriptors.LinkServiceTag => 4,
            RdpDescriptors.SfpDiagnosticsTag => 12,
            RdpDescriptors.PortSpeedTag => 4,
            RdpDescriptors.LinkErrorStatusTag => 28,
            RdpDescriptors.PortNamesTag => 16,
            RdpDescriptors.FecTag => 8,
            RdpDescriptors.BufferCreditTag => 12,
            RdpDescriptors.OpticalElementTag => 12,
            RdpDescriptors.OpticalProductTag => 60,
            _ => -1,
        };
        if (needed < 0) return new RdpUnknownDescriptor(tag, reader.Bytes(offset, length, "descriptor value").ToArray());
        // Longer values are accepted (later FC-LS revisions append fields); shorter ones cannot be decoded.
        if (length < needed)
            throw reader.Error(offset - 4, $"{RdpDescriptors.Tags.NameOf(tag)} descriptor is {length} bytes, needs {needed}");
        return tag switch
        {
            RdpDescriptors.LinkServiceTag => RdpLinkServiceDescriptor.Read(reader, offset),
            RdpDescriptors.SfpDiagnosticsTag => RdpSfpDiagnosticsDescriptor.Read(reader, offset),
            RdpDescriptors.PortSpeedTag => RdpPortSpeedDescriptor.Read(reader, offset),
            RdpDescriptors.LinkErrorStatusTag => RdpLinkErrorStatusDescriptor.Read(reader, offset),
            RdpDescriptors.PortNamesTag => RdpPortNamesDescriptor.Read(reader, offset),
            RdpDescriptors.FecTag => RdpFecDescriptor.Read(reader, offset),
            RdpDescriptors.BufferCreditTag => RdpBufferCreditDescriptor.Read(reader, offset),
            RdpDescriptors.OpticalElementTag => RdpOpticalElementDescriptor.Read(reader, offset),
            _ => RdpOpticalProductDescriptor.Read(reader, offset),
        };
    }
}
