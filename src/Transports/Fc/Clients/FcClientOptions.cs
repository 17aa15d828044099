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
    public PinnedBufferPool? Pool { get; init; }
    public ILogger? Logger { get; init; }

    /// <summary>Use this profile instead of detecting one from proc_name (override quirks with <c>with { … }</c>).</summary>
    public FcDriverProfile? Profile { get; init; }

    /// <summary>Pick a built-in profile by name (libfc, lpfc, qla2xxx, zfcp, ibmvfc, bfa, fnic, unknown); ignored when <see cref="Profile"/> is set.</summary>
    public string? ProfileName { get; init; }

    /// <summary>sg_io_v4.timeout per request; null = the profile's default.</summary>
    public uint? TimeoutMs { get; init; }

    internal FcDriverProfile ResolveProfile(string? procName, ILogger logger) =>
        Profile ?? (ProfileName is { } n ? FcDriverProfiles.ByName(n) with { DriverName = procName ?? n } : FcDriverProfiles.ForDriver(procName, logger));
}
