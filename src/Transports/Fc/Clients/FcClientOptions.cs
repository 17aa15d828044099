using BsgKit.Bsg;
using BsgKit.Bsg.Buffers;
using BsgKit.Fc.Profiles;
using Microsoft.Extensions.Logging;

namespace BsgKit.Fc.Clients;

/// <summary>How to open an FC client. Every member is optional.</summary>
public sealed record FcClientOptions
{
    /// <summary>Executes SG_IO; the Linux kernel by default, the simulator or a test script otherwise.</summary>
    public IBsgTransport? Transport { get; init; }
    /// <summary>Pinned buffer pool for request, reply, dout and din buffers; null: the client makes its own.</summary>
    public PinnedBufferPool? Pool { get; init; }
    /// <summary>Where each exchange is logged (debug level); null: nowhere.</summary>
    public ILogger? Logger { get; init; }

    /// <summary>Use this profile instead of detecting one from proc_name (override quirks with <c>with { … }</c>).</summary>
    public FcDriverProfile? Profile { get; init; }

    /// <summary>Pick a built-in profile by name (libfc, lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown); ignored when <see cref="Profile"/> is set.</summary>
    public string? ProfileName { get; init; }

    /// <summary>sg_io_v4.timeout per request; null = the profile's default.</summary>
    public uint? TimeoutMs { get; init; }

    /// <summary>
    /// Send requests that change fabric or port state (name-server registrations and DA_ID, FDMI RHBA/RPA/DHBA/DPRT,
    /// zone changes, FLOGI/FDISC/PLOGI/LOGO, LIRR, SRL …; <see cref="Codes.StateChangingRequests"/>). False (the
    /// default) refuses them with <see cref="FcStateChangeRefusedException"/> before anything is sent.
    /// </summary>
    public bool AllowStateChanges { get; init; }

    /// <summary>How a busy answer (F_BSY, P_BSY, CT or LS_RJT "logical busy", EBUSY) is retried; <see cref="FcBusyRetry.None"/> turns it off.</summary>
    public FcBusyRetry BusyRetry { get; init; } = FcBusyRetry.Default;

    internal FcDriverProfile ResolveProfile(string? procName, ILogger logger) =>
        Profile ?? (ProfileName is { } n ? FcDriverProfiles.ByName(n) with { DriverName = procName ?? n } : FcDriverProfiles.ForDriver(procName, logger));
}
