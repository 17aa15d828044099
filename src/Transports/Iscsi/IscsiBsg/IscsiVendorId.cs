namespace BsgKit.Iscsi.IscsiBsg;

/// <summary>h_vendor.vendor_id: SCSI_NL_VID_TYPE_PCI (1 &lt;&lt; 56) | PCI vendor ID (include/scsi/scsi_netlink.h).</summary>
public static class IscsiVendorId
{
    /// <summary>SCSI_NL_VID_TYPE_PCI: the vendor-id type for a PCI vendor number in the low 16 bits.</summary>
    public const ulong TypePci = 1UL << 56;

    /// <summary>PCI vendor ID of QLogic (qla4xxx).</summary>
    public const ushort QLogicPci = 0x1077;        // qla4xxx
    /// <summary>PCI vendor ID of ServerEngines (be2iscsi's BE_VENDOR_ID).</summary>
    public const ushort ServerEnginesPci = 0x19A2; // be2iscsi (BE_VENDOR_ID)

    /// <summary>qla4xxx's scsi_host_template vendor_id: 0x0100000000001077.</summary>
    public const ulong Qla4xxx = TypePci | QLogicPci;        // 0x0100000000001077
    /// <summary>be2iscsi's scsi_host_template vendor_id: 0x01000000000019A2.</summary>
    public const ulong Be2iscsi = TypePci | ServerEnginesPci; // 0x01000000000019A2

    /// <summary>The vendor_id for PCI vendor <paramref name="pciVendor"/>.</summary>
    public static ulong ForPci(ushort pciVendor) => TypePci | pciVendor;
}
