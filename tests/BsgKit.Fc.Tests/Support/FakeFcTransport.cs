using System.Buffers.Binary;
using System.Collections.Concurrent;
using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc.Catalog;

namespace BsgKit.Fc.Tests.Support;

/// <summary>What the fake saw: node, fc_bsg_request bytes, dout bytes and the din size offered.</summary>
public sealed record SentRequest(string Path, byte[] Request, byte[] Dout, int DinLength, int ReplyLength);

/// <summary>How the fake driver reports a completion (the personalities of docs/reference/drivers.md §4).</summary>
public enum ReplyStyle
{
    /// <summary>libfc-like: response_len 16, rcv_len and din_resid honest.</summary>
    Honest,
    /// <summary>qla2xxx CS_COMPLETE: response_len 0, din_resid 0 whatever arrived.</summary>
    QlogicComplete,
    /// <summary>zfcp: response_len 16, rcv_len = full payload_len, din_resid 0.</summary>
    FullLength,
}

/// <summary>The fake's answer to one request.</summary>
public sealed record FakeAnswer
{
    public int Errno { get; init; }
    public int KernelResult { get; init; }
    public byte[] Payload { get; init; } = [];
    public ReplyStyle Style { get; init; } = ReplyStyle.Honest;
    public uint TransportStatus { get; init; }
    public uint CtelsStatus { get; init; }
    public byte[] RejectData { get; init; } = [0, 0, 0, 0];
    /// <summary>Override the reported rcv_len (else per style).</summary>
    public uint? ReceivedLength { get; init; }
    /// <summary>Override response_len (e.g. 28 for qla2xxx error).</summary>
    public int? ResponseLength { get; init; }
    /// <summary>Everything 0 and nothing received: the kernel's silent IOERR path.</summary>
    public bool SilentIoError { get; init; }

    public static FakeAnswer Of(byte[] payload, ReplyStyle style = ReplyStyle.Honest) => new() { Payload = payload, Style = style };
    public static FakeAnswer Fail(int errno, int kernelResult = 0) => new() { Errno = errno, KernelResult = kernelResult };
}

/// <summary>
/// An IBsgTransport that plays a kernel + FC driver: it reads the caller's request and dout through the
/// handed-over regions, asks <see cref="Handler"/> for an answer, and writes din, fc_bsg_reply and the header's
/// output fields the way the chosen driver style does.
/// </summary>
public sealed unsafe class FakeFcTransport : IBsgTransport
{
    public Func<SentRequest, FakeAnswer> Handler { get; set; }
    public ConcurrentQueue<SentRequest> Sent { get; } = new();
    public int DelayMs { get; set; }

    /// <summary>When set: each request signals <see cref="Entered"/> and then blocks here, like an ioctl the test releases.</summary>
    public ManualResetEventSlim? Gate { get; set; }
    public ManualResetEventSlim? Entered { get; set; }
    private int _inFlight;
    public int InFlight => Volatile.Read(ref _inFlight);
    public int MaxInFlight;

    public FakeFcTransport(Func<SentRequest, FakeAnswer> handler) => Handler = handler;

    public IReadOnlyList<SentRequest> SentList => Sent.ToArray();

    public BsgNodeChannel Open(string devicePath) => new Channel(devicePath);

    public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while ((seen = Volatile.Read(ref MaxInFlight)) < now && Interlocked.CompareExchange(ref MaxInFlight, now, seen) != seen) { }
        try
        {
            if (DelayMs > 0) Thread.Sleep(DelayMs);
            Entered?.Set();
            if (Gate is { } gate && !gate.Wait(TimeSpan.FromMinutes(1))) throw new TimeoutException("the test never opened the gate");
            var regions = handedOver.ToArray();
            var request = At(regions, header.Request, header.RequestLen).ToArray();
            var dout = At(regions, header.DoutXferp, header.DoutXferLen).ToArray();
            var sent = new SentRequest(channel.DevicePath, request, dout, (int)header.DinXferLen, (int)header.MaxResponseLen);
            Sent.Enqueue(sent);
            var answer = Handler(sent);
            var reply = At(regions, header.Response, header.MaxResponseLen);
            if (answer.Errno != 0)
            {
                if (answer.KernelResult != 0 && reply.Length >= 4) BinaryPrimitives.WriteInt32LittleEndian(reply, answer.KernelResult);
                return answer.Errno;
            }
            var din = At(regions, header.DinXferp, header.DinXferLen);
            if (answer.SilentIoError)
            {
                header.DinResid = (int)header.DinXferLen;
                header.ResponseLen = 0;
                return 0;
            }
            var n = Math.Min(answer.Payload.Length, din.Length);
            answer.Payload.AsSpan(0, n).CopyTo(din);
            var rcv = answer.ReceivedLength ?? answer.Style switch
            {
                ReplyStyle.Honest => (uint)n,
                _ => header.DinXferLen,
            };
            var responseLength = answer.ResponseLength ?? (answer.Style == ReplyStyle.QlogicComplete ? 0 : 16);
            if (responseLength > 0)
            {
                Span<byte> r = stackalloc byte[Math.Max(responseLength, 16)];
                BinaryPrimitives.WriteInt32LittleEndian(r, 0);
                BinaryPrimitives.WriteUInt32LittleEndian(r[4..], rcv);
                BinaryPrimitives.WriteUInt32LittleEndian(r[8..], answer.CtelsStatus);
                answer.RejectData.CopyTo(r[12..]);
                r[..Math.Min(responseLength, reply.Length)].CopyTo(reply);
            }
            header.ResponseLen = (uint)Math.Min(responseLength, reply.Length);
            header.DinResid = answer.Style == ReplyStyle.Honest ? (int)(header.DinXferLen - rcv) : 0;
            header.TransportStatus = answer.TransportStatus;
            return 0;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static Span<byte> At(MemoryRegion[] regions, ulong address, uint length)
    {
        if (length == 0 || address == 0) return Span<byte>.Empty;
        foreach (var r in regions)
            if (address >= r.Address && address + length <= r.Address + (ulong)r.Length)
                return new Span<byte>((void*)address, (int)length);
        throw new InvalidOperationException($"0x{address:x}+{length} is outside the caller's buffers");
    }

    private sealed class Channel(string path) : BsgNodeChannel(path)
    {
        public override void Dispose() { }
    }

    /// <summary>A catalog with fc_host1 on <paramref name="driver"/> and rports (name, port_id) with nodes.</summary>
    public static FcCatalogSnapshot Catalog(string? driver, bool hostHasNode = true, params (string Name, uint PortId)[] rports)
    {
        var host = new FcHostInfo(1)
        {
            Driver = driver,
            Node = hostHasNode ? BsgNode.Classify("fc_host1", "/dev/bsg/fc_host1", "250:1") : null,
        };
        var ports = new List<FcRemotePortInfo>();
        var i = 0;
        foreach (var (name, id) in rports)
            ports.Add(new FcRemotePortInfo(name, 1, 0, i++) { PortId = new FcId(id), PortState = "Online", Node = BsgNode.Classify(name, "/dev/bsg/" + name, $"250:{10 + i}") });
        return new FcCatalogSnapshot(new BsgCatalogSnapshot([], []), [host], ports, []);
    }
}
