using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// The target of `sim run` lives in its own process group, so the server can signal it and everything it
/// started at once; when it was started from an interactive shell's foreground it also gets the terminal
/// (Ctrl-C, Ctrl-\ and reads from the terminal reach it, as if the shell had started it), and the server
/// takes the terminal back when it is done.
/// </summary>
internal static unsafe class ProcessGroup
{
    /// <summary>Child side, before exec: a group of its own, with the terminal if its parent had it.</summary>
    public static void Lead()
    {
        var wasForeground = Libc.Tcgetpgrp(0) is var fg && fg > 0 && fg == Libc.Getpgrp();
        if (Libc.Setpgid(0, 0) != 0) return; // already a group leader (a session leader): stay where we are
        if (wasForeground) GiveTerminalTo(Environment.ProcessId);
    }

    /// <summary>Server side, after the child is gone: the terminal back to our group if the child's group has it.</summary>
    public static void TakeTerminalBackFrom(int childGroup)
    {
        if (Libc.Tcgetpgrp(0) == childGroup) GiveTerminalTo(Libc.Getpgrp());
    }

    /// <summary>tcsetpgrp from a background group raises SIGTTOU unless it is blocked (on this thread, restored after).</summary>
    private static void GiveTerminalTo(int group)
    {
        var set = stackalloc byte[Libc.SigsetBytes];
        var old = stackalloc byte[Libc.SigsetBytes];
        new Span<byte>(set, Libc.SigsetBytes).Clear();
        set[(Libc.SigTtou - 1) / 8] = (byte)(1 << ((Libc.SigTtou - 1) % 8));
        if (Libc.PthreadSigmask(Libc.SigBlock, set, old) != 0) return;
        Libc.Tcsetpgrp(0, group);
        Libc.PthreadSigmask(Libc.SigSetmask, old, null);
    }

    /// <summary>Sends <paramref name="signal"/> to the child's group, or to the child alone before it made its group.</summary>
    public static void Signal(int child, int signal)
    {
        if (Libc.Kill(-child, signal) != 0 && Marshal.GetLastPInvokeError() == Bsg.Errno.ESRCH) Libc.Kill(child, signal);
    }
}
