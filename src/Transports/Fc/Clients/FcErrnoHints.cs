using BsgKit.Bsg;

namespace BsgKit.Fc.Clients;

/// <summary>
/// What an errno means on an FC bsg node (fc_hostN, rport-H:C-N), by driver where the drivers differ
/// (docs/reference/drivers.md); numbers without an FC meaning get <see cref="Errno.HintFor"/>'s generic hint.
/// The FC exceptions and <see cref="FcExchangeResult.Detail"/> take their errno hints from here.
/// </summary>
public static class FcErrnoHints
{
    private static readonly Dictionary<int, string> Table = new()
    {
        [Errno.EPERM] = "needs root or CAP_SYS_RAWIO (every SG_IO is checked); qla2xxx also answers EPERM for an isolated port or multi-segment ELS",
        [Errno.EACCES] = "permission denied: needs root or CAP_SYS_RAWIO (lpfc also reports rejected CT exchanges this way)",
        [Errno.EBUSY] = "the driver is busy (ibmvfc allows one passthrough per host; qla2xxx during chip reset); retry shortly",
        [Errno.ENODEV] = "the driver has no usable login for that remote port",
        [Errno.EINVAL] = "the driver or transport refused the request: wrong msgcode for this driver, missing payload, bad preamble, or buffer too large",
        [Errno.ENOMSG] = "request too short: the FC transport needs at least the 4-byte msgcode",
        [Errno.EBADR] = "the msgcode was sent to the wrong kind of node (host codes go to fc_hostN, rport codes to rport-H:C-N)",
        [Errno.ECOMM] = "the driver could not send the exchange (libfc); check the link",
        [Errno.EOPNOTSUPP] = "the driver needs single-segment buffers of at most one page; lower the response size",
        [Errno.ECONNABORTED] = "the exchange was closed before a response arrived (libfc)",
        [Errno.ETIMEDOUT] = "no response before the timeout: the port may be gone, or the fabric dropped the frame",
        [Errno.ENOTSUPP] = "the driver does not support this message (kernel-internal ENOTSUPP, e.g. ibmvfc)",
    };

    /// <summary>The FC meaning of <paramref name="errno"/>, or the generic bsg hint when FC adds nothing.</summary>
    public static string HintFor(int errno) => Table.TryGetValue(errno, out var hint) ? hint : Errno.HintFor(errno);

    /// <summary>Whether FC gives <paramref name="errno"/> a meaning of its own (beyond the generic bsg hint).</summary>
    public static bool HasFcMeaning(int errno) => Table.ContainsKey(errno);
}
