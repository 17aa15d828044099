using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "tcsetpgrp", SetLastError = true)]
    internal static partial int Tcsetpgrp(int fd, int pgrp);
}
