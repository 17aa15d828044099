namespace BsgKit.Iscsi.IscsiBsg;

/// <summary>h_vendor.vendor_id: SCSI_NL_VID_TYPE_PCI (1 &lt;&lt; 56) | PCI vendor ID (include/scsi/scsi_netlink.h).</summary>
public static class IscsiVendorId
{
    public const ulong TypePci = 1UL << 56;

    public const ushort QLogicPci = 0x1077;        // qla4xxx
    public const ushort ServerEnginesPci = 0x19A2; // be2iscsi (BE_VENDOR_ID)

    public const ulong Qla4xxx = TypePci | QLogicPci;        // 0x0100000000001077
    public const ulong Be2iscsi = TypePci | ServerEnginesPci; // 0x01000000000019A2

    public static ulong ForPci(ushort pciVendor) => TypePci | pciVendor;
}
