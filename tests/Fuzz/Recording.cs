using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Fuzz;

/// <summary>One frame exchange the simulated fabric saw: the request, where it went, and what came back.</summary>
public sealed record CapturedExchange(FrameType Type, FcId Source, FcId Destination, ushort Command, byte[] Request, byte[] Response);

/// <summary>One SG_IO the Bsg layer ran: the header after completion and every buffer it pointed at.</summary>
public sealed record CapturedSgIo(SgIoV4 Header, int Errno, byte[] Request, byte[] Reply, byte[] Dout, byte[] Din);

/// <summary>The simulated fabric with every exchange recorded (the seeds of the frame-level families).</summary>
internal sealed class RecordingFabric(ISimFabric inner, List<CapturedExchange> log) : ISimFabric
{
    public SimClock Clock => inner.Clock;
    public Simulator.Faults.FaultInjector Faults => inner.Faults;
    public bool HasFabricServices => inner.HasFabricServices;

    public FabricLogin Login(Wwn portName, Wwn nodeName, int domain, int switchPort, string symbolicName, Simulator.Scenarios.HostSpec? fdmiSource, bool registerFdmi) =>
        inner.Login(portName, nodeName, domain, switchPort, symbolicName, fdmiSource, registerFdmi);

    public IReadOnlyList<RemotePortView> PortsVisibleTo(FcId source) => inner.PortsVisibleTo(source);

    public ExchangeResult Exchange(FcId source, FcId destination, FrameType type, ReadOnlySpan<byte> request, Span<byte> response)
    {
        var result = inner.Exchange(source, destination, type, request, response);
        var command = type == FrameType.Ct ? (ushort)(request.Length >= 10 ? request[8] << 8 | request[9] : 0) : (ushort)(request.IsEmpty ? 0 : request[0]);
        lock (log) log.Add(new CapturedExchange(type, source, destination, command, request.ToArray(), response[..result.ResponseLength].ToArray()));
        return result;
    }
}

/// <summary>A transport that records every completed SG_IO of the one it wraps (the seeds of the completion families).</summary>
internal sealed unsafe class RecordingTransport(IBsgTransport inner, List<CapturedSgIo> log) : IBsgTransport
{
    public BsgNodeChannel Open(string devicePath) => inner.Open(devicePath);

    public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        var errno = inner.Execute(channel, ref header, handedOver);
        var h = header;
        lock (log)
            log.Add(new CapturedSgIo(h, errno, Copy(h.Request, h.RequestLen), Copy(h.Response, h.MaxResponseLen),
                Copy(h.DoutXferp, h.DoutXferLen), Copy(h.DinXferp, h.DinXferLen)));
        return errno;
    }

    private static byte[] Copy(ulong address, uint length) =>
        address == 0 || length == 0 ? [] : new ReadOnlySpan<byte>((void*)address, (int)length).ToArray();
}
