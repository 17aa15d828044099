using BsgKit.Bsg;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Ct.ZoneServer;
using static BsgKit.KernelLane.LaneCases;

namespace BsgKit.KernelLane;

/// <summary>
/// The fabric mode's differential cases: the same raw SG_IO on the real kernel (fcoe in Fabric mode, logged in to
/// <c>bsgkit sim fcf</c>) and on the simulator's libfc personality over the same scenario. Every CT_IU is built with
/// BsgKit's own codecs, so each case is also a check that those bytes cross a real kernel and a real libfc.
/// </summary>
public static class FabricCases
{
    private static byte[] Ct(Func<byte[], int> build)
    {
        var b = new byte[4096];
        return b[..build(b)];
    }

    private static uint A(LaneTarget t) => t.PortIdA.Value;
    private static uint B(LaneTarget t) => t.PortIdB.Value;
    private static uint Id(int nport) => FabricLane.FcIdOf(nport).Value;

    private static RawCall Ns(Func<LaneTarget, byte[]> ct, int din = 1024, LaneNode node = LaneNode.HostA) =>
        new(node, _ => HostCt(FcId.DirectoryServer.Value), ct, DinLength: din);

    private static RawCall Mgmt(Func<byte[]> ct) => new(LaneNode.HostA, _ => HostCt(FcId.ManagementServer.Value), _ => ct(), DinLength: 1024);

    private static byte[] Scsi(params byte[] cdb) => cdb;

    public static IReadOnlyList<LaneCase> All { get; } = Build();

    private static List<LaneCase> Build() =>
    [
        // ---- name server listings and queries (HST_CT to 0xFFFFFC through libfc's dNS session)
        new("ns-gid-ft-fcp", "GID_FT FCP from A: every FCP port A's zones hold, the hosts included",
            Ns(_ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))))),
        new("ns-gpn-ft-fcp", "GPN_FT FCP from A (the listing libfc's discovery parses)",
            Ns(_ => Ct(b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))))),
        new("ns-gnn-ft-fcp", "GNN_FT FCP from A",
            Ns(_ => Ct(b => GnnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))))),
        new("ns-gid-ft-nvme", "GID_FT NVMe: the NVMe-only port",
            Ns(_ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Nvme))))),
        new("ns-gid-ft-ip", "GID_FT IP: nobody registered it (reject, FC-4 types not registered)",
            Ns(_ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Ip))))),
        new("ns-gid-ft-domain-7", "GID_FT FCP in domain 7: an empty scope (reject, no object in scope)",
            Ns(_ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp, 7))))),
        new("ns-gid-ft-from-b", "GID_FT FCP from B: zoning hides the port only A may see",
            Ns(_ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))), node: LaneNode.HostB)),
        new("ns-gid-pt-nport", "GID_PT N_Port",
            Ns(_ => Ct(b => GidPt.BuildRequest(b, new NsPortTypeScope(PortTypes.NPort))))),
        new("ns-gpn-ft-short", "GPN_FT with ct_mr_size for one entry: cut at an entry, residual set",
            Ns(_ => Ct(b => GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp), CtIuHeader.Size + 16)))),
        new("ns-ga-nxt-first", "GA_NXT from 0x000000: the first object",
            Ns(_ => Ct(b => GaNxt.BuildRequest(b, new FcId(0))))),
        new("ns-ga-nxt-after-b", "GA_NXT after B",
            Ns(t => Ct(b => GaNxt.BuildRequest(b, t.PortIdB)))),
        new("ns-gpn-id-b", "GPN_ID of host B (its FLOGI)",
            Ns(t => Ct(b => GpnId.BuildRequest(b, t.PortIdB)))),
        new("ns-gnn-id-b", "GNN_ID of host B (its RNN_ID)",
            Ns(t => Ct(b => GnnId.BuildRequest(b, t.PortIdB)))),
        new("ns-gft-id-b", "GFT_ID of host B (its RFT_ID)",
            Ns(t => Ct(b => GftId.BuildRequest(b, t.PortIdB)))),
        new("ns-gff-id-b", "GFF_ID of host B (its RFF_ID)",
            Ns(t => Ct(b => GffId.BuildRequest(b, t.PortIdB)))),
        new("ns-gspn-id-b", "GSPN_ID of host B (its RSPN_ID)",
            Ns(t => Ct(b => GspnId.BuildRequest(b, t.PortIdB)))),
        new("ns-gsnn-nn-b", "GSNN_NN of host B's node (its RSNN_NN)",
            Ns(t => Ct(b => GsnnNn.BuildRequest(b, t.WwnnB)))),
        new("ns-gpt-id-b", "GPT_ID of host B",
            Ns(t => Ct(b => GptId.BuildRequest(b, t.PortIdB)))),
        new("ns-gpn-id-t1", "GPN_ID of simulated target T1",
            Ns(_ => Ct(b => GpnId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.T1))))),
        new("ns-gid-pn-t1", "GID_PN of T1's WWPN",
            Ns(_ => Ct(b => GidPn.BuildRequest(b, FabricLane.Wwpn(FabricLane.T1))))),
        new("ns-gid-nn-array", "GID_NN of the array's node name: both of its ports",
            Ns(_ => Ct(b => GidNn.BuildRequest(b, Wwn.Parse(FabricLane.Scenario.NPorts[FabricLane.T1].Wwnn))))),
        new("ns-gcs-id-t1", "GCS_ID of T1", Ns(_ => Ct(b => GcsId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.T1))))),
        new("ns-gfpn-id-t1", "GFPN_ID of T1 (its switch port)", Ns(_ => Ct(b => GfpnId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.T1))))),
        new("ns-gspn-id-t1", "GSPN_ID of T1", Ns(_ => Ct(b => GspnId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.T1))))),
        new("ns-gff-id-i8", "GFF_ID of the simulated initiator", Ns(_ => Ct(b => GffId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.I8))))),
        new("ns-gpn-id-missing", "GPN_ID of 0x123456 (nobody): reject, port ID not registered",
            Ns(_ => Ct(b => GpnId.BuildRequest(b, new FcId(MissingPort))))),
        new("ns-gid-pn-missing", "GID_PN of an unknown WWPN: reject",
            Ns(_ => Ct(b => GidPn.BuildRequest(b, new Wwn(0x2000000000000bad))))),
        new("ns-gpn-id-t3-from-b", "GPN_ID of T3 from B: zoned away, so not registered as far as B is concerned",
            Ns(_ => Ct(b => GpnId.BuildRequest(b, FabricLane.FcIdOf(FabricLane.T3))), node: LaneNode.HostB)),
        new("ns-rspn-id-b-from-a", "RSPN_ID for B's port ID sent by A: the name server refuses (access denied)",
            Ns(t => Ct(b => RspnId.BuildRequest(b, t.PortIdB, "not mine")))),
        new("ns-unknown-command", "name-server command 0x01FF: CT reject, command not supported",
            Ns(_ => Ct(b => { CtIu.WriteRequestHeader(b, CtServer.NameServer, 0x01FF, 1024, CtIuHeader.Size + 4, "unknown"); return CtIuHeader.Size + 4; }))),
        new("ns-bad-revision", "CT_IU revision 7: reject, invalid version level",
            Ns(_ => Ct(b => { var n = GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp)); b[0] = 7; return n; }))),

        // ---- the management server: libfc made no FDMI login on a veth, so there is no rport for 0xFFFFFA
        new("mgmt-zone-gzsn", "HST_CT zone server GZSN to 0xFFFFFA: EINVAL (no management-server session)",
            Mgmt(() => Ct(b => Gzsn.BuildRequest(b)))),
        new("mgmt-fdmi-grhl", "HST_CT FDMI GRHL to 0xFFFFFA: EINVAL", Mgmt(() => Ct(b => Grhl.BuildRequest(b)))),
        new("mgmt-fcs-giel", "HST_CT FCS GIEL to 0xFFFFFA: EINVAL", Mgmt(() => Ct(b => Giel.BuildRequest(b)))),
        new("hst-ct-fffffd", "HST_CT to the fabric controller 0xFFFFFD: no rport, EINVAL",
            new(LaneNode.HostA, _ => HostCt(FcId.FabricController.Value), _ => Ct(b => BsgKit.Fc.Ct.NameServer.GidFt.BuildRequest(b, new NsFc4TypeScope(Fc4Types.Fcp))), DinLength: 1024)),
        new("hst-ct-to-b", "HST_CT GID_FT to host B (an rport): sent, libfc drops CT it does not serve: ETIMEDOUT",
            new(LaneNode.HostA, t => HostCt(B(t)), _ => GidFt(), DinLength: 1024)),
        new("hst-ct-to-t1", "HST_CT GID_FT to simulated target T1: N_Ports serve no CT: ETIMEDOUT",
            new(LaneNode.HostA, _ => HostCt(Id(FabricLane.T1)), _ => GidFt(), DinLength: 1024)),
        new("hst-ct-to-stranger", "HST_CT to 0x123456 (no rport): EINVAL at once",
            new(LaneNode.HostA, _ => HostCt(MissingPort), _ => GidFt(), DinLength: 1024)),

        // ---- ELS to simulated N_Ports, to the fabric, and between the real hosts through the switch
        new("els-echo-t1", "HST_ELS_NOLOGIN ECHO to T1", new(LaneNode.HostA, _ => HostEls(0x10, Id(FabricLane.T1)), _ => Echo(32))),
        new("els-echo-t1-2108", "HST_ELS_NOLOGIN ECHO to T1, 2108 bytes (one full frame each way)",
            new(LaneNode.HostA, _ => HostEls(0x10, Id(FabricLane.T1)), _ => Echo(2108), DinLength: 4096)),
        new("els-rnid-t1", "HST_ELS_NOLOGIN RNID 0xDF to T1", new(LaneNode.HostA, _ => HostEls(0x78, Id(FabricLane.T1)), _ => Rnid(0xDF))),
        new("els-unknown-t1", "HST_ELS_NOLOGIN code 0x9F to T1: LS_RJT", new(LaneNode.HostA, _ => HostEls(0x9F, Id(FabricLane.T1)), _ => Unknown())),
        new("rpt-els-echo-t1", "RPT_ELS ECHO on A's rport of T1", new(LaneNode.RportT1, _ => RportEls(0x10), _ => Echo(32))),
        new("rpt-els-rls-t1", "RPT_ELS RLS on A's rport of T1", new(LaneNode.RportT1, _ => RportEls(0x0F), _ => Rls(Id(FabricLane.T1)))),
        new("rpt-els-rpsc-t1", "RPT_ELS RPSC on A's rport of T1", new(LaneNode.RportT1, _ => RportEls(0x7D), _ => Rpsc(Id(FabricLane.T1)))),
        new("rpt-els-adisc-t1", "RPT_ELS ADISC on A's rport of T1", new(LaneNode.RportT1, _ => RportEls(0x52), Adisc)),
        new("rpt-els-rtv-t1", "RPT_ELS RTV on A's rport of T1", new(LaneNode.RportT1, _ => RportEls(0x0E), _ => Rtv())),
        new("els-rnid-fabric", "HST_ELS_NOLOGIN RNID 0xDF to the F_Port 0xFFFFFE",
            new(LaneNode.HostA, _ => HostEls(0x78, FcId.FabricPort.Value), _ => Rnid(0xDF))),
        new("els-rls-fabric", "HST_ELS_NOLOGIN RLS to the F_Port 0xFFFFFE",
            new(LaneNode.HostA, t => HostEls(0x0F, FcId.FabricPort.Value), t => Rls(A(t)))),
        new("els-echo-a-to-b", "HST_ELS_NOLOGIN ECHO A→B, switched between the real ports",
            new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32))),
        new("rpt-els-rtv-b", "RPT_ELS RTV on A's rport of B: libfc answers its R_A_TOV, which the FCF's FLOGI accept set",
            new(LaneNode.RportA, _ => RportEls(0x0E), _ => Rtv())),
        new("rpt-els-rnid-b", "RPT_ELS RNID on A's rport of B (libfc: common identification only)",
            new(LaneNode.RportA, _ => RportEls(0x78), _ => Rnid(0xDF))),
        new("rpt-els-unknown-b", "RPT_ELS code 0x9F on A's rport of B: libfc's LS_RJT",
            new(LaneNode.RportA, _ => RportEls(0x9F), _ => Unknown())),
        new("rpt-els-echo-b-to-a", "RPT_ELS ECHO on B's rport of A", new(LaneNode.RportB, _ => RportEls(0x10), _ => Echo(64))),
        new("els-echo-t3-from-b", "HST_ELS_NOLOGIN ECHO B→T3: hard zoning drops it, ETIMEDOUT",
            new(LaneNode.HostB, _ => HostEls(0x10, Id(FabricLane.T3)), _ => Echo(32))),
        new("els-echo-missing-fabric", "HST_ELS_NOLOGIN ECHO to 0x123456 (nobody): ETIMEDOUT",
            new(LaneNode.HostA, _ => HostEls(0x10, MissingPort), _ => Echo(32))),

        // ---- FCP through the FCF: LUN 0 behind T1 (the kernel scanned it; the same disk as the simulator's node)
        new("scsi-t1-inquiry", "SCSI INQUIRY (36) on LUN 0 behind T1",
            new(LaneNode.Scsi, _ => Scsi(0x12, 0, 0, 0, 36, 0), null, DinLength: 96, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
        new("scsi-t1-inquiry-vpd0", "SCSI INQUIRY VPD 0x00 on LUN 0 behind T1",
            new(LaneNode.Scsi, _ => Scsi(0x12, 1, 0, 0, 64, 0), null, DinLength: 64, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
        new("scsi-t1-report-luns", "SCSI REPORT LUNS behind T1",
            new(LaneNode.Scsi, _ => Scsi(0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 64, 0, 0), null, DinLength: 64, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
        new("scsi-t1-read-capacity", "SCSI READ CAPACITY (10) behind T1",
            new(LaneNode.Scsi, _ => Scsi(0x25, 0, 0, 0, 0, 0, 0, 0, 0, 0), null, DinLength: 8, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
        new("scsi-t1-tur", "SCSI TEST UNIT READY behind T1",
            new(LaneNode.Scsi, _ => Scsi(0, 0, 0, 0, 0, 0), null, DinLength: 0, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
        new("scsi-t1-unknown-opcode", "SCSI opcode 0xC7 behind T1: CHECK CONDITION, ILLEGAL REQUEST",
            new(LaneNode.Scsi, _ => Scsi(0xC7, 0, 0, 0, 0, 0), null, DinLength: 16, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
    ];
}
