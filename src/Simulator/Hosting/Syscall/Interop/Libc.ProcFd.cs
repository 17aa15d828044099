using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

/// <summary>What the server needs to learn, without allocating, what a trapped caller's fd is: statx, open, read.</summary>
internal static unsafe partial class Libc
{
    internal const int ORdOnly = 0, OCloexec = 0x80000, AtFdCwd = -100;
    internal const uint StatxMode = 0x2, StatxNlink = 0x4, StatxIno = 0x100;
    internal const int AtSymlinkNoFollow = 0x100, StatxModeOffset = 28, SIrusr = 0x100, SIwusr = 0x80;
    internal const int StatxSize = 256, StatxNlinkOffset = 16, StatxInoOffset = 32, StatxDevMajorOffset = 136, StatxDevMinorOffset = 140;

    /// <summary>O_PATH (010000000 octal): an fd that names a file without opening it for I/O.</summary>
    internal const int OPath = 0x200000;

    /// <summary>The (device, inode) a statx buffer filled with <see cref="StatxIno"/> names.</summary>
    internal static (ulong Device, ulong Inode) StatxIdentity(byte* stat) =>
        ((ulong)*(uint*)(stat + StatxDevMajorOffset) << 32 | *(uint*)(stat + StatxDevMinorOffset), *(ulong*)(stat + StatxInoOffset));

    /// <summary>statx(2) with a NUL-terminated path.</summary>
    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true)]
    internal static partial int Statx(int dirfd, byte* path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    internal static partial int Open(byte* path, int flags);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    internal static partial nint Read(int fd, byte* buffer, nuint count);
}
