using BsgKit.Bsg;

namespace BsgKit.Bsg.Tests;

/// <summary>
/// A transport whose every SG_IO runs a script: the script sees the header (by ref, like the kernel) and
/// the caller's memory, and returns 0 or an errno. Follows the kernel's rule that a failed ioctl leaves the
/// header untouched by working on a copy.
/// </summary>
public sealed class ScriptedTransport(ScriptedTransport.Script script) : IBsgTransport
{
    public delegate int Script(ref SgIoV4 header, UserMemory memory);

    public int Calls;
    public SgIoV4 LastHeaderIn;
    public int LastThreadId;

    /// <summary>What the transport claims (<see cref="IBsgTransport.NeverBlocks"/>); false, as the kernel's, unless set.</summary>
    public bool NeverBlocks { get; init; }

    public BsgNodeChannel Open(string devicePath) =>
        devicePath.Contains("missing") ? throw BsgErrnoException.For(devicePath, "open", Errno.ENOENT) : new Channel(devicePath);

    public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        Interlocked.Increment(ref Calls);
        LastHeaderIn = header;
        LastThreadId = Environment.CurrentManagedThreadId;
        var copy = header;
        var rc = script(ref copy, new UserMemory(handedOver.ToArray()));
        if (rc == 0) header = copy;
        return rc;
    }

    private sealed class Channel(string path) : BsgNodeChannel(path)
    {
        public override void Dispose() { }
    }

    /// <summary>Access to caller memory, refusing anything outside the handed-over regions.</summary>
    public sealed unsafe class UserMemory(MemoryRegion[] regions)
    {
        public Span<byte> At(ulong address, uint length)
        {
            foreach (var r in regions)
                if (address >= r.Address && address + length <= r.Address + (ulong)r.Length)
                    return new Span<byte>((void*)address, (int)length);
            throw new InvalidOperationException($"0x{address:x}+{length} is outside the caller's buffers");
        }
    }
}
