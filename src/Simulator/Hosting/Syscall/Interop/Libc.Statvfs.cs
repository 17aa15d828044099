using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

/// <summary>struct statvfs on LP64 Linux (x86_64, aarch64): unsigned longs, then f_fsid, f_flag, f_namemax and spare ints.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct StatVfs
{
    public ulong BlockSize, FragmentSize, Blocks, BlocksFree, BlocksAvailable, Files, FilesFree, FilesAvailable, FsId, Flag, NameMax;
    private unsafe fixed int _spare[6];
}

internal static unsafe partial class Libc
{
    [LibraryImport("libc", EntryPoint = "statvfs", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Statvfs(string path, StatVfs* buffer);
}
