using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "getppid")]
    internal static partial int Getppid();
}
