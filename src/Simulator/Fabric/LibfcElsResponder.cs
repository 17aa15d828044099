using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;

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
    private const int RnidResponseLength = 28;
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
                // ELS_RNIDF_NONE (no rnid_gen set by fcoe): the codec's 24 bytes, then the struct's 4 zero padding bytes.
                var r = response[..RnidResponseLength];
                r.Clear();
                Rnid.BuildAccept(r, new RnidAccept(RnidTypes.FormatCommonOnly, port.PortName, port.NodeName, null, []));
                return RnidResponseLength;
            }
            case ElsCommands.Adisc:
            {
                if (sender is null) return ElsResponder.Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
                // No hard address (fc_rport_recv_adisc_req leaves it 0).
                return Adisc.BuildAccept(response, new AdiscParameters(default, port.PortName, port.NodeName, port.Id));
            }
            case ElsCommands.Rls:
            {
                if (sender is null) return ElsResponder.Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.NPortLoginRequired);
                return Rls.BuildAccept(response, port.Lesb);
            }
            case ElsCommands.Rtv:
            {
                // fc_rport_recv_rtv_req: the lport's R_A_TOV and E_D_TOV in ms, no E_D_TOV resolution qualifier.
                return Rtv.BuildAccept(response, new RtvAccept(Math.Max(DefaultRaTovMs, fabricRaTovMs), EdTovMs, 0));
            }
            default:
                return ElsResponder.Reject(response, LsRjtReasons.CommandNotSupported, LsRjtExplanations.None);
        }
    }
}
