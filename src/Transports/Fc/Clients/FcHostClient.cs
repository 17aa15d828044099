using System.Collections.Concurrent;
using BsgKit.Bsg;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.FcBsg;
using BsgKit.Fc.Profiles;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Fc.Clients;

/// <summary>
/// A client for /dev/bsg/fc_hostN. CT to the fabric's servers and ELS to any FC ID are routed per driver
/// profile: HST_CT / HST_ELS_NOLOGIN where the driver has them, otherwise RPT_CT / RPT_ELS through the remote
/// port with that port_id (lpfc: the 0xFFFFFC rport for the name server). Thread-safe.
/// </summary>
public sealed partial class FcHostClient : FcClient
{
    private readonly IReadOnlyList<FcRemotePortInfo> _remotePorts;
    private readonly FcClientOptions _options;
    // The rport nodes opened so far, by port_id: the first few in an array read without a lock (a command opens one or
    // two; a ConcurrentDictionary<uint, …> is JIT-compiled at start), the rest in a dictionary made when needed.
    private CachedNode[] _fewRportNodes = [];
    private ConcurrentDictionary<uint, FcNode>? _moreRportNodes;
    private const int FewRportNodes = 8;
    private readonly Lock _rportNodesLock = new();
    private bool _disposed;

    private FcHostClient(FcNode node, FcSession session, FcHostInfo host, IReadOnlyList<FcRemotePortInfo> remotePorts, FcClientOptions options)
        : base(node, session, ownsSession: true)
    {
        Host = host;
        _remotePorts = remotePorts;
        _options = options;
    }

    /// <summary>The fc_host this client talks through (sysfs attributes as read when it was opened).</summary>
    public FcHostInfo Host { get; }
    /// <summary>N of hostN / fc_hostN.</summary>
    public int HostNumber => Host.HostNumber;

    /// <summary>This host's remote ports as the catalog saw them (the routes RPT_CT / RPT_ELS can take).</summary>
    public IReadOnlyList<FcRemotePortInfo> RemotePorts => _remotePorts;

    /// <summary>Opens fc_host<paramref name="hostNumber"/> from a catalog snapshot; the profile comes from its proc_name unless overridden.</summary>
    public static FcHostClient Open(FcCatalogSnapshot catalog, int hostNumber, FcClientOptions? options = null)
    {
        FcHostInfo? host = null;
        foreach (var h in catalog.FcHosts) if (h.HostNumber == hostNumber) host = h;
        if (host is null)
            throw new FcNotSupportedException($"/sys/class/fc_host/host{hostNumber}", $"host{hostNumber} is not an FC host",
                FcAdvice.ListHosts);
        var ports = new List<FcRemotePortInfo>();
        foreach (var r in catalog.RemotePorts) if (r.HostNumber == hostNumber) ports.Add(r);
        return Open(host, ports, options);
    }

    /// <summary>Opens the host's bsg node; <paramref name="remotePorts"/> are the rports RPT_* routes may use.</summary>
    public static FcHostClient Open(FcHostInfo host, IReadOnlyList<FcRemotePortInfo> remotePorts, FcClientOptions? options = null)
    {
        options ??= new FcClientOptions();
        var logger = options.Logger ?? NullLogger.Instance;
        var profile = options.ResolveProfile(host.Driver, logger);
        if (host.Node?.DevicePath is not { } path)
        {
            var reason = profile.UnsupportedReason ?? $"{host.Name} has no bsg node ({host.Node?.Note ?? "none in /sys/class/bsg"})";
            throw new FcNotSupportedException($"/dev/bsg/fc_{host.Name}", $"{host.Name} ({profile}): {reason}",
                profile.UnsupportedReason is null ? "load the driver with bsg support, or create the node with mknod" : "this driver cannot be used through FC bsg");
        }
        var session = new FcSession(profile, logger, options);
        try
        {
            var device = BsgDevice.Open(path, options.Transport, options.Pool, logger);
            return new FcHostClient(new FcNode(device, session, isHost: true), session, host, remotePorts, options);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>A client for one of this host's remote ports that shares this host's profile and request gate.</summary>
    public FcRemotePortClient OpenRemotePort(FcId portId) => FcRemotePortClient.Create(OpenRportNode(portId, owned: true), FindRport(portId)!, Session);

    private FcRemotePortInfo? FindRport(FcId portId)
    {
        for (var i = 0; i < _remotePorts.Count; i++) if (_remotePorts[i].PortId == portId) return _remotePorts[i]; // no boxed enumerator
        return null;
    }

    private FcNode OpenRportNode(FcId portId, bool owned)
    {
        // The steady state (CT through lpfc's directory-server rport): one lookup, not a scan of 10,000 rports.
        if (!owned && CachedRportNode(portId.Value) is { } open) return open;
        var info = FindRport(portId) ?? throw (portId.IsWellKnown
            // A fabric service this driver can only reach through its rport: the host cannot talk to that server at all.
            ? new FcNotSupportedException(DevicePath, $"{Host.Name} has no remote port with port_id {portId} ({portId.WellKnownName})",
                $"{Profile.Name} reaches the {portId.WellKnownName} through the rport with port_id {portId}; the host is not logged in to it (link down, or no fabric?)")
            : new FcPortNotFoundException(DevicePath, $"{Host.Name} has no remote port with port_id {portId}",
                "the port is not logged in from this host; " + FcAdvice.ListRemotePorts));
        if (info.Node?.DevicePath is not { } path)
            throw new FcNotSupportedException(DevicePath, $"{info.Name} ({portId}) has no bsg node", info.Node?.Note ?? FcAdvice.CreateNode);
        if (owned) return new FcNode(BsgDevice.Open(path, _options.Transport, _options.Pool, Logger), Session, isHost: false);
        if (CachedRportNode(portId.Value) is { } cached) return cached;
        // Opened under a lock: a second node opened by a racing caller would never be disposed.
        lock (_rportNodesLock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cached = CachedRportNode(portId.Value);
            if (cached is not null) return cached;
            var node = new FcNode(BsgDevice.Open(path, _options.Transport, _options.Pool, Logger), Session, isHost: false);
            var few = _fewRportNodes;
            if (few.Length < FewRportNodes)
            {
                var grown = new CachedNode[few.Length + 1];
                Array.Copy(few, grown, few.Length);
                grown[few.Length] = new CachedNode(portId.Value, node);
                Volatile.Write(ref _fewRportNodes, grown);
            }
            else
            {
                (_moreRportNodes ??= new())[portId.Value] = node;
            }
            return node;
        }
    }

    private FcNode? CachedRportNode(uint portId)
    {
        foreach (var c in Volatile.Read(ref _fewRportNodes))
            if (c.PortId == portId) return c.Node;
        var more = Volatile.Read(ref _moreRportNodes);
        return more is not null && more.TryGetValue(portId, out var node) ? node : null;
    }

    private sealed record CachedNode(uint PortId, FcNode Node);

    private protected override FcRoute RouteCt(FcId destination, byte gsType)
    {
        RequireUsable();
        var viaRport = !Profile.Supports(FcBsgMsgCode.HostCt)
                       || (destination.IsWellKnown && Profile.WellKnownCtRoute == FcCtRoute.RemotePortCt);
        if (!viaRport) return new FcRoute(PrimaryNode, FcBsgMsgCode.HostCt, destination);
        if (!Profile.Supports(FcBsgMsgCode.RportCt))
            throw NotSupported("CT passthrough (neither HST_CT nor RPT_CT)", "use the vendor's management tool");
        return new FcRoute(OpenRportNode(destination, owned: false), FcBsgMsgCode.RportCt, destination);
    }

    private protected override FcRoute RouteEls(FcId? destination)
    {
        RequireUsable();
        var dest = destination ?? throw new ArgumentNullException(nameof(destination), "an ELS from the host needs a destination FC ID");
        if (Profile.Supports(FcBsgMsgCode.HostElsNoLogin)) return new FcRoute(PrimaryNode, FcBsgMsgCode.HostElsNoLogin, dest);
        if (Profile.Supports(FcBsgMsgCode.RportEls)) return new FcRoute(OpenRportNode(dest, owned: false), FcBsgMsgCode.RportEls, dest);
        throw NotSupported("ELS passthrough (neither HST_ELS_NOLOGIN nor RPT_ELS)", "use the vendor's management tool");
    }

    /// <summary>
    /// Sends any ELS described by <typeparamref name="TCommand"/> to <paramref name="destination"/>
    /// (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it) and decodes the LS_ACC;
    /// every typed ELS method of this client is this call with its codec.
    /// </summary>
    /// <typeparam name="TCommand">The codec (<c>Plogi</c>, <c>Rls</c> …) that describes the ELS.</typeparam>
    /// <typeparam name="TArg">Its request contents.</typeparam>
    /// <typeparam name="TResult">What its accept decodes to.</typeparam>
    public ValueTask<FcResponse<TResult>> ElsAsync<TCommand, TArg, TResult>(FcId destination, TArg argument, CancellationToken cancellationToken = default)
        where TCommand : Els.IElsCommand<TArg, TResult> =>
        ElsCoreAsync<TCommand, TArg, TResult>(destination, argument, cancellationToken);

    /// <summary>Sends a caller-built ELS payload (byte 0 = command) to <paramref name="destination"/>; returns the raw result.</summary>
    public Task<FcExchangeResult> SendElsAsync(FcId destination, ReadOnlyMemory<byte> payload, int maxResponseBytes,
        CancellationToken cancellationToken = default) => SendElsCoreAsync(destination, payload, maxResponseBytes, cancellationToken);

    /// <summary>
    /// FC_BSG_HST_VENDOR: <paramref name="vendorCommand"/> words from request offset 12 (command code first),
    /// optional dout, a din of <paramref name="dinLength"/>. vendor_id from the profile unless given. The raw
    /// reply (vendor_rsp words from offset 8) is in <see cref="FcExchangeResult.Reply"/>.
    /// </summary>
    public async Task<FcExchangeResult> SendVendorAsync(ReadOnlyMemory<uint> vendorCommand, ReadOnlyMemory<byte> dout, int dinLength,
        ulong? vendorId = null, CancellationToken cancellationToken = default)
    {
        RequireMsgCode(FcBsgMsgCode.HostVendor, "this driver has no vendor channel (the transport answers ESRCH)");
        var id = vendorId ?? Profile.VendorId
            ?? throw NotSupported("vendor commands without a known vendor_id", "pass the vendor_id explicitly");
        var tx = PrimaryNode.Rent(FcBsgRequest.VendorHeaderSize + 4 * vendorCommand.Length, dout.Length, dinLength);
        try
        {
            FcBsgRequest.BuildVendor(tx.Request, id, vendorCommand.Span);
            dout.Span.CopyTo(tx.Dout);
            var op = vendorCommand.Length > 0 ? $"vendor command 0x{vendorCommand.Span[0]:x}" : "vendor command";
            return await PrimaryNode.ExecuteAsync(tx, FcPayloadKind.Vendor, FcBsgMsgCode.HostVendor, op, null, true, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            PrimaryNode.Return(tx);
        }
    }

    /// <summary>Closes the host node and every cached rport node, freeing their pooled transactions' native buffers.</summary>
    public override void Dispose()
    {
        lock (_rportNodesLock)
        {
            _disposed = true;
            foreach (var c in _fewRportNodes) c.Node.Dispose();
            _fewRportNodes = [];
            if (_moreRportNodes is { } more)
            {
                foreach (var node in more.Values) node.Dispose();
                more.Clear();
            }
        }
        base.Dispose();
    }
}
