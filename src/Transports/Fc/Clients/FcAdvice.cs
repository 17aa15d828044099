namespace BsgKit.Fc.Clients;

/// <summary>
/// Advice the FC client's errors give, in the library's terms (catalog types, sysfs). A front end with its own way of
/// showing hosts and ports (the bsgkit CLI's `list`) replaces each text with its own words; it is written once, here.
/// </summary>
public static class FcAdvice
{
    /// <summary>Where the FC hosts are listed (a host number that is not an FC host).</summary>
    public const string ListHosts = "FcCatalogSnapshot.FcHosts lists the FC hosts on this machine";

    /// <summary>Where the remote ports are listed (a port that is not a remote port of the host).</summary>
    public const string ListRemotePorts = "FcCatalogSnapshot.RemotePorts lists the remote ports";

    /// <summary>A remote port without its /dev/bsg node (and no note from the catalog).</summary>
    public const string CreateNode = "create it with mknod (the catalog's BsgNode gives its device number)";

    /// <summary>A request that got no answer.</summary>
    public const string PortStateAndKernelLog = "check the remote port's port_state (FcRemotePortInfo.PortState) and the kernel log";
}
