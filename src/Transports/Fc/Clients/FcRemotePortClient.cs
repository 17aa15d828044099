using BsgKit.Bsg;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.FcBsg;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Fc.Clients;

/// <summary>
/// A client for /dev/bsg/rport-H:C-N: RPT_ELS to that port, RPT_CT to it (useful when it is a fabric server,
/// e.g. the 0xFFFFFC rport on lpfc). Thread-safe.
/// </summary>
public sealed partial class FcRemotePortClient : FcClient
{
    private FcRemotePortClient(FcNode node, FcSession session, FcRemotePortInfo port, bool ownsSession) : base(node, session, ownsSession)
    {
        RemotePort = port;
    }

    /// <summary>The remote port (rport-H:C-N) this client sends to.</summary>
    public FcRemotePortInfo RemotePort { get; }
    /// <summary>The remote port's N_Port ID, null when sysfs did not give one.</summary>
    public FcId? PortId => RemotePort.PortId;

    internal static FcRemotePortClient Create(FcNode node, FcRemotePortInfo port, FcSession sharedSession) => new(node, sharedSession, port, ownsSession: false);

    /// <summary>Opens rport-H:C-N from a catalog snapshot; the profile comes from host H's proc_name unless overridden.</summary>
    public static FcRemotePortClient Open(FcCatalogSnapshot catalog, string remotePortName, FcClientOptions? options = null)
    {
        FcRemotePortInfo? port = null;
        foreach (var r in catalog.RemotePorts) if (r.Name == remotePortName) port = r;
        if (port is null)
            throw new FcNotSupportedException($"/dev/bsg/{remotePortName}", $"no remote port named {remotePortName}", FcAdvice.ListRemotePorts);
        return Open(port, catalog.DriverOf(port.HostNumber), options);
    }

    /// <summary>Opens the rport's bsg node with the profile of <paramref name="driver"/> (the host's proc_name; null: generic).</summary>
    public static FcRemotePortClient Open(FcRemotePortInfo port, string? driver, FcClientOptions? options = null)
    {
        options ??= new FcClientOptions();
        var logger = options.Logger ?? NullLogger.Instance;
        var profile = options.ResolveProfile(driver, logger);
        if (port.Node?.DevicePath is not { } path)
            throw new FcNotSupportedException($"/dev/bsg/{port.Name}", $"{port.Name} ({profile}) has no bsg node",
                profile.UnsupportedReason ?? port.Node?.Note ?? FcAdvice.CreateNode);
        var session = new FcSession(profile, logger, options);
        try
        {
            var device = BsgDevice.Open(path, options.Transport, options.Pool, logger);
            return new FcRemotePortClient(new FcNode(device, session, isHost: false), session, port, ownsSession: true);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    private protected override FcRoute RouteCt(FcId destination, byte gsType)
    {
        RequireMsgCode(FcBsgMsgCode.RportCt, Profile.Supports(FcBsgMsgCode.HostCt)
            ? $"{Profile.Name} takes CT only on the host node: use the fc_host{RemotePort.HostNumber} client"
            : "use the vendor's management tool");
        return new FcRoute(PrimaryNode, FcBsgMsgCode.RportCt, PortId);
    }

    private protected override FcRoute RouteEls(FcId? destination)
    {
        RequireMsgCode(FcBsgMsgCode.RportEls, "use the host client's HST_ELS_NOLOGIN instead");
        return new FcRoute(PrimaryNode, FcBsgMsgCode.RportEls, PortId);
    }

    /// <summary>
    /// Sends any ELS described by <typeparamref name="TCommand"/> to this remote port (RPT_ELS) and decodes the
    /// LS_ACC; every typed ELS method of this client is this call with its codec.
    /// </summary>
    /// <typeparam name="TCommand">The codec (<c>Plogi</c>, <c>Rls</c> …) that describes the ELS.</typeparam>
    /// <typeparam name="TArg">Its request contents.</typeparam>
    /// <typeparam name="TResult">What its accept decodes to.</typeparam>
    public ValueTask<FcResponse<TResult>> ElsAsync<TCommand, TArg, TResult>(TArg argument, CancellationToken cancellationToken = default)
        where TCommand : Els.IElsCommand<TArg, TResult> =>
        ElsCoreAsync<TCommand, TArg, TResult>(null, argument, cancellationToken);

    /// <summary>Sends a caller-built ELS payload (byte 0 = command) to this port; returns the raw result.</summary>
    public Task<FcExchangeResult> SendElsAsync(ReadOnlyMemory<byte> payload, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        SendElsCoreAsync(null, payload, maxResponseBytes, cancellationToken);
}
