using BsgKit.Fc;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Faults;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Kernel;

/// <summary>
/// A two-port fabric for kernel-layer tests: ELS ECHO is echoed, any other ELS gets LS_ACC + 28 bytes, CT to
/// 0xFFFFFC gets an FS_ACC with a 4-byte payload, and one FC ID (0x0F0F0F) never answers.
/// </summary>
public sealed class StubFabric : ISimFabric
{
    public static readonly FcId Target = new(0x010200), Silent = new(0x0F0F0F);

    public SimClock Clock { get; } = new();
    public FaultInjector Faults { get; set; } = new([]);
    public int Exchanges;
    /// <summary>Replaces the outcome (NoResponse, busy …); null lets the default answer through.</summary>
    public Func<FcId, FrameType, byte[], ExchangeResult?>? Override;
    /// <summary>Answers with exactly these response bytes; null lets the default answer through.</summary>
    public Func<FcId, FrameType, byte[], byte[]?>? Respond;

    public FabricLogin Login(Wwn portName, Wwn nodeName, int domain, int switchPort, string symbolicName, HostSpec? fdmiSource, bool registerFdmi) =>
        new(new FcId((uint)(domain << 16 | switchPort << 8)), new Wwn(0x100000051e000001), new Wwn(0x200000051e000001));

    public IReadOnlyList<RemotePortView> PortsVisibleTo(FcId source) =>
        [new RemotePortView(Target, new Wwn(0x500507680b000001), new Wwn(0x500507680b000000), ["FCP Target"])];

    public ExchangeResult Exchange(FcId source, FcId destination, FrameType type, ReadOnlySpan<byte> request, Span<byte> response)
    {
        Interlocked.Increment(ref Exchanges);
        if (Override?.Invoke(destination, type, request.ToArray()) is { } forced) return forced;
        if (Respond?.Invoke(destination, type, request.ToArray()) is { } bytes)
        {
            var written = Math.Min(bytes.Length, response.Length);
            bytes.AsSpan(0, written).CopyTo(response);
            return new ExchangeResult(ExchangeOutcome.Response, written, bytes.Length);
        }
        if (destination == Silent) return ExchangeResult.NoResponse(TimeSpan.FromSeconds(2));
        Span<byte> full = stackalloc byte[Math.Max(64, request.Length)];
        int length;
        if (type == FrameType.Els)
        {
            if (request[0] == 0x10) // ECHO: LS_ACC + the echoed data
            {
                request.CopyTo(full);
                full[0] = 0x02;
                length = request.Length;
            }
            else
            {
                full[..32].Clear();
                full[0] = 0x02;
                length = 32;
            }
        }
        else
        {
            full[..20].Clear();
            request[..8].CopyTo(full);
            full[8] = 0x80; full[9] = 0x02; // FS_ACC
            length = 20;
        }
        var n = Math.Min(length, response.Length);
        full[..n].CopyTo(response);
        return new ExchangeResult(ExchangeOutcome.Response, n, length, Latency: TimeSpan.FromMilliseconds(1));
    }
}
