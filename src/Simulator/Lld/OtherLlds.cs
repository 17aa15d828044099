using BsgKit.Bsg;
using BsgKit.Simulator.Fabric;
using BsgKit.Fc.FcBsg;
using BsgKit.Simulator.Kernel;

namespace BsgKit.Simulator.Lld;

/// <summary>
/// bfa (Brocade): every ELS/CT needs a proprietary bfa_bsg_data trailer after the 20-byte request that points
/// at a bfa_bsg_fcpt_t in user memory; a generic request without it is refused (EINVAL). No vendor_id here.
/// </summary>
public sealed class BfaLld(ISimFabric fabric) : FcLldBase(fabric)
{
    /// <inheritdoc/>
    public override string ProcName => "bfa";

    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => msgcode is FcBsgMsgCode.RportEls or FcBsgMsgCode.HostElsNoLogin
        or FcBsgMsgCode.RportCt or FcBsgMsgCode.HostCt;

    /// <inheritdoc/>
    protected override int Admit(BsgJob job, SimFcHost host, FcBsgMsgCode msgcode) => -Errno.EINVAL; // no trailer understood

    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted) => job.FailWith(-Errno.EIO);
    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode) { job.FailWith(-Errno.EIO); return 0; }
}

/// <summary>fnic (Cisco, current): .bsg_request = NULL, so the transport creates no bsg node at all.</summary>
public sealed class FnicLld(ISimFabric fabric) : FcLldBase(fabric)
{
    /// <inheritdoc/>
    public override string ProcName => "fnic";
    /// <inheritdoc/>
    public override bool HasBsgHandler => false;
    /// <inheritdoc/>
    protected override bool Supports(FcBsgMsgCode msgcode) => false;
    /// <inheritdoc/>
    protected override void CompleteResponse(BsgJob job, FrameType type, bool accepted) => job.FailWith(-Errno.EIO);
    /// <inheritdoc/>
    protected override int NoResponse(BsgJob job, FcBsgMsgCode msgcode, string? faultMode) { job.FailWith(-Errno.EIO); return 0; }
}

/// <summary>Picks the personality for a proc_name (docs/reference/drivers.md §1).</summary>
public static class FcLldFactory
{
    /// <summary>The proc_names a scenario may give a host.</summary>
    public static readonly IReadOnlyList<string> KnownDrivers = ["fcoe", "bnx2fc", "qedf", "lpfc", "qla2xxx", "zfcp", "ibmvfc", "bfa", "fnic"];

    /// <summary>The personality for <paramref name="procName"/>; unknown names throw.</summary>
    public static IFcLld Create(string procName, ISimFabric fabric) => procName switch
    {
        "fcoe" or "bnx2fc" or "qedf" => new LibfcLld(fabric, procName),
        "lpfc" => new LpfcLld(fabric),
        "qla2xxx" => new Qla2xxxLld(fabric),
        "zfcp" => new ZfcpLld(fabric),
        "ibmvfc" => new IbmvfcLld(fabric),
        "bfa" => new BfaLld(fabric),
        "fnic" => new FnicLld(fabric),
        _ => throw new ArgumentException($"unknown FC driver '{procName}' (known: {string.Join(", ", KnownDrivers)})", nameof(procName)),
    };
}
