using Microsoft.Win32.SafeHandles;

namespace BsgKit.Bsg.Interop;

/// <summary>Opens a bsg node as a SafeFileHandle (close on dispose), turning errno into a BsgException.</summary>
internal static class BsgFileHandle
{
    public static SafeFileHandle Open(string path)
    {
        // bsg-lib ignores "opened for write"; O_RDWR matches what existing tools do, fall back to read-only
        // so a node with mode 0400 still works for the transport path.
        var fd = Libc.Open(path, Libc.O_RDWR | Libc.O_CLOEXEC, 0);
        if (fd < 0)
        {
            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno is Errno.EACCES or Errno.EROFS)
            {
                fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_CLOEXEC, 0);
                if (fd < 0) errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            }
            if (fd < 0) throw BsgErrnoException.For(path, "open", errno);
        }
        return new SafeFileHandle(fd, ownsHandle: true);
    }
}
