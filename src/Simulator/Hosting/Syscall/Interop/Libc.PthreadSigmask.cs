using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static unsafe partial class Libc
{
    internal const int SigBlock = 0, SigSetmask = 2;

    /// <summary>glibc's sigset_t: 1024 bits.</summary>
    internal const int SigsetBytes = 128;

    /// <summary>pthread_sigmask(3): returns the error number (0 on success), not -1/errno.</summary>
    [LibraryImport("libc", EntryPoint = "pthread_sigmask")]
    internal static partial int PthreadSigmask(int how, byte* set, byte* oldSet);
}
