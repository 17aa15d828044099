namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg h_vendor.vendor_id: SCSI_NL_VID_TYPE_PCI | PCI vendor ID (include/scsi/scsi_netlink.h).</summary>
public static class VendorId
{
    /// <summary>SCSI_NL_VID_TYPE_PCI in the top byte.</summary>
    public const ulong TypePci = 1UL << 56;
    /// <summary>The vendor-id type byte.</summary>
    public const ulong TypeMask = 0xFFUL << 56;
    /// <summary>The bits between the type byte and a 16-bit PCI vendor ID, zero in a PCI vendor_id.</summary>
    private const ulong PciReservedMask = ~TypeMask & ~(ulong)ushort.MaxValue;

    /// <summary>PCI_VENDOR_ID_EMULEX (lpfc).</summary>
    public const ushort EmulexPci = 0x10DF;
    /// <summary>PCI_VENDOR_ID_QLOGIC (qla2xxx, qla4xxx).</summary>
    public const ushort QLogicPci = 0x1077;
    /// <summary>BE_VENDOR_ID, ServerEngines (be2iscsi).</summary>
    public const ushort ServerEnginesPci = 0x19A2;

    /// <summary>lpfc's hostt->vendor_id.</summary>
    public const ulong Emulex = TypePci | EmulexPci;
    /// <summary>qla2xxx's and qla4xxx's hostt->vendor_id.</summary>
    public const ulong QLogic = TypePci | QLogicPci;
    /// <summary>be2iscsi's hostt->vendor_id.</summary>
    public const ulong Be2iscsi = TypePci | ServerEnginesPci;

    /// <summary>SCSI_NL_VID_TYPE_PCI | <paramref name="pciVendor"/>.</summary>
    public static ulong ForPci(ushort pciVendor) => TypePci | pciVendor;

    /// <summary>The PCI vendor when <paramref name="vendorId"/> is of PCI type.</summary>
    public static bool TryGetPciVendor(ulong vendorId, out ushort pciVendor)
    {
        pciVendor = (ushort)vendorId;
        return (vendorId & TypeMask) == TypePci && (vendorId & PciReservedMask) == 0;
    }
}
