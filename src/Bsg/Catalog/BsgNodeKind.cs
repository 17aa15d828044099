namespace BsgKit.Bsg.Catalog;

/// <summary>What a /dev/bsg node talks to, from its name (docs/reference/sysfs.md §1).</summary>
public enum BsgNodeKind
{
    /// <summary>A name none of the kernel's bsg users gives (or numbers too large to be real).</summary>
    Unknown,
    /// <summary>fc_hostN: FC_BSG_HST_* messages.</summary>
    FcHost,
    /// <summary>rport-H:C-N: FC_BSG_RPT_* messages.</summary>
    FcRemotePort,
    /// <summary>iscsi_hostN: ISCSI_BSG_HST_VENDOR.</summary>
    IscsiHost,
    /// <summary>H:C:T:L: SCSI CDBs (subprotocol 0).</summary>
    ScsiDevice,
}
