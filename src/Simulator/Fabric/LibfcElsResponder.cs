using System.Buffers.Binary;
using BsgKit.Fc.Codes;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// ELS answers of a libfc host port (fcoe, bnx2fc, qedf) as its receive path builds them (drivers/scsi/libfc
/// fc_lport_recv_els_req → fc_rport_recv_req), byte for byte as the kernel lane observed them on Debian's 6.12
/// kernel: ECHO echoes the payload; RNID answers format 0x00 (common identification only, 28 bytes including the
/// struct's 4 padding bytes) whatever format was asked, because fcoe sets no general topology data; ADISC and
/// RLS answer a logged-in sender (else LS_RJT "unable to perform / N_Port login required"); RTV answers the lport's
/// R_A_TOV (4000 ms, or the fabric's when its FLOGI accept gave more: fc_lport_flogi_resp keeps the larger) and E_D_TOV
/// 2000 ms; everything else — RPSC, unknown codes — is LS_RJT "command not supported". Used for libfc host ports.
/// </summary>
internal static class LibfcElsResponder
{
    private const int RnidResponseLength = 28, AdiscLength = 28, RlsResponseLength = 28, RtvResponseLength = 16;
    private const uint EdTovMs = 2_000;
    /// <summary>libfc's own R_A_TOV, which stays when there is no fabric (VN2VN).</summary>
    public const uint DefaultRaTovMs = 4_000;

    public static int Respond(SimNPort port, SimNPort? sender, ReadOnlySpan<byte> request, Span<byte> response, uint fabricRaTovMs)
    {
        if (request.IsEmpty) return ElsResponder.Reject(response, LsRjtReasons.CommandNotSupported, LsRjtExplanations.None);
        switch (request[0])
        {
            case ElsCommands.Echo:
            {
                // fc_lport_recv_echo_req: the whole payload back, at least one word, with LS_ACC in byte 0.
                var length = Math.Max(4, request.Length);
                response[..length].Clear();
                request.CopyTo(response);
                response[0] = ElsCommands.LsAcc;
                response[1] = response[2] = response[3] = 0;
                return length;
            }
            case ElsCommands.Rnid:
            {
                if (request.Length < 8) return ElsResponder.Reject(response, LsRjtReasons.LogicalError, LsRjtExplanations.None);
                var r = response[..RnidResponseLength];
                r.Clear();
                r[0] = ElsCommands.LsAcc;
                r[4] = 0x00;   // rnid_fmt: ELS_RNIDF_NONE (no rnid_gen set by fcoe)
                r[5] = 16;     // rnid_cid_len
                r[7] = 0;      // rnid_sid_len
                BinaryPrimitives.WriteUInt64BigEndian(r[8..], port.PortName.Value);
                BinaryPrimitives.WriteUInt64BigEndian(r[16..], port.NodeName.Value);
                return RnidResponseLength;
            }
            case ElsCommands.Adisc:
            {
                if (sender is null) return ElsResponder.Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
                var r = response[..AdiscLength];
                r.Clear();
                r[0] = ElsCommands.LsAcc;
                BinaryPrimitives.WriteUInt64BigEndian(r[8..], port.PortName.Value);
                BinaryPrimitives.WriteUInt64BigEndian(r[16..], port.NodeName.Value);
                BinaryPrimitives.WriteUInt32BigEndian(r[24..], port.Id.Value);
                return AdiscLength;
            }
            case ElsCommands.Rls:
            {
                if (sender is null) return ElsResponder.Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
                var r = response[..RlsResponseLength];
                r.Clear();
                r[0] = ElsCommands.LsAcc;
                var lesb = port.Lesb;
                BinaryPrimitives.WriteUInt32BigEndian(r[4..], lesb.LinkFailureCount);
                BinaryPrimitives.WriteUInt32BigEndian(r[8..], lesb.LossOfSyncCount);
                BinaryPrimitives.WriteUInt32BigEndian(r[12..], lesb.LossOfSignalCount);
                BinaryPrimitives.WriteUInt32BigEndian(r[16..], lesb.PrimitiveSequenceProtocolErrorCount);
                BinaryPrimitives.WriteUInt32BigEndian(r[20..], lesb.InvalidTransmissionWordCount);
                BinaryPrimitives.WriteUInt32BigEndian(r[24..], lesb.InvalidCrcCount);
                return RlsResponseLength;
            }
            case ElsCommands.Rtv:
            {
                // fc_rport_recv_rtv_req: the lport's R_A_TOV and E_D_TOV in ms, no E_D_TOV resolution qualifier.
                var r = response[..RtvResponseLength];
                r.Clear();
                r[0] = ElsCommands.LsAcc;
                BinaryPrimitives.WriteUInt32BigEndian(r[4..], Math.Max(DefaultRaTovMs, fabricRaTovMs));
                BinaryPrimitives.WriteUInt32BigEndian(r[8..], EdTovMs);
                return RtvResponseLength;
            }
            default:
                return ElsResponder.Reject(response, LsRjtReasons.CommandNotSupported, LsRjtExplanations.None);
        }
    }
}
