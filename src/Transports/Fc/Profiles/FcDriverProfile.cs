using BsgKit.Fc.FcBsg;

namespace BsgKit.Fc.Profiles;

/// <summary>The msgcodes a driver's bsg handler implements (docs/reference/drivers.md §2). Anything else it EINVALs.</summary>
[Flags]
public enum FcMsgCodeSupport
{
    /// <summary>No msgcode: the driver has no usable bsg handler.</summary>
    None = 0,
    /// <summary>FC_BSG_HST_ELS_NOLOGIN: ELS from the host without a login (ECHO, RNID …).</summary>
    HostElsNoLogin = 1,
    /// <summary>FC_BSG_HST_CT: CT from the host to any port ID, normally a well-known address.</summary>
    HostCt = 2,
    /// <summary>FC_BSG_HST_VENDOR: vendor-specific commands, matched by vendor_id.</summary>
    HostVendor = 4,
    /// <summary>FC_BSG_RPT_ELS: ELS to a logged-in remote port (fc_rport bsg node).</summary>
    RportEls = 8,
    /// <summary>FC_BSG_RPT_CT: CT to a logged-in remote port.</summary>
    RportCt = 16,
    /// <summary>Every CT/ELS and vendor msgcode.</summary>
    All = HostElsNoLogin | HostCt | HostVendor | RportEls | RportCt,
}

/// <summary>How name-server and management-server CT reaches the fabric's well-known addresses.</summary>
public enum FcCtRoute
{
    /// <summary>FC_BSG_HST_CT on fc_hostN with port_id = the well-known address.</summary>
    HostCt,
    /// <summary>FC_BSG_RPT_CT on the rport whose port_id is the well-known address (lpfc: 0xFFFFFC).</summary>
    RemotePortCt,
}

/// <summary>Where the CT preamble words go in an HST_CT request.</summary>
public enum CtPreamblePlacement
{
    /// <summary>UAPI h_ct: word0 @8, word1 @12, word2 @16 (qla2xxx reads GS_Type from @12).</summary>
    HostCtLayout,
    /// <summary>zfcp reads r_ct.preamble_word1 (@8) even for HST_CT: word1 @8, word2 @12; port_id kept @5.</summary>
    RportCtLayout,
}

/// <summary>How the preamble words are encoded as host integers.</summary>
public enum CtPreambleEncoding
{
    /// <summary>Big-endian read of the CT_IU header, so word1 &gt;&gt; 24 is the GS_Type (qla2xxx, zfcp).</summary>
    Integer,
    /// <summary>The wire bytes unchanged (memcpy), as libzfcphbaapi does; equals Integer on big-endian hosts.</summary>
    RawBytes,
    /// <summary>All zero (for drivers that ignore the preamble; fcnsq's behaviour).</summary>
    Zero,
}

/// <summary>
/// One driver's bsg personality (docs/reference/drivers.md). Every item is an init property, so a caller overrides any quirk
/// with <c>profile with { … }</c>; several are code-derived and need confirming on hardware.
/// </summary>
public sealed record FcDriverProfile
{
    /// <summary>Profile name: libfc, lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown.</summary>
    public required string Name { get; init; }

    /// <summary>The proc_name the profile was chosen for (null when chosen by name).</summary>
    public string? DriverName { get; init; }

    /// <summary>The msgcodes the driver's bsg handler implements; <see cref="Supports"/> checks one.</summary>
    public FcMsgCodeSupport Supported { get; init; } = FcMsgCodeSupport.All;

    /// <summary>When set, the driver cannot be driven through generic bsg at all; every request is refused with this reason.</summary>
    public string? UnsupportedReason { get; init; }

    /// <summary>Route for name-server / management-server CT.</summary>
    public FcCtRoute WellKnownCtRoute { get; init; } = FcCtRoute.HostCt;

    /// <summary>Where HST_CT's preamble words go in the fc_bsg_request.</summary>
    public CtPreamblePlacement PreamblePlacement { get; init; } = CtPreamblePlacement.HostCtLayout;
    /// <summary>How the preamble words are written: as integers, the raw CT_IU bytes, or zero.</summary>
    public CtPreambleEncoding PreambleEncoding { get; init; } = CtPreambleEncoding.Integer;

    /// <summary>port_id byte order in HST_ELS_NOLOGIN.</summary>
    public PortIdOrder HostElsPortIdOrder { get; init; } = PortIdOrder.BigEndian;

    /// <summary>port_id byte order in HST_CT.</summary>
    public PortIdOrder HostCtPortIdOrder { get; init; } = PortIdOrder.BigEndian;

    /// <summary>GS_Types HST_CT accepts (qla2xxx: FC, FA; zfcp: F8, FA, FB, FC); null = any.</summary>
    public IReadOnlyList<byte>? HostCtGsTypes { get; init; }

    /// <summary>
    /// Whether reply_payload_rcv_len / din_resid say how much arrived. qla2xxx (CS_COMPLETE) and zfcp report the
    /// full buffer, so the length is derived from the payload instead.
    /// </summary>
    public bool TrustsReceivedLength { get; init; } = true;

    /// <summary>Whether ctels_reply.rjt_data carries reject details (lpfc ELS). libfc sets REJECT without them.</summary>
    public bool ReportsRejectDataInReply { get; init; }

    /// <summary>One request at a time per host (ibmvfc's passthrough mutex answers a second with EBUSY).</summary>
    public bool SerializeRequests { get; init; }

    /// <summary>How many requests the client keeps in flight per host when not serialized.</summary>
    public int MaxParallelRequests { get; init; } = 8;

    /// <summary>Request and response payloads must each be one segment of at most this many bytes (zfcp, ibmvfc); null = no limit.</summary>
    public int? MaxSingleSegmentBytes { get; init; }

    /// <summary>Largest name-server list the driver passes through, in entries (qla2xxx 2048); null = no entry limit.</summary>
    public int? NameServerMaxEntries { get; init; }

    /// <summary>Largest CT response the driver passes through, in bytes (lpfc 240 KiB, zfcp 4 pages); null = no byte limit.</summary>
    public int? NameServerMaxResponseBytes { get; init; }

    /// <summary>fc_bsg vendor_id for HST_VENDOR; null when the driver has none (the transport answers ESRCH).</summary>
    public ulong? VendorId { get; init; }

    /// <summary>
    /// The firmware status (extended fc_bsg_reply, offset 16) that means the destination was busy (qla2xxx:
    /// CS_PORT_BUSY on an F_BSY/P_BSY); null when the driver reports busy in ctels_reply or not at all.
    /// </summary>
    public uint? FirmwareBusyStatus { get; init; }

    /// <summary>Default sg_io_v4 timeout (the kernel raises anything below 7 s).</summary>
    public uint TimeoutMs { get; init; } = 20_000;

    /// <summary>True when <see cref="Supported"/> includes <paramref name="code"/>.</summary>
    public bool Supports(FcBsgMsgCode code) => (Supported & FlagOf(code)) != 0;

    /// <summary>The <see cref="FcMsgCodeSupport"/> flag of a msgcode; <see cref="FcMsgCodeSupport.None"/> for codes without one (ADD_RPORT, DEL_RPORT).</summary>
    public static FcMsgCodeSupport FlagOf(FcBsgMsgCode code) => code switch
    {
        FcBsgMsgCode.HostElsNoLogin => FcMsgCodeSupport.HostElsNoLogin,
        FcBsgMsgCode.HostCt => FcMsgCodeSupport.HostCt,
        FcBsgMsgCode.HostVendor => FcMsgCodeSupport.HostVendor,
        FcBsgMsgCode.RportEls => FcMsgCodeSupport.RportEls,
        FcBsgMsgCode.RportCt => FcMsgCodeSupport.RportCt,
        _ => FcMsgCodeSupport.None,
    };

    /// <summary>
    /// The largest response buffer the driver passes for a list of <paramref name="entrySize"/>-byte entries:
    /// the smallest of the entry cap, the byte cap and the segment limit, at most <paramref name="wanted"/>.
    /// </summary>
    public int ListResponseBytes(int entrySize, int wanted)
    {
        var bytes = wanted;
        if (NameServerMaxEntries is int entries) bytes = Math.Min(bytes, Ct.CtIuHeader.Size + entries * entrySize);
        if (NameServerMaxResponseBytes is int cap) bytes = Math.Min(bytes, cap);
        if (MaxSingleSegmentBytes is int seg) bytes = Math.Min(bytes, seg);
        return Math.Max(bytes, Ct.CtIuHeader.Size + entrySize);
    }

    /// <summary>A response buffer for a single-object answer, clipped to the segment limit.</summary>
    public int ResponseBytes(int wanted) => MaxSingleSegmentBytes is int seg ? Math.Min(wanted, seg) : wanted;

    /// <summary>"qla2xxx", or "libfc (bnx2fc)" when the proc_name differs from the profile name.</summary>
    public override string ToString() => DriverName is null || DriverName == Name ? Name : $"{Name} ({DriverName})";
}
