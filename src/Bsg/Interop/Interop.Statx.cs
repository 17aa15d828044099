using System.Runtime.InteropServices;

namespace BsgKit.Bsg.Interop;

internal static unsafe partial class Libc
{
    internal const int AT_EMPTY_PATH = 0x1000;
    internal const uint STATX_TYPE = 0x1;
    internal const ushort S_IFMT = 0xF000, S_IFREG = 0x8000;

    /// <summary>struct statx is the same on every architecture (unlike struct stat): stx_mode is the u16 at offset 28.</summary>
    internal const int StatxSize = 256, StatxModeOffset = 28;

    /// <summary>statx(2) (glibc ≥ 2.28); with <see cref="AT_EMPTY_PATH"/> and an empty path it describes <paramref name="dirfd"/> itself.</summary>
    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Statx(int dirfd, string path, int flags, uint mask, byte* buffer);
}
