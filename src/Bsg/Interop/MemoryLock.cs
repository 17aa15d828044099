using Microsoft.Extensions.Logging;

namespace BsgKit.Bsg.Interop;

/// <summary>
/// Optional mlock(2) of protocol buffers through Mono.Posix, so IU pages cannot be swapped out mid-request.
/// Failing to lock (ENOMEM over RLIMIT_MEMLOCK, EPERM without CAP_IPC_LOCK) is logged once, never fatal.
/// </summary>
internal static class MemoryLock
{
    private static int _warned;

    public static unsafe bool TryLock(void* address, nuint length, ILogger? logger)
    {
        int rc;
        int errno;
        try
        {
            rc = Mono.Unix.Native.Syscall.mlock((IntPtr)address, length);
            errno = rc == 0 ? 0 : (int)Mono.Unix.Native.NativeConvert.FromErrno(Mono.Unix.Native.Stdlib.GetLastError());
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            Warn(logger, $"mlock is not available ({e.GetType().Name}); buffers stay pageable");
            return false;
        }
        if (rc == 0) return true;
        Warn(logger, $"mlock of {length} bytes failed with {Errno.Describe(errno)}; buffers stay pageable" +
                     (errno is Errno.ENOMEM or Errno.EPERM ? " (raise RLIMIT_MEMLOCK or grant CAP_IPC_LOCK to lock them)" : ""));
        return false;
    }

    public static unsafe void Unlock(void* address, nuint length)
    {
        try { Mono.Unix.Native.Syscall.munlock((IntPtr)address, length); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException) { }
    }

    private static void Warn(ILogger? logger, string message)
    {
        if (Interlocked.Exchange(ref _warned, 1) == 0)
            logger?.LogWarning("{Message}", message);
    }
}
