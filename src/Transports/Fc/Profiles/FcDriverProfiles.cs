using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Codes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Fc.Profiles;

/// <summary>The built-in driver personalities (docs/reference/drivers.md) and detection from proc_name.</summary>
public static class FcDriverProfiles
{
    /// <summary>fcoe, bnx2fc, qedf: every CT/ELS msgcode; preamble ignored; honest rcv_len; rejects in the payload.</summary>
    public static readonly FcDriverProfile Libfc = new()
    {
        Name = "libfc",
        Supported = FcMsgCodeSupport.HostElsNoLogin | FcMsgCodeSupport.HostCt | FcMsgCodeSupport.RportEls | FcMsgCodeSupport.RportCt,
    };

    /// <summary>lpfc: no HST_CT / HST_ELS_NOLOGIN; CT to the 0xFFFFFC rport; ELS rejects in rjt_data; 240 KiB CT cap.</summary>
    public static readonly FcDriverProfile Lpfc = new()
    {
        Name = "lpfc",
        Supported = FcMsgCodeSupport.HostVendor | FcMsgCodeSupport.RportEls | FcMsgCodeSupport.RportCt,
        WellKnownCtRoute = FcCtRoute.RemotePortCt,
        ReportsRejectDataInReply = true,
        NameServerMaxResponseBytes = 60 * 4096,
        VendorId = FcBsg.VendorId.Emulex,
    };

    /// <summary>qla2xxx: HST_CT only (RPT_CT EINVAL), preamble word1 @12 as an integer, reversed port_id,
    /// untrustworthy rcv_len on CS_COMPLETE, rejects only in the payload, 2048-entry name-server lists.</summary>
    public static readonly FcDriverProfile Qla2xxx = new()
    {
        Name = "qla2xxx",
        Supported = FcMsgCodeSupport.HostElsNoLogin | FcMsgCodeSupport.HostCt | FcMsgCodeSupport.HostVendor | FcMsgCodeSupport.RportEls,
        HostElsPortIdOrder = PortIdOrder.Reversed,
        HostCtPortIdOrder = PortIdOrder.Reversed,
        HostCtGsTypes = [GsTypes.Directory, GsTypes.Management],
        TrustsReceivedLength = false,
        NameServerMaxEntries = 2048,
        VendorId = FcBsg.VendorId.QLogic,
        FirmwareBusyStatus = QlogicCompletionStatuses.PortBusy,
    };

    /// <summary>zfcp (s390): preamble word1 @8 even for HST_CT; D_ID from GS_Type; full-length rcv_len;
    /// single-page segments without chained SBALs (EOPNOTSUPP); GPN_FT in 4 pages.</summary>
    public static readonly FcDriverProfile Zfcp = new()
    {
        Name = "zfcp",
        Supported = FcMsgCodeSupport.HostElsNoLogin | FcMsgCodeSupport.HostCt | FcMsgCodeSupport.RportEls | FcMsgCodeSupport.RportCt,
        PreamblePlacement = CtPreamblePlacement.RportCtLayout,
        HostCtGsTypes = [GsTypes.Alias, GsTypes.Management, GsTypes.Time, GsTypes.Directory],
        TrustsReceivedLength = false,
        MaxSingleSegmentBytes = 4096,
        NameServerMaxResponseBytes = 4 * 4096,
    };

    /// <summary>ibmvfc (POWER): one passthrough at a time per host, single-segment buffers.</summary>
    public static readonly FcDriverProfile Ibmvfc = new()
    {
        Name = "ibmvfc",
        Supported = FcMsgCodeSupport.HostElsNoLogin | FcMsgCodeSupport.HostCt | FcMsgCodeSupport.RportEls | FcMsgCodeSupport.RportCt,
        SerializeRequests = true,
        MaxParallelRequests = 1,
        MaxSingleSegmentBytes = 4096,
    };

    /// <summary>bfa (Brocade): only HST_VENDOR; ELS and CT need a proprietary trailer BsgKit does not send, so every request is refused with <see cref="FcDriverProfile.UnsupportedReason"/>.</summary>
    public static readonly FcDriverProfile Bfa = new()
    {
        Name = "bfa",
        Supported = FcMsgCodeSupport.HostVendor,
        UnsupportedReason = "the bfa driver (Brocade) accepts ELS and CT only with a proprietary bfa_bsg_data trailer that points into " +
                            "user memory; BsgKit does not send it. Use the vendor's BCU tool",
    };

    /// <summary>fnic (Cisco): registers no bsg handler, so nothing can be sent; requests are refused with <see cref="FcDriverProfile.UnsupportedReason"/>.</summary>
    public static readonly FcDriverProfile Fnic = new()
    {
        Name = "fnic",
        Supported = FcMsgCodeSupport.None,
        UnsupportedReason = "the fnic driver (Cisco) registers no bsg handler, so there is no /dev/bsg/fc_hostN node to send ELS or CT through",
    };

    /// <summary>An unrecognised driver: treated like libfc, the most permissive personality.</summary>
    public static readonly FcDriverProfile Unknown = Libfc with { Name = "unknown" };

    /// <summary>Every built-in profile, <see cref="Unknown"/> last.</summary>
    public static IReadOnlyList<FcDriverProfile> All { get; } = [Libfc, Lpfc, Qla2xxx, Zfcp, Ibmvfc, Bfa, Fnic, Unknown];

    /// <summary>The profile for a proc_name (/sys/class/scsi_host/hostN/proc_name). Unknown drivers get a warning.</summary>
    public static FcDriverProfile ForDriver(string? procName, ILogger? logger = null)
    {
        var name = procName?.Trim();
        FcDriverProfile? profile = name switch
        {
            "fcoe" or "bnx2fc" or "qedf" => Libfc,
            "lpfc" => Lpfc,
            "qla2xxx" => Qla2xxx,
            "zfcp" => Zfcp,
            "ibmvfc" => Ibmvfc,
            "bfa" => Bfa,
            "fnic" => Fnic,
            _ => null,
        };
        if (profile is null)
        {
            (logger ?? NullLogger.Instance).LogWarning(
                "FC driver '{Driver}' has no BsgKit profile; treating it like libfc. Pick a profile by name if requests fail with EINVAL",
                name ?? "(unknown)");
            return Unknown with { DriverName = name };
        }
        return profile with { DriverName = name };
    }

    /// <summary>A profile by its name (libfc, lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown) or a proc_name alias.</summary>
    public static FcDriverProfile ByName(string name)
    {
        foreach (var p in All)
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p;
        return name.ToLowerInvariant() switch
        {
            "fcoe" or "bnx2fc" or "qedf" => Libfc with { DriverName = name },
            _ => throw new ArgumentException(
                $"no FC driver profile named '{name}'; known: libfc (fcoe, bnx2fc, qedf), lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown", nameof(name)),
        };
    }
}
