using BsgKit.Iscsi.Codes;

namespace BsgKit.Iscsi.Vendor;

/// <summary>
/// be2iscsi vendor commands (drivers/scsi/be2iscsi/be_mgmt.c mgmt_vendor_specific_fw_cmd, code-derived): words
/// [code, region, sector_size, sector, offset]. The driver allocates its DMA buffer from the request payload
/// length, so reads send a dout as large as the din. A 2026 report describes an out-of-bounds write in
/// WRITE_FLASH; the simulator's be2iscsi personality is where to fuzz it, not real hardware.
/// </summary>
public static class Be2iscsiCommands
{
    /// <summary>vendor_cmd words of READ_FLASH / WRITE_FLASH: code, region, sector_size, sector, offset.</summary>
    public const int FlashWords = 5;

    /// <summary>READ_FLASH of <paramref name="length"/> bytes at <paramref name="sector"/> × <paramref name="sectorSize"/> + <paramref name="offset"/> of <paramref name="region"/>; sends a dout as large as the din.</summary>
    public static IscsiVendorCommand ReadFlash(uint region, uint sectorSize, uint sector, uint offset, int length)
    {
        Qla4xxxCommands.RequirePositive(length);
        return new IscsiVendorCommand
        {
            Driver = IscsiDriver.Be2iscsi,
            Code = (uint)Be2iscsiVendorCommand.ReadFlash,
            Words = [(uint)Be2iscsiVendorCommand.ReadFlash, region, sectorSize, sector, offset],
            DinLength = length,
            Dout = new byte[length],
        };
    }

    /// <summary>WRITE_FLASH of <paramref name="data"/> to <paramref name="region"/> (a write: refused unless confirmed).</summary>
    public static IscsiVendorCommand WriteFlash(uint region, uint sectorSize, uint sector, uint offset, ReadOnlyMemory<byte> data)
    {
        if (data.IsEmpty) throw new ArgumentException("a write needs data", nameof(data));
        return new IscsiVendorCommand
        {
            Driver = IscsiDriver.Be2iscsi,
            Code = (uint)Be2iscsiVendorCommand.WriteFlash,
            Words = [(uint)Be2iscsiVendorCommand.WriteFlash, region, sectorSize, sector, offset],
            Dout = data,
            Writes = true,
        };
    }

    /// <summary>The flash byte address the simulator (and the firmware) uses: sector · sector_size + offset.</summary>
    public static long FlashAddress(uint sectorSize, uint sector, uint offset) => (long)sector * sectorSize + offset;
}
