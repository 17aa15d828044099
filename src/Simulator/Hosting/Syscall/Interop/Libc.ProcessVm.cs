using System.Runtime.InteropServices;

namespace BsgKit.Simulator.Hosting.Syscall.Interop;

[StructLayout(LayoutKind.Sequential)]
internal struct IoVec
{
    public nint Base;
    public nuint Length;
}

internal static unsafe partial class Libc
{
    /// <summary>process_vm_readv(2): copies from another process's memory; fails (EFAULT) on any unmapped byte.</summary>
    [LibraryImport("libc", EntryPoint = "process_vm_readv", SetLastError = true)]
    internal static partial nint ProcessVmReadv(int pid, IoVec* local, nuint localCount, IoVec* remote, nuint remoteCount, nuint flags);

    [LibraryImport("libc", EntryPoint = "process_vm_writev", SetLastError = true)]
    internal static partial nint ProcessVmWritev(int pid, IoVec* local, nuint localCount, IoVec* remote, nuint remoteCount, nuint flags);
}
