namespace BsgKit.Bsg;

/// <summary>Base of every error the Bsg layer raises. Always names the node it concerns.</summary>
public class BsgException : Exception
{
    /// <summary>The /dev/bsg path (or sysfs path) the error is about; null when none applies.</summary>
    public string? NodePath { get; }

    /// <summary>A one-line hint a person can act on.</summary>
    public string Hint { get; }

    /// <summary>An error about <paramref name="nodePath"/> with what happened (<paramref name="message"/>) and what to do (<paramref name="hint"/>).</summary>
    public BsgException(string? nodePath, string message, string hint, Exception? inner = null)
        : base(message, inner)
    {
        NodePath = nodePath;
        Hint = hint;
    }
}

/// <summary>
/// A system call on a bsg node failed with an errno: open(), or ioctl(SG_IO) returning -1. When the
/// ioctl failed the kernel did not update the header; <see cref="KernelResult"/> is the negative result
/// the kernel copied into the first 4 reply bytes, when it got that far.
/// </summary>
public class BsgErrnoException : BsgException
{
    /// <summary>The positive errno.</summary>
    public int Errno { get; }
    /// <summary>"EINVAL" for <see cref="Errno"/>.</summary>
    public string ErrnoName => Bsg.Errno.NameOf(Errno);
    /// <summary>The call that failed: "open" or "SG_IO".</summary>
    public string Operation { get; }
    /// <summary>The driver's negative result from the reply's first 4 bytes, when SG_IO got that far.</summary>
    public int? KernelResult { get; }

    /// <summary><paramref name="operation"/> on <paramref name="nodePath"/> failed with <paramref name="errno"/>; the hint is <paramref name="hint"/> or the errno's generic one.</summary>
    public BsgErrnoException(string nodePath, string operation, int errno, int? kernelResult = null, string? hint = null)
        : base(nodePath,
            $"{operation} on {nodePath} failed: {Bsg.Errno.Describe(errno)}" +
            (kernelResult is int r && r != 0 ? $" (driver result {r})" : "") +
            $" — {hint ?? Bsg.Errno.HintFor(errno)}",
            hint ?? Bsg.Errno.HintFor(errno))
    {
        Errno = errno;
        Operation = operation;
        KernelResult = kernelResult;
    }

    /// <summary>The right subclass for the errno, so callers can catch by meaning.</summary>
    public static BsgErrnoException For(string nodePath, string operation, int errno, int? kernelResult = null) => errno switch
    {
        Bsg.Errno.EPERM or Bsg.Errno.EACCES when operation == "open" || kernelResult is null or 0 =>
            new BsgPermissionException(nodePath, operation, errno, kernelResult),
        Bsg.Errno.ENOENT or Bsg.Errno.ENXIO or Bsg.Errno.ENODEV when operation == "open" =>
            new BsgNodeNotFoundException(nodePath, errno),
        Bsg.Errno.ETIMEDOUT => new BsgTimeoutException(nodePath, operation, errno, kernelResult),
        _ => new BsgErrnoException(nodePath, operation, errno, kernelResult),
    };
}

/// <summary>EPERM/EACCES: the caller needs root or CAP_SYS_RAWIO (or the node's mode forbids it).</summary>
public sealed class BsgPermissionException(string nodePath, string operation, int errno, int? kernelResult = null)
    : BsgErrnoException(nodePath, operation, errno, kernelResult,
        "needs root or CAP_SYS_RAWIO (run with sudo, or grant the capability); /dev/bsg nodes are 0600 root by default");

/// <summary>The node does not exist (ENOENT on open, or the queue is going away).</summary>
public sealed class BsgNodeNotFoundException(string nodePath, int errno)
    : BsgErrnoException(nodePath, "open", errno, null,
        errno == Bsg.Errno.ENOENT
            ? "no such bsg node: `bsgkit list` shows the hosts and remote ports this machine has"
            : "the device is going away; check the host and port state");

/// <summary>ETIMEDOUT from the driver: nothing answered before the timeout.</summary>
public sealed class BsgTimeoutException(string nodePath, string operation, int errno, int? kernelResult)
    : BsgErrnoException(nodePath, operation, errno, kernelResult);

/// <summary>
/// The ioctl succeeded but transport_status, device_status or driver_status is non-zero
/// (for example qla2xxx error completions: DID_ERROR, transport_status 7).
/// </summary>
public sealed class BsgTransportStatusException(string nodePath, uint transportStatus, uint deviceStatus, uint driverStatus)
    : BsgException(nodePath,
        $"SG_IO on {nodePath} completed with an error status: transport {HostByte.NameOf(transportStatus)} ({transportStatus}), device 0x{deviceStatus:x2}, driver 0x{driverStatus:x2}",
        "the driver failed the exchange (firmware error or port gone); check the port state and the kernel log")
{
    /// <summary>sg_io_v4.transport_status: the host byte.</summary>
    public uint TransportStatus { get; } = transportStatus;
    /// <summary>sg_io_v4.device_status: the SCSI status.</summary>
    public uint DeviceStatus { get; } = deviceStatus;
    /// <summary>sg_io_v4.driver_status: the driver byte.</summary>
    public uint DriverStatus { get; } = driverStatus;
}

/// <summary>
/// The kernel's silent I/O error: ioctl 0, every status 0, but nothing was received (the rport was blocked
/// or offline at dispatch, the driver refused the job, or a timeout ended it). Never a success.
/// </summary>
public sealed class BsgSilentIoErrorException(string nodePath, uint dinXferLen)
    : BsgException(nodePath,
        $"SG_IO on {nodePath} returned success but no response arrived ({dinXferLen} bytes expected, 0 received): the request failed or timed out inside the kernel",
        "the remote port may be blocked or offline, or nothing answered before the timeout; check the port state with `bsgkit list`");
