using BsgKit.Bsg;

namespace BsgKit.Tool.Infrastructure;

/// <summary>-vv: wraps the transport and dumps request, dout, reply and din of every SG_IO to stderr.</summary>
internal sealed class HexDumpTransport(IBsgTransport inner, TextWriter stderr) : IBsgTransport
{
    private readonly Lock _lock = new();

    public BsgNodeChannel Open(string devicePath) => inner.Open(devicePath);

    public bool NeverBlocks => inner.NeverBlocks;

    public unsafe int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        lock (_lock)
        {
            stderr.WriteLine($"bsgkit: hex: SG_IO {channel.DevicePath}");
            Dump("request", header.Request, header.RequestLen);
            Dump("dout", header.DoutXferp, header.DoutXferLen);
        }
        var rc = inner.Execute(channel, ref header, handedOver);
        lock (_lock)
        {
            stderr.WriteLine($"bsgkit: hex: rc {rc}, transport_status {header.TransportStatus}, driver_status {header.DriverStatus}, response_len {header.ResponseLen}, din_resid {header.DinResid}");
            if (rc == 0)
            {
                Dump("reply", header.Response, header.ResponseLen);
                var din = header.DinXferLen - (uint)Math.Max(0, header.DinResid);
                Dump("din", header.DinXferp, Math.Min(din, header.DinXferLen));
            }
        }
        return rc;
    }

    private unsafe void Dump(string what, ulong address, uint length)
    {
        if (address == 0 || length == 0) return;
        var span = new ReadOnlySpan<byte>((void*)address, (int)Math.Min(length, 4096u));
        stderr.WriteLine($"bsgkit: hex: {what} ({length} bytes)");
        foreach (var line in HexInput.Dump(span)) stderr.WriteLine("  " + line);
    }
}
