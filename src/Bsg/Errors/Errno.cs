namespace BsgKit.Bsg;

/// <summary>
/// Linux errno numbers seen on the bsg path, with their names and a one-line hint a person can act on.
/// The hints are about BSG passthrough specifically; the table is the one place they live.
/// </summary>
public static class Errno
{
    public const int EPERM = 1, ENOENT = 2, ESRCH = 3, EINTR = 4, EIO = 5, ENXIO = 6, E2BIG = 7, EBADF = 9,
        EAGAIN = 11, ENOMEM = 12, EACCES = 13, EFAULT = 14, EBUSY = 16, ENODEV = 19, ENOTDIR = 20,
        EISDIR = 21, EINVAL = 22, ENOTTY = 25, ENOSPC = 28, EROFS = 30, ENOSYS = 38, ENOMSG = 42, EBADR = 53,
        ECOMM = 70, EMSGSIZE = 90, EOPNOTSUPP = 95, ECONNABORTED = 103, ETIMEDOUT = 110,
        EREMOTEIO = 121, ENOTSUPP = 524, ELOOP = 40;

    private static readonly Dictionary<int, (string Name, string Hint)> Table = new()
    {
        [EPERM] = ("EPERM", "needs root or CAP_SYS_RAWIO (every SG_IO is checked); qla2xxx also answers EPERM for an isolated port or multi-segment ELS"),
        [ENOENT] = ("ENOENT", BsgAdvice.NoSuchNodeErrno),
        [ESRCH] = ("ESRCH", "vendor_id does not match the driver (or the driver has no vendor channel): pick the vendor id for this HBA's driver"),
        [EINTR] = ("EINTR", "interrupted by a signal; the request may be retried"),
        [EIO] = ("EIO", "the driver reported an I/O error: the port may be offline, the driver removing, or the firmware failed the exchange"),
        [ENXIO] = ("ENXIO", "the device is going away (queue dying) or the driver aborted the command; check the port state"),
        [EBADF] = ("EBADF", "the node was not opened or was already closed"),
        [EAGAIN] = ("EAGAIN", "the driver is busy; try again"),
        [ENOMEM] = ("ENOMEM", "the kernel or driver could not allocate memory for the request"),
        [EACCES] = ("EACCES", "permission denied: needs root or CAP_SYS_RAWIO (lpfc also reports rejected CT exchanges this way)"),
        [EFAULT] = ("EFAULT", "a pointer or length in the request does not point at memory the caller owns"),
        [EBUSY] = ("EBUSY", "the driver allows one passthrough at a time (ibmvfc) or the adapter is resetting; retry later"),
        [ENODEV] = ("ENODEV", "the driver has no usable login for that remote port"),
        [EINVAL] = ("EINVAL", "the driver or transport refused the request: wrong msgcode for this driver, missing payload, bad preamble, or buffer too large"),
        [ENOTTY] = ("ENOTTY", "this ioctl is not supported on this file (is it a bsg node?)"),
        [ENOSYS] = ("ENOSYS", "the driver does not implement this vendor command"),
        [ENOMSG] = ("ENOMSG", "request too short: the transport needs at least the msgcode (4 bytes; 12 for iSCSI)"),
        [EBADR] = ("EBADR", "message sent to the wrong kind of node: HST_* codes go to fc_hostN, RPT_* codes to rport-H:C-N"),
        [ECOMM] = ("ECOMM", "the driver could not send the exchange (libfc); check the link"),
        [EMSGSIZE] = ("EMSGSIZE", "message too long for the driver"),
        [EOPNOTSUPP] = ("EOPNOTSUPP", "the adapter needs a single buffer of at most one page (zfcp), or the node does not take this kind of command"),
        [ECONNABORTED] = ("ECONNABORTED", "the exchange was closed before a response arrived (libfc)"),
        [ETIMEDOUT] = ("ETIMEDOUT", "no response before the timeout: the port may be gone, or the fabric dropped the frame"),
        [EREMOTEIO] = ("EREMOTEIO", "buffer exceeds the queue limits"),
        [ENOTSUPP] = ("ENOTSUPP", "the driver does not support this message (kernel-internal ENOTSUPP, e.g. ibmvfc)"),
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

    public static string HintFor(int errno) =>
        Table.TryGetValue(errno, out var e) ? e.Hint : "see errno(3)";

    /// <summary>"EINVAL (22)".</summary>
    public static string Describe(int errno) => $"{NameOf(errno)} ({errno})";
}
