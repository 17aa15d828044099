using System.Runtime.InteropServices;

// bsgkit-probe version PATH   open O_RDONLY, ioctl(SG_GET_VERSION_NUM): prints "value N" or "errno N"
// bsgkit-probe opath PATH     open O_PATH, ioctl(SG_IO) with a zeroed header: prints "errno N" (or "value 0")
// Exit 0 when the syscalls ran (whatever they answered), 1 when the path could not be opened.
const int ORdOnly = 0, OPath = 0x200000;
const nuint SgGetVersionNum = 0x2282, SgIo = 0x2285;
if (args.Length != 2 || args[0] is not ("version" or "opath"))
{
    Console.Error.WriteLine("usage: bsgkit-probe version|opath PATH");
    return 2;
}
var fd = Probe.Open(args[1], args[0] == "opath" ? OPath : ORdOnly, 0);
if (fd < 0)
{
    Console.WriteLine($"open errno {Marshal.GetLastPInvokeError()}");
    return 1;
}
var buffer = new byte[128]; // an int for the version, a zeroed sg_io_v4 (guard 0) for SG_IO
int rc;
unsafe
{
    fixed (byte* p = buffer) rc = Probe.Ioctl(fd, args[0] == "opath" ? SgIo : SgGetVersionNum, p);
}
Console.WriteLine(rc < 0 ? $"errno {Marshal.GetLastPInvokeError()}" : $"value {BitConverter.ToInt32(buffer, 0)}");
return 0;

internal static unsafe partial class Probe
{
    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    internal static partial int Open(string path, int flags, int mode);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    internal static partial int Ioctl(int fd, nuint request, void* argument);
}
