using BsgKit.Bsg;

namespace BsgKit.Iscsi.Clients;

/// <summary>Base of the iSCSI client's errors; <see cref="BsgException.Hint"/> says what a person can do.</summary>
public class IscsiException(string? nodePath, string message, string hint, Exception? inner = null)
    : BsgException(nodePath, message, hint, inner);

/// <summary>The host cannot take this request: no bsg node (software iSCSI), wrong driver for the command, not an iSCSI host.</summary>
public sealed class IscsiNotSupportedException(string? nodePath, string message, string hint)
    : IscsiException(nodePath, message, hint);

/// <summary>A command that writes flash, NVRAM or adapter settings was sent without the caller's explicit confirmation.</summary>
public sealed class IscsiWriteRefusedException(string? nodePath, string command)
    : IscsiException(nodePath, $"{command} writes to the adapter and was not confirmed; nothing was sent",
        "writing flash or NVRAM can make the adapter unusable; confirm explicitly (allowWrite: true, or --yes-i-mean-it on the command line)")
{
    /// <summary>The command that was refused ("UPDATE_FLASH").</summary>
    public string Command { get; } = command;
}

/// <summary>The transport or the driver failed the command: an errno (ioctl failed) or a host byte (DID_ERROR).</summary>
public sealed class IscsiCommandFailedException(IscsiVendorResult r) : IscsiException(r.DevicePath,
    $"{r.Command} failed: " + (r.Errno != 0 ? Bsg.Errno.Describe(r.Errno)
        : r.Outcome == BsgOutcome.SilentIoError ? "no response (the request ended in an I/O error with every status 0)"
        : $"host byte {HostByte.NameOf(r.TransportStatus)} ({r.TransportStatus})"),
    HintFor(r))
{
    /// <summary>The failed exchange: errno, statuses and reply.</summary>
    public IscsiVendorResult Result { get; } = r;
    /// <summary>The errno the ioctl failed with; 0 when a status failed the command.</summary>
    public int Errno => Result.Errno;

    private static string HintFor(IscsiVendorResult r) => r.Errno switch
    {
        Bsg.Errno.ESRCH => $"the transport did not accept vendor_id 0x{r.VendorId:x16} for this host: the driver is not {r.Driver}, or it has no vendor channel",
        Bsg.Errno.EBADR => "the iSCSI transport accepts only ISCSI_BSG_HST_VENDOR (0x800000ff)",
        Bsg.Errno.ENOMSG => "the request is shorter than the 12-byte iscsi_bsg_request",
        Bsg.Errno.ENOSYS => $"this {r.Driver} driver does not implement {r.Command} (DIAG_TEST needs a newer kernel)",
        Bsg.Errno.EINVAL => "the driver refused the arguments: offset + length beyond the image, a payload too small, " +
                            "a diag test it does not know, or an adapter model without this command (NVRAM: ISP40xx only)",
        Bsg.Errno.EBUSY => "an adapter reset or another flash operation is in progress; retry shortly",
        Bsg.Errno.ENOMEM => "the driver could not allocate its DMA buffer; use a smaller length",
        _ when r.Errno != 0 => Bsg.Errno.HintFor(r.Errno),
        _ when r.Outcome == BsgOutcome.SilentIoError => "nothing completed the request before the timeout (the iSCSI transport has no timeout handler); check the kernel log",
        _ => "the adapter firmware failed the command; check the kernel log",
    };
}
