using BsgKit.Bsg;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Hosting;

/// <summary>
/// The Bsg layer's transport seam served by the simulator in the same process: a path under the simulated
/// /dev/bsg opens the simulated node, and each SG_IO runs through the fake kernel with exactly the memory
/// the transaction handed over (anything else is EFAULT, never a stray read or write).
/// </summary>
public sealed class InProcessBsgTransport(SimulatedSan san) : IBsgTransport
{
    /// <summary>Opens the simulated node at a /dev/bsg path; ENOENT when there is none.</summary>
    public BsgNodeChannel Open(string devicePath)
    {
        var node = san.FindNodeByPath(devicePath)
                   ?? throw BsgErrnoException.For(devicePath, "open", Errno.ENOENT);
        var file = san.Kernel.Open(node);
        file.CapSysRawio = !san.Scenario.CallerLacksCapSysRawio;
        return new Channel(devicePath, file);
    }

    /// <summary>
    /// True unless the scenario sleeps for its simulated latencies (<see cref="SimClock.RealDelays"/>): without real
    /// delays a request only advances the simulated clock, so nothing in it waits.
    /// </summary>
    public bool NeverBlocks => !san.Kernel.Clock.RealDelays;

    /// <summary>Runs one SG_IO through the fake kernel; returns 0 or a negative errno, as the ioctl would.</summary>
    public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        if (channel is not Channel c) return Errno.EBADF;
        var memory = RegionUserMemory.ForThisThread(handedOver);
        try
        {
            return san.Kernel.SgIo(c.File, ref header, memory);
        }
        finally
        {
            memory.Release();
        }
    }

    private sealed class Channel(string path, SimOpenFile file) : BsgNodeChannel(path)
    {
        public SimOpenFile File { get; } = file;
        public override void Dispose() => File.Close();
    }
}
