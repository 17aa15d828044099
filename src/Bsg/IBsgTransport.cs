namespace BsgKit.Bsg;

/// <summary>A region of caller memory handed to the kernel through a pointer in the header.</summary>
public readonly record struct MemoryRegion(ulong Address, int Length);

/// <summary>
/// The one seam between BsgKit and whatever executes SG_IO: the Linux kernel (ioctl on /dev/bsg/NAME)
/// or the simulator (the same header run through a fake kernel). An implementation must be usable from
/// many threads at once.
/// </summary>
public interface IBsgTransport
{
    /// <summary>
    /// Executes <paramref name="header"/> on the node behind <paramref name="channel"/>, exactly as
    /// <c>ioctl(fd, SG_IO, &amp;header)</c> would. Returns 0 on success (the header's output fields updated),
    /// or a positive errno (the header left as it was). <paramref name="handedOver"/> lists the memory the
    /// header's pointers may legitimately reach; a real kernel checks this itself and ignores it.
    /// </summary>
    int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver);

    /// <summary>Opens the node; throws <see cref="BsgErrnoException"/> (ENOENT, EACCES …) naming the path.</summary>
    BsgNodeChannel Open(string devicePath);

    /// <summary>
    /// True when <see cref="Execute"/> never waits for anything (a simulator that only advances its simulated clock): a
    /// caller may then run it on its own thread even when its wait could be cancelled, since there is nothing to stop
    /// waiting for. False by default: the kernel's ioctl waits for the fabric, up to the request's timeout.
    /// </summary>
    bool NeverBlocks => false;
}

/// <summary>An open node (the file descriptor, or the simulator's equivalent).</summary>
public abstract class BsgNodeChannel : IDisposable
{
    /// <summary>A channel for the node at <paramref name="devicePath"/>.</summary>
    protected BsgNodeChannel(string devicePath) => DevicePath = devicePath;

    /// <summary>The /dev/bsg path of the node.</summary>
    public string DevicePath { get; }

    /// <summary>Closes the node.</summary>
    public abstract void Dispose();
}
