using System.Runtime.InteropServices;

// bsgkit-probe version PATH   open O_RDONLY, ioctl(SG_GET_VERSION_NUM): prints "value N" or "errno N"
// bsgkit-probe opath PATH     open O_PATH, ioctl(SG_IO) with a zeroed header: prints "errno N" (or "value 0")
// bsgkit-probe alloc HOST PORT_ID COUNT   COUNT GPN_ID through FcHostClient after a warm-up: prints "bytes B"
//                                       (allocated on this thread by the COUNT requests) and "served N"
// Exit 0 when the syscalls ran (whatever they answered), 1 when the path could not be opened.
const int ORdOnly = 0, OPath = 0x200000;
const nuint SgGetVersionNum = 0x2282, SgIo = 0x2285;
if (args is ["alloc", var hostText, var portText, var countText])
    return AllocationLoop.Run(int.Parse(hostText), BsgKit.Fc.FcId.Parse(portText), int.Parse(countText));
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

/// <summary>Steady-state GPN_ID through the managed client on the real SG_IO syscall, counting what it allocates.</summary>
internal static class AllocationLoop
{
    // JIT, tiering and the pool's buffers: 2000 requests and a second at the least, as request-loop does. Tiering waits
    // 100 ms after the last new call before it promotes, and something in the runtime allocates 32 B on this thread once
    // a while after (seen on main too: with DOTNET_TC_CallCountingDelayMs=0 it always fell after 2000 requests).
    private const int WarmUp = 2000;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(1);

    public static int Run(int host, BsgKit.Fc.FcId port, int count)
    {
        using var client = BsgKit.Fc.Clients.FcHostClient.Open(BsgKit.Fc.Catalog.FcCatalog.Scan(), host);
        var warm = System.Diagnostics.Stopwatch.StartNew();
        var warmUps = 0;
        for (; warmUps < WarmUp || warm.Elapsed < WarmUpTime; warmUps++) Once(client, port);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < count; i++) Once(client, port);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Console.WriteLine($"bytes {allocated}");
        Console.WriteLine($"served {warmUps + count}");
        return 0;
    }

    private static void Once(BsgKit.Fc.Clients.FcHostClient client, BsgKit.Fc.FcId port)
    {
        var pending = client.GpnIdAsync(port);
        // A synchronous ioctl completes the ValueTask at once; AsTask only if it ever did not.
        var wwpn = pending.IsCompletedSuccessfully ? pending.Result.Value : pending.AsTask().GetAwaiter().GetResult().Value;
        if (wwpn.Value == 0) throw new InvalidOperationException("GPN_ID answered a zero WWPN");
    }
}
