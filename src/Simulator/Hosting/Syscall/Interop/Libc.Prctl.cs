using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    internal const int PrSetPdeathsig = 1, PrSetNoNewPrivs = 38;

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    internal static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
