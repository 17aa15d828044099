namespace BsgKit.Bsg;

/// <summary>
/// Advice the Bsg layer's errors give, in the library's terms (sysfs paths, catalog types). A front end that has its own
/// way of showing these things (the bsgkit CLI's `list`) replaces each text with its own words; it is written once, here.
/// </summary>
public static class BsgAdvice
{
    /// <summary>Open of a /dev/bsg node that does not exist (ENOENT).</summary>
    public const string NoSuchNode = "no such bsg node: /sys/class/bsg (BsgNodeCatalog.Scan) lists the hosts and remote ports this machine has";

    /// <summary>The generic ENOENT hint of <see cref="Errno.HintFor"/>.</summary>
    public const string NoSuchNodeErrno = "no such bsg node: check /sys/class/bsg (BsgNodeCatalog.Scan) for the hosts and remote ports this machine has";

    /// <summary>Where a remote port's state is (a request that got no answer).</summary>
    public const string CheckPortState = "check the port state (port_state in /sys/class/fc_remote_ports)";
}
