namespace BsgKit.Iscsi.Clients;

/// <summary>
/// Advice the iSCSI client's errors give, in the library's terms (catalog types, method parameters). A front end with
/// its own words for these (the bsgkit CLI: `list`, `iscsi`, --yes-i-mean-it) replaces each text; it is written once, here.
/// </summary>
public static class IscsiAdvice
{
    /// <summary>Where the iSCSI hosts are listed (a host number that is not an iSCSI host).</summary>
    public const string ListHosts = "IscsiCatalogSnapshot.IscsiHosts lists the iSCSI hosts on this machine";

    /// <summary>Where a driver's vendor commands are listed; the driver's name follows.</summary>
    public const string CommandsOf = "IscsiCodes.CommandsFor lists the commands for ";

    /// <summary>How a caller confirms a write to flash, NVRAM or adapter settings.</summary>
    public const string ConfirmWrite = "confirm explicitly (allowWrite: true)";
}
