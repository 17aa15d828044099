using System.Text;
using BsgKit.Bsg.Catalog;

namespace BsgKit.Simulator.Kernel;

/// <summary>
/// A SCSI device's bsg node (H:C:T:L), enough of a disk to answer INQUIRY and TEST UNIT READY like
/// scsi_debug; every other opcode gets CHECK CONDITION, ILLEGAL REQUEST, INVALID COMMAND OPERATION CODE.
/// </summary>
public sealed class SimScsiDeviceNode(string name, string vendor = "Linux", string product = "scsi_debug", string revision = "0191")
    : SimNode(name, BsgNodeKind.ScsiDevice)
{
    public const byte Good = 0x00, CheckCondition = 0x02;

    /// <summary>
    /// Answer standard INQUIRY as scsi_debug does (resp_inquiry, its 96-byte long form: additional length 91,
    /// version date, version descriptors SAM-6, SPC-5, SBC-4, SPL-4) instead of the minimal 36 bytes.
    /// </summary>
    public bool ScsiDebugInquiry { get; init; }

    public override int Dispatch(BsgJob job) => -1; // never used: SCSI nodes go through scsi_bsg, not bsg-lib

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
            default:
                // Fixed-format sense: ILLEGAL REQUEST (5), ASC 0x20 INVALID COMMAND OPERATION CODE.
                var sense = new byte[18];
                sense[0] = 0x70;
                sense[2] = 0x05;
                sense[7] = 10;
                sense[12] = 0x20;
                return (CheckCondition, sense, 0);
        }
    }

    private static void Pad(Span<byte> field, string text)
    {
        field.Fill((byte)' ');
        Encoding.ASCII.GetBytes(text.AsSpan(0, Math.Min(text.Length, field.Length)), field);
    }
}
