using System.Runtime.InteropServices;
using BsgKit.Bsg.Interop;
using Microsoft.Win32.SafeHandles;

namespace BsgKit.Bsg;

/// <summary>The real thing: open(2) the /dev/bsg node, ioctl(fd, SG_IO, &amp;sg_io_v4).</summary>
public sealed class LinuxBsgTransport : IBsgTransport
{
    /// <summary>The one instance (it holds no state of its own).</summary>
    public static LinuxBsgTransport Instance { get; } = new();

    /// <summary>open(2)s <paramref name="devicePath"/> read-write (read-only when that is refused), close-on-exec.</summary>
    public BsgNodeChannel Open(string devicePath) => new FileChannel(devicePath, BsgFileHandle.Open(devicePath));

    /// <summary>ioctl(fd, SG_IO, &amp;header) on a channel from <see cref="Open"/>; returns 0 or the errno.</summary>
    public unsafe int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
    {
        var file = (FileChannel)channel;
        var added = false;
        try
        {
            // Keeps the descriptor from being closed and reused under a request in flight.
            file.Handle.DangerousAddRef(ref added);
            fixed (SgIoV4* h = &header)
            {
                var rc = Libc.Ioctl((int)file.Handle.DangerousGetHandle(), BsgConstants.SgIo, h);
                return rc < 0 ? Marshal.GetLastPInvokeError() : 0;
            }
        }
        catch (ObjectDisposedException)
        {
            return Errno.EBADF;
        }
        finally
        {
            if (added) file.Handle.DangerousRelease();
        }
    }

    private sealed class FileChannel(string devicePath, SafeFileHandle handle) : BsgNodeChannel(devicePath)
    {
        public SafeFileHandle Handle { get; } = handle;

        public override void Dispose() => Handle.Dispose();
    }
}
