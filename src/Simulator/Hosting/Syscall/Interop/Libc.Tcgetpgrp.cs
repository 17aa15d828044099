using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    /// <summary>The terminal's foreground process group, or -1 (ENOTTY: <paramref name="fd"/> is no terminal of ours).</summary>
    [LibraryImport("libc", EntryPoint = "tcgetpgrp", SetLastError = true)]
    internal static partial int Tcgetpgrp(int fd);
}
