using System.Runtime.InteropServices;
using BsgKit.Simulator.Hosting.Syscall.Interop;

namespace BsgKit.Simulator.Hosting.Syscall;

/// <summary>
/// seccomp user notification, as simulator-hosting.md describes it: a BPF filter that turns ioctl(…, SG_IO, …)
/// into a notification for a userspace server, and the notification structs by explicit offset.
/// </summary>
internal static unsafe class Seccomp
{
    public const uint SetModeFilter = 1;
    public const uint FlagTsync = 1, FlagNewListener = 8, FlagTsyncEsrch = 16, FlagWaitKillableRecv = 32;
    public const uint RetAllow = 0x7fff0000, RetUserNotif = 0x7fc00000;
    public const uint AuditArchX8664 = 0xC000003E;
    public const int NrIoctl = 16;

    public const nuint IoctlNotifRecv = 0xC0502100, IoctlNotifSend = 0xC0182101, IoctlNotifIdValid = 0x40082102,
        IoctlNotifSetFlags = 0x40082104;
    public const ulong UserNotifFlagContinue = 1, UserNotifFdSyncWakeUp = 1;

    /// <summary>struct seccomp_notif: id@0, pid@8, flags@12, data@16 (nr@16, arch@20, ip@24, args[6]@32).</summary>
    public const int NotifSize = 80, NotifRespSize = 24;

    // struct sock_filter { u16 code; u8 jt; u8 jf; u32 k; }
    private static ulong Stmt(ushort code, uint k) => code | (ulong)k << 32;
    private static ulong Jump(ushort code, uint k, byte jt, byte jf) => code | (ulong)jt << 16 | (ulong)jf << 24 | (ulong)k << 32;

    private const ushort LdWAbs = 0x00 | 0x00 | 0x20, JmpJeqK = 0x05 | 0x10 | 0x00, RetK = 0x06 | 0x00;

    /// <summary>
    /// x86_64 only: ioctl whose low 32 bits of cmd is one bsg answers (<see cref="Kernel.SimKernel.BsgIoctls"/>:
    /// SG_IO and the informational ones) → USER_NOTIF; everything else ALLOW. On a file that is not a simulated
    /// node the server lets the real kernel answer.
    /// </summary>
    private static readonly ulong[] Program = BuildProgram(Kernel.SimKernel.BsgIoctls);

    private static ulong[] BuildProgram(ReadOnlySpan<uint> commands)
    {
        var p = new List<ulong>
        {
            Stmt(LdWAbs, 4),                              // seccomp_data.arch
            Jump(JmpJeqK, AuditArchX8664, 1, 0),
            Stmt(RetK, RetAllow),
            Stmt(LdWAbs, 0),                              // seccomp_data.nr
            Jump(JmpJeqK, NrIoctl, 1, 0),
            Stmt(RetK, RetAllow),
            Stmt(LdWAbs, 24),                             // args[1], low word (little endian): the kernel truncates cmd to u32
        };
        // One compare per command; a match jumps over the remaining compares and the ALLOW to USER_NOTIF.
        for (var i = 0; i < commands.Length; i++)
            p.Add(Jump(JmpJeqK, commands[i], (byte)(commands.Length - i), 0));
        p.Add(Stmt(RetK, RetAllow));
        p.Add(Stmt(RetK, RetUserNotif));
        return [.. p];
    }

    /// <summary>
    /// Serves one notification: fills <paramref name="response"/> (a zeroed struct seccomp_notif_resp) and says whether
    /// to send it (false: the caller is gone). The sender sends it, so it is counted idle before its caller runs on.
    /// </summary>
    public delegate bool NotificationHandler(in Notification notification, byte* response);

    /// <summary>What the server needs of a struct seccomp_notif: id, pid, and ioctl's fd, cmd and argument.</summary>
    public readonly record struct Notification(ulong Id, int Pid, int Fd, uint Command, ulong Argument)
    {
        public static Notification Read(byte* notif)
        {
            var args = (ulong*)(notif + 32);
            return new(*(ulong*)notif, *(int*)(notif + 8), (int)args[0], (uint)args[1], args[2]);
        }
    }

    /// <summary>
    /// Installs the filter on every thread of this process (TSYNC: the .NET runtime has many) and returns the
    /// listener fd. WAIT_KILLABLE_RECV makes each request run exactly once even when the caller takes signals.
    /// </summary>
    public static int InstallSgIoFilter(out int errno)
    {
        fixed (ulong* filter = Program)
        {
            // struct sock_fprog { unsigned short len; struct sock_filter *filter; } — pointer at offset 8.
            var fprog = stackalloc byte[16];
            new Span<byte>(fprog, 16).Clear();
            *(ushort*)fprog = (ushort)Program.Length;
            *(ulong**)(fprog + 8) = filter;
            var rc = Libc.Syscall(Libc.SysSeccomp, SetModeFilter,
                FlagTsync | FlagNewListener | FlagTsyncEsrch | FlagWaitKillableRecv, (long)fprog);
            errno = rc < 0 ? Marshal.GetLastPInvokeError() : 0;
            return (int)rc;
        }
    }

    public static int Errno() => Marshal.GetLastPInvokeError();
}
