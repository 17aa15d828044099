using BsgKit.Fc.Codes;
using static BsgKit.Fc.Ct.CtIu;

namespace BsgKit.Fc.Ct.ConfigServer;

/// <summary>GIEIL: interconnect element vendor, model, release code and any vendor-specific strings.</summary>
public sealed record FcsElementInfo(string Vendor, string Model, string Release, IReadOnlyList<string> VendorSpecific)
{
    /// <summary>A one-line rendering for logs and the CLI.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);

    /// <summary>Element information without vendor-specific strings.</summary>
    /// <param name="vendor">The vendor name.</param>
    /// <param name="model">The model name.</param>
    /// <param name="release">The release code.</param>
    public FcsElementInfo(string vendor, string model, string release) : this(vendor, model, release, []) { }
}

/// <summary>GIEIL (fabric configuration server): interconnect element name (8) → list length @3, then NUL-separated vendor, model, release and vendor-specific strings from @4.</summary>
public sealed class Gieil : ICtCommand<Wwn, FcsElementInfo>
{
    private Gieil() { }

    /// <inheritdoc/>
    public static CtServer Server => CtServer.FabricConfiguration;
    /// <inheritdoc/>
    public static ushort CommandCode => Command;
    /// <inheritdoc/>
    public static int RequestCapacity => RequestLength;
    /// <inheritdoc/>
    public static int DefaultResponseBytes => DefaultMaxResponseBytes;

    /// <summary>The command code (CT_IU bytes 8–9), from the server's code table.</summary>
    public const ushort Command = GsConfigServerCommands.Gieil;
    /// <summary>Length of the request in bytes, CT_IU header included.</summary>
    public const int RequestLength = FcsCodec.NameRequestLength;
    /// <summary>Response room asked for by default (ct_mr_size and din length), header included.</summary>
    public const int DefaultMaxResponseBytes = P + 256;
    /// <inheritdoc/>
    public static string Name { get; } = GsConfigServerCommands.Table.NameOf(Command);
    private static readonly string RequestName = Name + " request", AcceptName = Name + " accept";

    /// <summary>Vendor, model, release and vendor-specific strings, each with its NUL, share one length byte.</summary>
    public const int MaxListBytes = 255;

    /// <summary>Writes the request into the buffer (zero-filled where reserved) and returns its length.</summary>
    public static int BuildRequest(Span<byte> ctIu, Wwn name, int maxResponseBytes = DefaultMaxResponseBytes) =>
        FcsCodec.BuildNameRequest(ctIu, Command, name, maxResponseBytes, RequestName);

    /// <summary>Decodes a request (what the simulated server does); throws <see cref="BsgKit.Fc.Wire.FcWireFormatException"/> when it is malformed or carries another command.</summary>
    public static Wwn ParseRequest(ReadOnlySpan<byte> ctIu) => FcsCodec.ParseNameRequest(ctIu, Command, RequestName);

    /// <summary>Writes the accept (what the simulated responder sends) and returns its length.</summary>
    public static int BuildAccept(Span<byte> ctIu, FcsElementInfo info)
    {
        var strings = new List<byte[]> { EncodeText(info.Vendor, MaxTextBytes, "vendor"), EncodeText(info.Model, MaxTextBytes, "model"), EncodeText(info.Release, MaxTextBytes, "release") };
        foreach (var extra in info.VendorSpecific) strings.Add(EncodeText(extra, MaxTextBytes, "vendor specific information"));
        var listLength = 0;
        foreach (var s in strings) listLength += s.Length + 1;
        if (listLength > MaxListBytes) throw new ArgumentException($"GIEIL list is {listLength} bytes; the length byte holds {MaxListBytes}");
        var length = PadToWord(P + 4 + listLength);
        WriteAcceptHeader(ctIu, CtServer.FabricConfiguration, length, AcceptName);
        ctIu[P + 3] = (byte)listLength;
        var at = P + 4;
        foreach (var s in strings) { s.CopyTo(ctIu[at..]); at += s.Length + 1; }
        return length;
    }

    /// <summary>Decodes the accept; an FS_RJT throws <see cref="BsgKit.Fc.Ct.CtRejectedException"/>, anything malformed <see cref="BsgKit.Fc.Wire.FcWireFormatException"/>.</summary>
    public static FcsElementInfo ParseAccept(ReadOnlySpan<byte> ctIu)
    {
        var r = OpenAccept(ctIu, AcceptName);
        var list = r.Bytes(P + 4, r.U8(P + 3, "list length"), "information list");
        var strings = new List<string>();
        while (!list.IsEmpty)
        {
            var nul = list.IndexOf((byte)0);
            var end = nul < 0 ? list.Length : nul;
            strings.Add(System.Text.Encoding.Latin1.GetString(list[..end]));
            list = nul < 0 ? [] : list[(nul + 1)..];
        }
        while (strings.Count < 3) strings.Add("");
        return new FcsElementInfo(strings[0], strings[1], strings[2], strings.GetRange(3, strings.Count - 3));
    }
}
