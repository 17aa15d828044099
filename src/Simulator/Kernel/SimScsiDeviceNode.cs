using System.Text;
using BsgKit.Bsg.Catalog;

namespace BsgKit.Simulator.Kernel;

/// <summary>
/// A SCSI device's bsg node (H:C:T:L), enough of a read-only disk of <see cref="Blocks"/> zeroed 512-byte blocks for a
/// host's SCSI scan and sd's probe: INQUIRY (standard, like scsi_debug; VPD pages 0x00, 0x80, 0x83), TEST UNIT READY,
/// REPORT LUNS (LUN 0), REQUEST SENSE, READ CAPACITY (10/16), MODE SENSE (6/10, write-protected), READ (6/10/16),
/// SYNCHRONIZE CACHE / START STOP UNIT / PREVENT ALLOW (no-ops); writes get DATA PROTECT, every other opcode
/// CHECK CONDITION, ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE. The software FCF serves the same disk as LUN 0
/// of each simulated FCP target.
/// </summary>
public sealed class SimScsiDeviceNode(string name, string vendor = "Linux", string product = "scsi_debug", string revision = "0191")
    : SimNode(name, BsgNodeKind.ScsiDevice)
{
    /// <summary>SCSI status GOOD / CHECK CONDITION.</summary>
    public const byte Good = 0x00, CheckCondition = 0x02;
    /// <summary>Logical block size of the simulated LUN, in bytes.</summary>
    public const int BlockSize = 512;
    /// <summary>8 MiB, like the lane's scsi_debug (dev_size_mb=8).</summary>
    public const long Blocks = 16384;

    /// <summary>
    /// Answer standard INQUIRY as scsi_debug does (resp_inquiry, its 96-byte long form: additional length 91,
    /// version date, version descriptors SAM-6, SPC-5, SBC-4, SPL-4) instead of the minimal 36 bytes.
    /// </summary>
    public bool ScsiDebugInquiry { get; init; }

    /// <summary>
    /// Whether the LLD behind the LUN hands the residual to the SCSI midlayer (din_resid). libfc does not: fc_io_compl
    /// keeps FCP_RSP's residual in its private resid_len and never calls scsi_set_resid, so din_resid stays 0.
    /// </summary>
    public bool ReportsResidual { get; init; } = true;

    /// <summary>Unit serial number (VPD page 0x80); LUNs behind FC targets use the target's WWPN, so multipath tells them apart.</summary>
    public string Serial { get; init; } = name;

    /// <inheritdoc/>
    public override int Dispatch(BsgJob job) => -1; // never used: SCSI nodes go through scsi_bsg, not bsg-lib

    /// <summary>Runs one CDB: SCSI status, sense data and how many data-in bytes were written.</summary>
    public (byte Status, byte[] Sense, int Length) Execute(ReadOnlySpan<byte> cdb, Span<byte> dataIn)
    {
        switch (cdb[0])
        {
            case 0x00: // TEST UNIT READY
                return (Good, [], 0);
            case 0x12 when cdb.Length >= 6 && (cdb[1] & 1) == 0 && ScsiDebugInquiry:
            {
                Span<byte> inq = stackalloc byte[96];
                inq.Clear();
                inq[2] = 0x07;   // SPC-5
                inq[3] = 0x02;   // response data format 2
                inq[4] = 96 - 5; // additional length
                inq[6] = 0x10;   // MultiP
                inq[7] = 0x0a;   // Sync | CmdQue
                Pad(inq[8..16], vendor);
                Pad(inq[16..32], product);
                Pad(inq[32..36], revision);
                Encoding.ASCII.GetBytes("20210520", inq[36..44]);
                inq[58] = 0x00; inq[59] = 0xc0;  // SAM-6
                inq[60] = 0x05; inq[61] = 0xc0;  // SPC-5
                inq[62] = 0x06; inq[63] = 0x00;  // SBC-4
                inq[64] = 0x21; inq[65] = 0x00;  // SPL-4
                var allocation = cdb[3] << 8 | cdb[4];
                var n = Math.Min(Math.Min(96, allocation), dataIn.Length);
                inq[..n].CopyTo(dataIn);
                return (Good, [], n);
            }
            case 0x12 when cdb.Length >= 6 && (cdb[1] & 1) == 0: // standard INQUIRY
            {
                Span<byte> inq = stackalloc byte[36];
                inq.Clear();
                inq[0] = 0x00;   // direct-access block device
                inq[2] = 0x07;   // SPC-5
                inq[3] = 0x02;   // response data format 2
                inq[4] = 31;     // additional length
                inq[7] = 0x02;   // CmdQue
                Pad(inq[8..16], vendor);
                Pad(inq[16..32], product);
                Pad(inq[32..36], revision);
                var allocation = cdb[3] << 8 | cdb[4];
                var n = Math.Min(Math.Min(36, allocation), dataIn.Length);
                inq[..n].CopyTo(dataIn);
                return (Good, [], n);
            }
            case 0x12 when cdb.Length >= 6: // INQUIRY, vital product data
                return VitalProductData(cdb, dataIn);
            case 0xA0 when cdb.Length >= 12: // REPORT LUNS: LUN 0 only
            {
                Span<byte> list = stackalloc byte[16];
                list.Clear();
                list[3] = 8;
                return (Good, [], Copy(list, AllocationLength32(cdb, 6), dataIn));
            }
            case 0x03: // REQUEST SENSE: nothing pending
            {
                Span<byte> sense = stackalloc byte[18];
                sense.Clear();
                sense[0] = 0x70;
                sense[7] = 10;
                return (Good, [], Copy(sense, cdb.Length > 4 ? cdb[4] : 18, dataIn));
            }
            case 0x25: // READ CAPACITY (10)
            {
                Span<byte> cap = stackalloc byte[8];
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(cap, (uint)(Blocks - 1));
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(cap[4..], BlockSize);
                return (Good, [], Copy(cap, 8, dataIn));
            }
            case 0x9E when cdb.Length >= 16 && (cdb[1] & 0x1F) == 0x10: // READ CAPACITY (16)
            {
                Span<byte> cap = stackalloc byte[32];
                cap.Clear();
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(cap, (ulong)(Blocks - 1));
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(cap[8..], BlockSize);
                return (Good, [], Copy(cap, AllocationLength32(cdb, 10), dataIn));
            }
            case 0x1A: // MODE SENSE (6): header only, write-protected
            {
                Span<byte> mode = [3, 0, 0x80, 0];
                return (Good, [], Copy(mode, cdb.Length > 4 ? cdb[4] : 4, dataIn));
            }
            case 0x5A when cdb.Length >= 10: // MODE SENSE (10)
            {
                Span<byte> mode = [0, 6, 0, 0x80, 0, 0, 0, 0];
                return (Good, [], Copy(mode, cdb[7] << 8 | cdb[8], dataIn));
            }
            case 0x08 or 0x28 or 0x88: // READ (6/10/16): zeros
            {
                var (lba, count) = cdb[0] switch
                {
                    0x08 => ((long)((cdb[1] & 0x1F) << 16 | cdb[2] << 8 | cdb[3]), cdb[4] == 0 ? 256L : cdb[4]),
                    0x28 when cdb.Length >= 10 => ((long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(cdb[2..]), (long)(cdb[7] << 8 | cdb[8])),
                    _ when cdb.Length >= 16 => ((long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(cdb[2..]), (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(cdb[10..])),
                    _ => (-1L, 0L),
                };
                if (lba < 0 || lba + count > Blocks) return (CheckCondition, Sense(0x05, 0x21), 0); // LBA out of range
                var bytes = (int)Math.Min(count * BlockSize, dataIn.Length);
                dataIn[..bytes].Clear();
                return (Good, [], bytes);
            }
            case 0x0A or 0x2A or 0x8A or 0x2E or 0x8E or 0x41 or 0x93: // writes
                return (CheckCondition, Sense(0x07, 0x27), 0); // DATA PROTECT, WRITE PROTECTED
            case 0x35 or 0x91 or 0x1B or 0x1E: // SYNCHRONIZE CACHE, START STOP UNIT, PREVENT ALLOW MEDIUM REMOVAL
                return (Good, [], 0);
            default:
                return (CheckCondition, Sense(0x05, 0x20), 0); // ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE
        }
    }

    /// <summary>What a LUN that does not exist answers: INQUIRY with peripheral qualifier 3 (not supported), else LOGICAL UNIT NOT SUPPORTED.</summary>
    public static (byte Status, byte[] Sense, int Length) NoLogicalUnit(ReadOnlySpan<byte> cdb, Span<byte> dataIn)
    {
        if (cdb[0] != 0x12 || cdb.Length < 6) return (CheckCondition, Sense(0x05, 0x25), 0);
        Span<byte> inq = stackalloc byte[36];
        inq.Clear();
        inq[0] = 0x7F;
        inq[2] = 0x07;
        inq[3] = 0x02;
        inq[4] = 31;
        return (Good, [], Copy(inq, cdb[3] << 8 | cdb[4], dataIn));
    }

    /// <summary>Fixed-format sense data with a sense key and ASC (ASCQ 0).</summary>
    public static byte[] Sense(byte key, byte asc)
    {
        var sense = new byte[18];
        sense[0] = 0x70;
        sense[2] = key;
        sense[7] = 10;
        sense[12] = asc;
        return sense;
    }

    private (byte, byte[], int) VitalProductData(ReadOnlySpan<byte> cdb, Span<byte> dataIn)
    {
        var allocation = cdb[3] << 8 | cdb[4];
        Span<byte> page = stackalloc byte[64];
        page.Clear();
        page[1] = cdb[2];
        int length;
        switch (cdb[2])
        {
            case 0x00: // supported pages
                page[3] = 3;
                page[4] = 0x00; page[5] = 0x80; page[6] = 0x83;
                length = 7;
                break;
            case 0x80: // unit serial number
            {
                var serial = Serial;
                if (serial.Length > 32) serial = serial[..32];
                page[3] = (byte)serial.Length;
                Encoding.ASCII.GetBytes(serial, page[4..]);
                length = 4 + serial.Length;
                break;
            }
            case 0x83: // device identification: one T10 vendor ID designator (ASCII), vendor + product
                page[3] = 28;
                page[4] = 0x02; page[5] = 0x01; page[7] = 24;
                Pad(page[8..16], vendor);
                Pad(page[16..32], product);
                length = 32;
                break;
            default:
                return (CheckCondition, Sense(0x05, 0x24), 0); // INVALID FIELD IN CDB
        }
        return (Good, [], Copy(page[..length], allocation, dataIn));
    }

    private static int AllocationLength32(ReadOnlySpan<byte> cdb, int offset) =>
        (int)Math.Min(int.MaxValue, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(cdb[offset..]));

    private static int Copy(ReadOnlySpan<byte> source, int allocation, Span<byte> dataIn)
    {
        var n = Math.Min(Math.Min(source.Length, allocation), dataIn.Length);
        source[..n].CopyTo(dataIn);
        return n;
    }

    private static void Pad(Span<byte> field, string text)
    {
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(text.AsSpan(0, Math.Min(text.Length, field.Length)), field);
    }
}
