namespace BsgKit.Fc.FcBsg;

/// <summary>fc_bsg h_vendor.vendor_id: SCSI_NL_VID_TYPE_PCI | PCI vendor ID (include/scsi/scsi_netlink.h).</summary>
public static class VendorId
{
    public const ulong TypePci = 1UL << 56;
    public const ulong TypeMask = 0xFFUL << 56;

    public const ushort EmulexPci = 0x10DF;       // lpfc
    public const ushort QLogicPci = 0x1077;       // qla2xxx, qla4xxx
    public const ushort ServerEnginesPci = 0x19A2; // be2iscsi (BE_VENDOR_ID)

    public static readonly ulong Emulex = ForPci(EmulexPci);
    public static readonly ulong QLogic = ForPci(QLogicPci);
    public static readonly ulong Be2iscsi = ForPci(ServerEnginesPci);

    public static ulong ForPci(ushort pciVendor) => TypePci | pciVendor;

    /// <summary>The PCI vendor when <paramref name="vendorId"/> is of PCI type.</summary>
    public static bool TryGetPciVendor(ulong vendorId, out ushort pciVendor)
    {
        pciVendor = (ushort)vendorId;
        return (vendorId & TypeMask) == TypePci && (vendorId & 0x00FF_FFFF_FFFF_0000UL) == 0;
    }
}
