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

    /// <summary>x86_64 only: ioctl whose low 32 bits of cmd equal SG_IO → USER_NOTIF; everything else ALLOW.</summary>
    private static readonly ulong[] Program =
    [
        Stmt(LdWAbs, 4),                                  // seccomp_data.arch
        Jump(JmpJeqK, AuditArchX8664, 1, 0),
        Stmt(RetK, RetAllow),
        Stmt(LdWAbs, 0),                                  // seccomp_data.nr
        Jump(JmpJeqK, NrIoctl, 1, 0),
        Stmt(RetK, RetAllow),
        Stmt(LdWAbs, 24),                                 // args[1], low word (little endian): the kernel truncates cmd to u32
        Jump(JmpJeqK, Bsg.BsgConstants.SgIo, 0, 1),
        Stmt(RetK, RetUserNotif),
        Stmt(RetK, RetAllow),
    ];

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
