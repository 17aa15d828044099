using System.Runtime.InteropServices;
using System.Text;
using BsgKit.Bsg.Interop;
using Microsoft.Win32.SafeHandles;

namespace BsgKit.Bsg.Catalog;

/// <summary>
/// What reading one attribute gave: its text, or why not (<see cref="Missing"/> when it does not exist;
/// <see cref="Errno"/> when open or read failed).
/// </summary>
public readonly record struct SysfsValue(string? Text, string? Problem, int Errno = 0)
{
    /// <summary>True when the attribute does not exist (ENOENT / ENOTDIR), which is not a problem by itself.</summary>
    public bool Missing => Text is null && Problem is null;
}

/// <summary>
/// The one way BsgKit reads a sysfs attribute: opened non-blocking (a FIFO planted in the tree cannot hang a
/// listing) and refused unless it is a regular file, read to at most one page plus a byte (a kernel attribute's show() fills at most a page, so anything
/// longer — a link to /dev/zero, a huge file — is refused without reading it), text only. Every failure is a
/// value with a one-line problem, never an exception.
/// </summary>
public static unsafe class SysfsAttribute
{
    /// <summary>The most a sysfs attribute can hold (PAGE_SIZE).</summary>
    public const int MaxLength = 4096;

    /// <summary>Reads <paramref name="path"/>; the text is trimmed of surrounding whitespace.</summary>
    public static SysfsValue Read(string path)
    {
        var fd = Libc.Open(path, Libc.O_RDONLY | Libc.O_NONBLOCK | Libc.O_CLOEXEC | Libc.O_NOCTTY, 0);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno is Bsg.Errno.ENOENT or Errno.ENOTDIR
                ? default
                : new(null, $"{path}: cannot read ({Describe(errno)})", errno);
        }
        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        var stat = stackalloc byte[Libc.StatxSize];
        if (Libc.Statx(fd, "", Libc.AT_EMPTY_PATH, Libc.STATX_TYPE, stat) == 0
            && (*(ushort*)(stat + Libc.StatxModeOffset) & Libc.S_IFMT) != Libc.S_IFREG)
            return new(null, $"{path}: not a regular file (a FIFO, socket or device is no sysfs attribute); ignored");
        Span<byte> buffer = stackalloc byte[MaxLength + 1];
        var length = 0;
        fixed (byte* p = buffer)
        {
            while (length < buffer.Length)
            {
                var n = Libc.Read(fd, p + length, (nuint)(buffer.Length - length));
                if (n == 0) break;
                if (n > 0)
                {
                    length += (int)n;
                    continue;
                }
                var errno = Marshal.GetLastPInvokeError();
                if (errno == Bsg.Errno.EINTR) continue;
                return errno == Bsg.Errno.EAGAIN
                    ? new(null, $"{path}: would block (a FIFO or device, not a sysfs attribute); ignored")
                    : new(null, $"{path}: cannot read ({Describe(errno)})", errno);
            }
        }
        if (length > MaxLength) return new(null, $"{path}: longer than a sysfs attribute can be ({MaxLength} bytes); ignored");
        var bytes = buffer[..length];
        if (bytes.IndexOf((byte)0) >= 0) return new(null, $"{path}: not text (NUL bytes); ignored");
        return new(Encoding.UTF8.GetString(bytes).Trim(), null);
    }

    private static string Describe(int errno) => errno switch
    {
        Bsg.Errno.EACCES => "EACCES: permission denied",
        Bsg.Errno.EISDIR => "EISDIR: a directory",
        Bsg.Errno.ELOOP => "ELOOP: too many symbolic links",
        _ => Bsg.Errno.Describe(errno),
    };
}
