namespace BsgKit.Bsg;

/// <summary>
/// Linux errno numbers seen on the bsg path, with their names and a one-line hint a person can act on.
/// The hints say what an errno means for any bsg node; what it means on a particular transport or driver is the
/// transport's to add (BsgKit.Fc: <c>FcErrnoHints</c>; BsgKit.Iscsi: the hints of <c>IscsiCommandFailedException</c>).
/// </summary>
public static class Errno
{
    /// <summary>Operation not permitted (1).</summary>
    public const int EPERM = 1;
    /// <summary>No such file or directory (2).</summary>
    public const int ENOENT = 2;
    /// <summary>No such process (3); a bsg transport's answer to a vendor_id that is not the driver's.</summary>
    public const int ESRCH = 3;
    /// <summary>Interrupted system call (4).</summary>
    public const int EINTR = 4;
    /// <summary>I/O error (5).</summary>
    public const int EIO = 5;
    /// <summary>No such device or address (6).</summary>
    public const int ENXIO = 6;
    /// <summary>Argument list too long (7).</summary>
    public const int E2BIG = 7;
    /// <summary>Bad file descriptor (9).</summary>
    public const int EBADF = 9;
    /// <summary>Resource temporarily unavailable (11), also EWOULDBLOCK.</summary>
    public const int EAGAIN = 11;
    /// <summary>Cannot allocate memory (12).</summary>
    public const int ENOMEM = 12;
    /// <summary>Permission denied (13).</summary>
    public const int EACCES = 13;
    /// <summary>Bad address (14).</summary>
    public const int EFAULT = 14;
    /// <summary>Device or resource busy (16).</summary>
    public const int EBUSY = 16;
    /// <summary>No such device (19).</summary>
    public const int ENODEV = 19;
    /// <summary>Not a directory (20).</summary>
    public const int ENOTDIR = 20;
    /// <summary>Is a directory (21).</summary>
    public const int EISDIR = 21;
    /// <summary>Invalid argument (22).</summary>
    public const int EINVAL = 22;
    /// <summary>Inappropriate ioctl for device (25).</summary>
    public const int ENOTTY = 25;
    /// <summary>No space left on device (28).</summary>
    public const int ENOSPC = 28;
    /// <summary>Read-only file system (30).</summary>
    public const int EROFS = 30;
    /// <summary>Function not implemented (38).</summary>
    public const int ENOSYS = 38;
    /// <summary>Too many levels of symbolic links (40).</summary>
    public const int ELOOP = 40;
    /// <summary>No message of desired type (42); the bsg transports' answer to a request shorter than their header.</summary>
    public const int ENOMSG = 42;
    /// <summary>Invalid request descriptor (53); the bsg transports' answer to a message for another kind of node.</summary>
    public const int EBADR = 53;
    /// <summary>Communication error on send (70).</summary>
    public const int ECOMM = 70;
    /// <summary>Message too long (90).</summary>
    public const int EMSGSIZE = 90;
    /// <summary>Operation not supported (95).</summary>
    public const int EOPNOTSUPP = 95;
    /// <summary>Software caused connection abort (103).</summary>
    public const int ECONNABORTED = 103;
    /// <summary>Connection timed out (110).</summary>
    public const int ETIMEDOUT = 110;
    /// <summary>Remote I/O error (121).</summary>
    public const int EREMOTEIO = 121;
    /// <summary>The kernel-internal "operation not supported" (524), which some drivers let reach user space.</summary>
    public const int ENOTSUPP = 524;

    private static readonly Dictionary<int, (string Name, string Hint)> Table = new()
    {
        [EPERM] = ("EPERM", "needs root or CAP_SYS_RAWIO (every SG_IO is checked)"),
        [ENOENT] = ("ENOENT", "no such bsg node: check `bsgkit list` for the hosts and remote ports this machine has"),
        [ESRCH] = ("ESRCH", "vendor_id does not match the driver (or the driver has no vendor channel): pick the vendor id for this HBA's driver"),
        [EINTR] = ("EINTR", "interrupted by a signal; the request may be retried"),
        [EIO] = ("EIO", "the driver reported an I/O error: the port may be offline, the driver removing, or the firmware failed the exchange"),
        [ENXIO] = ("ENXIO", "the device is going away (queue dying) or the driver aborted the command; check the port state"),
        [EBADF] = ("EBADF", "the node was not opened or was already closed"),
        [EAGAIN] = ("EAGAIN", "the driver is busy; try again"),
        [ENOMEM] = ("ENOMEM", "the kernel or driver could not allocate memory for the request"),
        [EACCES] = ("EACCES", "permission denied: needs root or CAP_SYS_RAWIO"),
        [EFAULT] = ("EFAULT", "a pointer or length in the request does not point at memory the caller owns"),
        [EBUSY] = ("EBUSY", "the driver is busy with another passthrough or the adapter is resetting; retry later"),
        [ENODEV] = ("ENODEV", "the driver has no usable path to the device this node stands for"),
        [EINVAL] = ("EINVAL", "the driver or transport refused the request as invalid (message code, payload or buffer sizes)"),
        [ENOTTY] = ("ENOTTY", "this ioctl is not supported on this file (is it a bsg node?)"),
        [ENOSYS] = ("ENOSYS", "the driver does not implement this vendor command"),
        [ENOMSG] = ("ENOMSG", "request too short: the transport needs at least its message header"),
        [EBADR] = ("EBADR", "message sent to the wrong kind of node: this transport takes that message code on another node"),
        [ECOMM] = ("ECOMM", "the driver could not send the request; check the link"),
        [EMSGSIZE] = ("EMSGSIZE", "message too long for the driver"),
        [EOPNOTSUPP] = ("EOPNOTSUPP", "the node does not take this kind of command, or the driver cannot map these buffers"),
        [ECONNABORTED] = ("ECONNABORTED", "the request was aborted before a response arrived"),
        [ETIMEDOUT] = ("ETIMEDOUT", "no response before the timeout"),
        [EREMOTEIO] = ("EREMOTEIO", "buffer exceeds the queue limits"),
        [ENOTSUPP] = ("ENOTSUPP", "the driver does not support this message (kernel-internal ENOTSUPP)"),
    };

    /// <summary>"EINVAL", or "errno 1234" for numbers outside the table.</summary>
    public static string NameOf(int errno)
    {
        if (Table.TryGetValue(errno, out var e)) return e.Name;
        // Mono.Posix knows every libc errno name; fall back to it for the rare ones.
        try
        {
            var name = Mono.Unix.Native.NativeConvert.ToErrno(errno).ToString();
            if (!int.TryParse(name, out _)) return name;
        }
        catch (ArgumentOutOfRangeException) { }
        return $"errno {errno}";
    }

    /// <summary>What <paramref name="errno"/> means on any bsg node, in one line; "see errno(3)" for numbers outside the table.</summary>
    public static string HintFor(int errno) =>
        Table.TryGetValue(errno, out var e) ? e.Hint : "see errno(3)";

    /// <summary>"EINVAL (22)".</summary>
    public static string Describe(int errno) => $"{NameOf(errno)} ({errno})";
}
