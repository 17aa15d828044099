using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

internal static partial class Libc
{
    [LibraryImport("libc", EntryPoint = "getpgrp")]
    internal static partial int Getpgrp();
}
