using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BsgKit.Bsg;

namespace BsgKit.KernelLane;

/// <summary>
/// One raw SG_IO: every header field the case bends is explicit, so the same call goes through the real ioctl
/// (LinuxBsgTransport) and the simulator's in-process transport without any BsgKit layer in between.
/// The request's port IDs are resolved per target (the peer's FC ID differs between kernel and simulator).
/// </summary>
public sealed record RawCall(
    LaneNode Node,
    Func<LaneTarget, byte[]> Request,
    Func<LaneTarget, byte[]>? Dout = null,
    int DinLength = 256,
    uint MaxResponseLen = 96,
    uint TimeoutMs = 20_000,
    int Guard = 'Q',
    uint Protocol = BsgConstants.ProtocolScsi,
    uint Subprotocol = BsgConstants.SubprotocolScsiTransport);

public sealed record LaneCase(string Name, string What, RawCall Call);

public static class LaneCases
{
    public const int ReplyBufferSize = 96;
    public const uint Poison = 0xdead;
    private const uint HstEls = 0x80000003, HstCt = 0x80000004, RptEls = 0x40000001, RptCt = 0x40000002;
    public static readonly uint MissingPort = 0x123456;

    // ---------------------------------------------------------------- request and payload builders

    public static byte[] HostEls(byte code, uint destination) =>
        [.. Le32(HstEls), code, (byte)(destination >> 16), (byte)(destination >> 8), (byte)destination];

    public static byte[] HostCt(uint destination) =>
        [.. Le32(HstCt), 0, (byte)(destination >> 16), (byte)(destination >> 8), (byte)destination, .. Le32(0x01000000), .. Le32(0), .. Le32(0)];

    public static byte[] RportEls(byte code) => [.. Le32(RptEls), code];
    public static byte[] RportCt() => [.. Le32(RptCt), .. new byte[12]];
    public static byte[] MsgCodeOnly(uint code, int length = 8) { var b = new byte[length]; Le32(code).AsSpan(0, Math.Min(4, length)).CopyTo(b); return b; }

    public static byte[] Echo(int length)
    {
        var p = new byte[length];
        p[0] = 0x10;
        for (var i = 4; i < length; i++) p[i] = (byte)(0xA0 + i);
        return p;
    }

    public static byte[] Rnid(byte format) => [0x78, 0, 0, 0, format, 0, 0, 0];
    public static byte[] Rls(uint portId) => [0x0F, 0, 0, 0, 0, (byte)(portId >> 16), (byte)(portId >> 8), (byte)portId];
    public static byte[] Rtv() => [0x0E, 0, 0, 0];
    public static byte[] Rpsc(uint portId) => [0x7D, 0, 0, 0, 0, (byte)(portId >> 16), (byte)(portId >> 8), (byte)portId];
    public static byte[] Unknown() => [0x9F, 0, 0, 0, 0, 0, 0, 0];

    public static byte[] Adisc(LaneTarget t)
    {
        var p = new byte[28];
        p[0] = 0x52;
        BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(8), t.WwpnA.Value);
        BinaryPrimitives.WriteUInt64BigEndian(p.AsSpan(16), t.WwnnA.Value);
        BinaryPrimitives.WriteUInt32BigEndian(p.AsSpan(24), t.PortIdA.Value);
        return p;
    }

    /// <summary>GID_FT (FCP) to the directory server, as a CT_IU.</summary>
    public static byte[] GidFt() => [0x01, 0, 0, 0, 0xFC, 0x02, 0, 0, 0x01, 0x71, 0x00, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0x08];

    public static byte[] Inquiry(byte allocation) => [0x12, 0, 0, 0, allocation, 0];

    private static byte[] Le32(uint v) { var b = new byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); return b; }

    // ---------------------------------------------------------------- the cases

    public static IReadOnlyList<LaneCase> All { get; } = Build();

    private static List<LaneCase> Build()
    {
        static uint B(LaneTarget t) => t.PortIdB.Value;
        var list = new List<LaneCase>
        {
            new("els-echo-4", "HST_ELS_NOLOGIN ECHO, 4-byte payload, A→B",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(4))),
            new("els-echo-32", "HST_ELS_NOLOGIN ECHO, 32-byte payload, A→B",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32))),
            new("els-echo-2108", "HST_ELS_NOLOGIN ECHO, 2108-byte payload, A→B",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(2108), DinLength: 4096)),
            new("els-echo-b-to-a", "HST_ELS_NOLOGIN ECHO on host B, B→A",
                new(LaneNode.HostB, t => HostEls(0x10, t.PortIdA.Value), _ => Echo(32))),
            new("els-rnid-00", "HST_ELS_NOLOGIN RNID format 0x00",
                new(LaneNode.HostA, t => HostEls(0x78, B(t)), _ => Rnid(0x00))),
            new("els-rnid-df", "HST_ELS_NOLOGIN RNID format 0xDF (general topology)",
                new(LaneNode.HostA, t => HostEls(0x78, B(t)), _ => Rnid(0xDF))),
            new("els-rls", "HST_ELS_NOLOGIN RLS for B's own counters",
                new(LaneNode.HostA, t => HostEls(0x0F, B(t)), t => Rls(B(t)))),
            new("els-adisc", "HST_ELS_NOLOGIN ADISC with A's identity",
                new(LaneNode.HostA, t => HostEls(0x52, B(t)), Adisc)),
            new("els-rtv", "HST_ELS_NOLOGIN RTV",
                new(LaneNode.HostA, t => HostEls(0x0E, B(t)), _ => Rtv())),
            new("els-rpsc", "HST_ELS_NOLOGIN RPSC",
                new(LaneNode.HostA, t => HostEls(0x7D, B(t)), t => Rpsc(B(t)))),
            new("els-unknown-code", "HST_ELS_NOLOGIN with an undefined ELS code 0x9F",
                new(LaneNode.HostA, t => HostEls(0x9F, B(t)), _ => Unknown())),
            new("rpt-els-echo", "RPT_ELS ECHO on A's rport of B",
                new(LaneNode.RportA, _ => RportEls(0x10), _ => Echo(32))),
            new("rpt-els-rnid", "RPT_ELS RNID 0x00 on A's rport of B",
                new(LaneNode.RportA, _ => RportEls(0x78), _ => Rnid(0x00))),
            new("rpt-els-rls", "RPT_ELS RLS on A's rport of B",
                new(LaneNode.RportA, _ => RportEls(0x0F), t => Rls(B(t)))),
            new("rpt-els-echo-rport-b", "RPT_ELS ECHO on B's rport of A",
                new(LaneNode.RportB, _ => RportEls(0x10), _ => Echo(32))),
            new("els-missing-port", "HST_ELS_NOLOGIN ECHO to 0x123456 (nobody): ETIMEDOUT after E_D_TOV",
                new(LaneNode.HostA, _ => HostEls(0x10, MissingPort), _ => Echo(32))),
            new("hst-ct-fffffc", "HST_CT GID_FT to 0xFFFFFC in VN2VN: EINVAL, 4-byte result",
                new(LaneNode.HostA, _ => HostCt(0xFFFFFC), _ => GidFt(), DinLength: 1024)),
            new("hst-ct-fffffa", "HST_CT to 0xFFFFFA (no management server)",
                new(LaneNode.HostA, _ => HostCt(0xFFFFFA), _ => GidFt(), DinLength: 1024)),
            new("hst-ct-peer", "HST_CT GID_FT to the peer N_Port (serves no CT): ETIMEDOUT",
                new(LaneNode.HostA, t => HostCt(B(t)), _ => GidFt(), DinLength: 1024)),
            new("rpt-ct-silent-ioerr", "RPT_CT nobody answers, sg timeout 5 s: silent IOERR at the 7 s floor",
                new(LaneNode.RportA, _ => RportCt(), _ => GidFt(), DinLength: 1024, MaxResponseLen: 16, TimeoutMs: 5000)),
            new("rpt-code-on-host", "FC_BSG_RPT_ELS on an fc_host node: EBADR",
                new(LaneNode.HostA, _ => RportEls(0x10), _ => Echo(32))),
            new("hst-code-on-rport", "FC_BSG_HST_ELS_NOLOGIN on an rport node: EBADR",
                new(LaneNode.RportA, t => HostEls(0x10, B(t)), _ => Echo(32))),
            new("hst-ct-code-on-rport", "FC_BSG_HST_CT on an rport node: EBADR",
                new(LaneNode.RportA, t => HostCt(B(t)), _ => GidFt())),
            new("guard-not-q", "guard 'S' instead of 'Q': EINVAL before anything",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), Guard: 'S')),
            new("wrong-protocol", "protocol 1 on an fc_host node: EINVAL",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), Protocol: 1)),
            new("wrong-subprotocol", "subprotocol SCSI_CMD on an fc_host node: EINVAL",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), Subprotocol: BsgConstants.SubprotocolScsiCommand)),
            new("request-len-0", "request_len 0 on an fc_host node: ENOMSG",
                new(LaneNode.HostA, _ => [], _ => Echo(32))),
            new("request-len-3", "request_len 3 on an fc_host node: ENOMSG",
                new(LaneNode.HostA, t => HostEls(0x10, B(t))[..3], _ => Echo(32))),
            new("request-len-3-rport", "request_len 3 on an rport node: ENOMSG",
                new(LaneNode.RportA, _ => RportEls(0x10)[..3], _ => Echo(32))),
            new("din-only", "HST_ELS_NOLOGIN with din only (no dout): EINVAL",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), null)),
            new("dout-only", "HST_ELS_NOLOGIN with dout only (no din): EINVAL",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), DinLength: 0)),
            new("rpt-dout-only", "RPT_ELS with dout only: EINVAL",
                new(LaneNode.RportA, _ => RportEls(0x10), _ => Echo(32), DinLength: 0)),
            new("max-response-0", "ECHO with max_response_len 0",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), MaxResponseLen: 0)),
            new("max-response-8", "ECHO with max_response_len 8",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), MaxResponseLen: 8)),
            new("max-response-16", "ECHO with max_response_len 16",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), MaxResponseLen: 16)),
            new("max-response-96", "ECHO with max_response_len 96",
                new(LaneNode.HostA, t => HostEls(0x10, B(t)), _ => Echo(32), MaxResponseLen: 96)),
            new("max-response-8-error", "EINVAL (HST_CT 0xFFFFFC) with max_response_len 8",
                new(LaneNode.HostA, _ => HostCt(0xFFFFFC), _ => GidFt(), MaxResponseLen: 8)),
            new("scsi-inquiry", "SCSI INQUIRY (96) on scsi_debug's node",
                new(LaneNode.Scsi, _ => Inquiry(96), null, DinLength: 96, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
            new("scsi-inquiry-36", "SCSI INQUIRY (36) on scsi_debug's node",
                new(LaneNode.Scsi, _ => Inquiry(36), null, DinLength: 96, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
            new("scsi-tur", "SCSI TEST UNIT READY on scsi_debug's node",
                new(LaneNode.Scsi, _ => [0, 0, 0, 0, 0, 0], null, DinLength: 0, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
            new("scsi-on-rport", "SCSI INQUIRY (subprotocol 0) on an rport node: EINVAL",
                new(LaneNode.RportA, _ => Inquiry(96), null, DinLength: 96, MaxResponseLen: 32, Subprotocol: BsgConstants.SubprotocolScsiCommand)),
            new("transport-on-scsi", "FC transport subprotocol on scsi_debug's node: EINVAL",
                new(LaneNode.Scsi, t => HostEls(0x10, B(t)), _ => Echo(32))),
        };
        return list;
    }

    // ---------------------------------------------------------------- execution

    /// <summary>Runs one case on one target and returns its normalized observation.</summary>
    public static unsafe Observation Run(LaneTarget target, LaneCase c)
    {
        var call = c.Call;
        var request = Pinned(call.Request(target));
        var dout = call.Dout is null ? null : Pinned(call.Dout(target));
        var din = call.DinLength > 0 ? Pinned(new byte[call.DinLength]) : null;
        din?.AsSpan().Fill(0xCC);
        var reply = Pinned(new byte[ReplyBufferSize]);
        reply.AsSpan().Fill(0xEE);

        var h = new SgIoV4
        {
            Guard = call.Guard,
            Protocol = call.Protocol,
            Subprotocol = call.Subprotocol,
            RequestLen = (uint)request.Length,
            Request = Address(request),
            MaxResponseLen = call.MaxResponseLen,
            Response = Address(reply),
            DoutXferLen = (uint)(dout?.Length ?? 0),
            DoutXferp = dout is null ? 0 : Address(dout),
            DinXferLen = (uint)(din?.Length ?? 0),
            DinXferp = din is null ? 0 : Address(din),
            Timeout = call.TimeoutMs,
            DriverStatus = Poison, TransportStatus = Poison, DeviceStatus = Poison, Info = Poison,
            ResponseLen = Poison, DinResid = (int)Poison, DoutResid = (int)Poison,
        };
        var regions = new List<MemoryRegion> { new(Address(request), request.Length), new(Address(reply), reply.Length) };
        if (dout is not null) regions.Add(new(Address(dout), dout.Length));
        if (din is not null) regions.Add(new(Address(din), din.Length));

        using var channel = target.Transport.Open(target.PathOf(call.Node));
        var t0 = target.Now();
        var errno = target.Transport.Execute(channel, ref h, CollectionsMarshal.AsSpan(regions));
        var elapsed = target.Now() - t0;
        GC.KeepAlive(request); GC.KeepAlive(dout); GC.KeepAlive(din); GC.KeepAlive(reply);

        var ids = target.Identities;
        return new Observation(
            errno == 0 ? "0" : $"{Errno.NameOf(errno)}",
            Status(h.DriverStatus), Status(h.TransportStatus), Status(h.DeviceStatus),
            Status(h.ResponseLen), Status((uint)h.DinResid),
            Normalizer.Render(reply, ids),
            din is null ? "(no din)" : Normalizer.Render(din, ids),
            Bucket(elapsed));
    }

    private static string Status(uint v) => v == Poison ? "untouched" : $"{v}";

    /// <summary>Timing only in classes the two sides can share: immediate, E_D_TOV (2 s), the 7 s sg floor.</summary>
    private static string Bucket(TimeSpan t) => t.TotalSeconds switch
    {
        < 1.0 => "<1s",
        >= 1.5 and < 3.5 => "~2s",
        >= 6.5 and < 9.0 => "~7s",
        var s => $"{s:0.0}s",
    };

    private static byte[] Pinned(byte[] content)
    {
        var a = GC.AllocateArray<byte>(content.Length, pinned: true);
        content.CopyTo(a, 0);
        return a;
    }

    private static unsafe ulong Address(byte[] pinned) =>
        pinned.Length == 0 ? 0 : (ulong)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(pinned));
}
