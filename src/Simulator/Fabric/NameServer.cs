using System.Buffers;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.NameServer;
using static BsgKit.Fc.Codes.CtReasonExplanations;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The name server (directory service 0xFC/0x02 at 0xFFFFFC, and the unzoned view 0xFA/0x02). Queries see only
/// ports that share a zone with the requester (the unzoned server sees all). Lists honour ct_mr_size: a list
/// that does not fit is cut at an entry boundary, without the last-entry bit, with the residual in words.
/// A GID_FT/GPN_FT/GNN_FT/GID_PT whose answer has more entries than <see cref="MaxEntriesPerQuery"/> is
/// rejected with reason 0x04 "Invalid CT_IU size" so clients can retry with a domain or area scope. GID_FF lists
/// the ports by registered FC-4 feature bits. Commands the scenario names in nameServer.unsupportedCommands get
/// "command not supported", as on a switch without them.
/// </summary>
internal sealed class NameServer : ICtService
{
    private static readonly byte[] NoIpAddress = new byte[16];
    private readonly PortDirectory _ports;
    private readonly ZoningPolicy _zoning;
    private readonly bool _unzoned;

    // An array, not a HashSet<ushort> (JIT-compiled at start): a scenario lists a few commands at most.
    private readonly ushort[] _unsupported;

    public NameServer(PortDirectory ports, ZoningPolicy zoning, bool unzoned, int maxEntriesPerQuery, IReadOnlyCollection<ushort>? unsupportedCommands = null)
    {
        _ports = ports;
        _zoning = zoning;
        _unzoned = unzoned;
        MaxEntriesPerQuery = maxEntriesPerQuery;
        _unsupported = unsupportedCommands is null || unsupportedCommands.Count == 0 ? [] : [.. unsupportedCommands];
        Server = unzoned ? CtServer.UnzonedNameServer : CtServer.NameServer;
    }

    public CtServer Server { get; }
    public CodeTable Commands => GsNameServerCommands.Table;
    /// <summary>0 = no cap.</summary>
    public int MaxEntriesPerQuery { get; }

    private bool IsUnsupported(ushort command)
    {
        foreach (var c in _unsupported)
            if (c == command) return true;
        return false;
    }

    public int Handle(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        // A name server without the command (scenario nameServer.unsupportedCommands): older switches lack GID_FF or GA_NXT.
        var length = IsUnsupported(request.Command) ? CtAnswers.NotSupported(response, Server) : request.Command switch
        {
            GsNameServerCommands.GidFf => ListByFeatures(request, GidFf.ParseRequest(iu), response),
            GsNameServerCommands.GaNxt => GetAllNext(request, GaNxt.ParseRequest(iu), response),
            GsNameServerCommands.GidFt => ListByType(request, GidFt.ParseRequest(iu), ListShape.PortIds, response),
            GsNameServerCommands.GpnFt => ListByType(request, GpnFt.ParseRequest(iu), ListShape.PortNames, response),
            GsNameServerCommands.GnnFt => ListByType(request, GnnFt.ParseRequest(iu), ListShape.NodeNames, response),
            GsNameServerCommands.GidPt => ListByPortType(request, GidPt.ParseRequest(iu), response),
            GsNameServerCommands.GpnId or GsNameServerCommands.GnnId or GsNameServerCommands.GcsId or
            GsNameServerCommands.GftId or GsNameServerCommands.GspnId or GsNameServerCommands.GptId or
            GsNameServerCommands.GfpnId or GsNameServerCommands.GffId => QueryById(request, response),
            GsNameServerCommands.GidPn => GetIdByPortName(request, GidPn.ParseRequest(iu), response),
            GsNameServerCommands.GidNn => GetIdsByNodeName(request, GidNn.ParseRequest(iu), response),
            GsNameServerCommands.GsnnNn => GetSymbolicNodeName(request, GsnnNn.ParseRequest(iu), response),
            GsNameServerCommands.RftId or GsNameServerCommands.RffId or GsNameServerCommands.RspnId or
            GsNameServerCommands.RnnId or GsNameServerCommands.RpnId or GsNameServerCommands.DaId => RegisterById(request, response),
            GsNameServerCommands.RsnnNn => RegisterSymbolicNodeName(request, response),
            _ => CtAnswers.NotSupported(response, Server),
        };
        // The codecs write the directory service header; the unzoned server answers as itself.
        if (_unzoned)
        {
            response[4] = Server.GsType;
            response[5] = Server.GsSubtype;
        }
        return length;
    }

    private bool Visible(SimNPort? viewer, SimNPort port) => _unzoned || viewer is null || _zoning.CanSee(viewer, port);

    private SimNPort? VisibleById(scoped in CtRequest request, FcId id)
    {
        var port = _ports.FindRegistered(id);
        return port is not null && Visible(request.Source, port) ? port : null;
    }

    // ---- GA_NXT: the next visible port after the given ID, wrapping to the lowest.
    private int GetAllNext(scoped in CtRequest request, FcId after, Span<byte> response)
    {
        var snapshot = _ports.Registered;
        if (snapshot.Length == 0) return CtAnswers.Unable(response, Server, DatabaseEmpty);
        var start = PortDirectory.IndexOf(snapshot, after);
        start = start >= 0 ? start + 1 : ~start;
        for (var n = 0; n < snapshot.Length; n++)
        {
            var port = snapshot[(start + n) % snapshot.Length];
            if (!Visible(request.Source, port)) continue;
            return GaNxt.BuildAccept(response, new GaNxtEntry(
                port.PortType, port.Id, port.PortName, port.SymbolicPortName, port.NodeName, port.SymbolicNodeName,
                0, NoIpAddress, port.ClassOfService, port.Fc4Types, NoIpAddress, port.FabricPortName, default));
        }
        return CtAnswers.Unable(response, Server, DatabaseEmpty);
    }

    private enum ListShape { PortIds, PortNames, NodeNames }

    private static bool InScope(SimNPort port, byte domainScope, byte areaScope) =>
        (domainScope == 0 || port.Id.Domain == domainScope) && (domainScope == 0 || areaScope == 0 || port.Id.Area == areaScope);

    private int ListByType(scoped in CtRequest request, NsFc4TypeScope scope, ListShape shape, Span<byte> response)
    {
        var snapshot = _ports.Registered;
        var matches = ArrayPool<SimNPort>.Shared.Rent(Math.Max(1, snapshot.Length));
        try
        {
            var count = 0;
            foreach (var port in snapshot)
                if (InScope(port, scope.DomainScope, scope.AreaScope) && port.Fc4Types.Contains(scope.Fc4Type) && Visible(request.Source, port))
                    matches[count++] = port;
            if (count == 0)
                return CtAnswers.Unable(response, Server, scope.DomainScope != 0 ? NoObjectInScope : Fc4TypesNotRegistered);
            return WriteList(request, matches.AsSpan(0, count), shape, response);
        }
        finally { ArrayPool<SimNPort>.Shared.Return(matches, clearArray: true); }
    }

    private int ListByPortType(scoped in CtRequest request, NsPortTypeScope scope, Span<byte> response)
    {
        var snapshot = _ports.Registered;
        var matches = ArrayPool<SimNPort>.Shared.Rent(Math.Max(1, snapshot.Length));
        try
        {
            var count = 0;
            foreach (var port in snapshot)
            {
                var typeMatches = scope.PortType == PortTypes.NxPort
                    ? port.PortType is PortTypes.NPort or PortTypes.NlPort
                    : port.PortType == scope.PortType;
                if (typeMatches && InScope(port, scope.DomainScope, scope.AreaScope) && Visible(request.Source, port))
                    matches[count++] = port;
            }
            if (count == 0)
                return CtAnswers.Unable(response, Server, scope.DomainScope != 0 ? NoObjectInScope : PortTypeNotRegistered);
            return WriteList(request, matches.AsSpan(0, count), ListShape.PortIds, response);
        }
        finally { ArrayPool<SimNPort>.Shared.Return(matches, clearArray: true); }
    }

    /// <summary>GID_FF: the ports that registered every given feature bit for the type (any feature of it when no bit is given).</summary>
    private int ListByFeatures(scoped in CtRequest request, NsFc4FeatureScope scope, Span<byte> response)
    {
        var snapshot = _ports.Registered;
        var matches = ArrayPool<SimNPort>.Shared.Rent(Math.Max(1, snapshot.Length));
        try
        {
            var count = 0;
            foreach (var port in snapshot)
            {
                var registered = port.Fc4Features.FeaturesOf(scope.Fc4Type);
                var hit = scope.Features == 0 ? registered != 0 : (registered & scope.Features) == scope.Features;
                if (hit && InScope(port, scope.DomainScope, scope.AreaScope) && Visible(request.Source, port)) matches[count++] = port;
            }
            if (count == 0)
                return CtAnswers.Unable(response, Server, scope.DomainScope != 0 ? NoObjectInScope : Fc4FeaturesNotRegistered);
            return WriteList(request, matches.AsSpan(0, count), ListShape.PortIds, response);
        }
        finally { ArrayPool<SimNPort>.Shared.Return(matches, clearArray: true); }
    }

    /// <summary>Writes an entry list, applying the per-query cap and ct_mr_size truncation.</summary>
    private int WriteList(scoped in CtRequest request, ReadOnlySpan<SimNPort> ports, ListShape shape, Span<byte> response)
    {
        if (MaxEntriesPerQuery > 0 && ports.Length > MaxEntriesPerQuery && IsCappedQuery(request.Command))
            return CtAnswers.Reject(response, Server, CtRejectReasons.InvalidIuSize, NoAdditionalExplanation);
        var entrySize = shape == ListShape.PortIds ? NsPortIdList.EntrySize : NsPortNameList.EntrySize;
        var fit = Math.Max(0, (request.MaxResponseBytes - CtIuHeader.Size) / entrySize);
        var kept = Math.Min(fit, ports.Length);
        var complete = kept == ports.Length;
        var residual = complete ? (ushort)0 : (ushort)Math.Min(0xFFFF, (ports.Length - kept) * entrySize / 4);
        if (shape == ListShape.PortIds)
        {
            var ids = ArrayPool<FcId>.Shared.Rent(Math.Max(1, kept));
            try
            {
                for (var i = 0; i < kept; i++) ids[i] = ports[i].Id;
                return NsPortIdListWriter(request.Command, response, ids.AsSpan(0, kept), complete, residual);
            }
            finally { ArrayPool<FcId>.Shared.Return(ids); }
        }
        var entries = ArrayPool<NsPortNameEntry>.Shared.Rent(Math.Max(1, kept));
        try
        {
            for (var i = 0; i < kept; i++)
                entries[i] = new NsPortNameEntry(ports[i].Id, shape == ListShape.PortNames ? ports[i].PortName : ports[i].NodeName);
            var slice = entries.AsSpan(0, kept);
            return shape == ListShape.PortNames
                ? GpnFt.BuildAccept(response, slice, complete, residual)
                : GnnFt.BuildAccept(response, slice, complete, residual);
        }
        finally { ArrayPool<NsPortNameEntry>.Shared.Return(entries); }
    }

    private static bool IsCappedQuery(ushort command) => command is GsNameServerCommands.GidFt or GsNameServerCommands.GpnFt
        or GsNameServerCommands.GnnFt or GsNameServerCommands.GidPt or GsNameServerCommands.GidFf;

    private static int NsPortIdListWriter(ushort command, Span<byte> response, ReadOnlySpan<FcId> ids, bool complete, ushort residual) =>
        command switch
        {
            GsNameServerCommands.GidPt => GidPt.BuildAccept(response, ids, complete, residual),
            GsNameServerCommands.GidNn => GidNn.BuildAccept(response, ids, complete, residual),
            GsNameServerCommands.GidFf => GidFf.BuildAccept(response, ids, complete, residual),
            _ => GidFt.BuildAccept(response, ids, complete, residual),
        };

    // ---- Per-port-ID queries.
    private int QueryById(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        var id = request.Command switch
        {
            GsNameServerCommands.GpnId => GpnId.ParseRequest(iu),
            GsNameServerCommands.GnnId => GnnId.ParseRequest(iu),
            GsNameServerCommands.GcsId => GcsId.ParseRequest(iu),
            GsNameServerCommands.GftId => GftId.ParseRequest(iu),
            GsNameServerCommands.GspnId => GspnId.ParseRequest(iu),
            GsNameServerCommands.GptId => GptId.ParseRequest(iu),
            GsNameServerCommands.GfpnId => GfpnId.ParseRequest(iu),
            _ => GffId.ParseRequest(iu),
        };
        var port = VisibleById(request, id);
        if (port is null) return CtAnswers.Unable(response, Server, PortIdNotRegistered);
        switch (request.Command)
        {
            case GsNameServerCommands.GpnId: return GpnId.BuildAccept(response, port.PortName);
            case GsNameServerCommands.GnnId: return GnnId.BuildAccept(response, port.NodeName);
            case GsNameServerCommands.GcsId: return GcsId.BuildAccept(response, port.ClassOfService);
            case GsNameServerCommands.GptId: return GptId.BuildAccept(response, port.PortType);
            case GsNameServerCommands.GfpnId: return GfpnId.BuildAccept(response, port.FabricPortName);
            case GsNameServerCommands.GftId:
                return port.Fc4Types.IsEmpty ? CtAnswers.Unable(response, Server, Fc4TypesNotRegistered) : GftId.BuildAccept(response, port.Fc4Types);
            case GsNameServerCommands.GspnId:
                return port.SymbolicPortName.Length == 0 ? CtAnswers.Unable(response, Server, SymbolicPortNameNotRegistered)
                    : GspnId.BuildAccept(response, port.SymbolicPortName);
            default:
                return IsEmpty(port.Fc4Features) ? CtAnswers.Unable(response, Server, Fc4FeaturesNotRegistered)
                    : GffId.BuildAccept(response, port.Fc4Features);
        }
    }

    private static bool IsEmpty(Fc4FeatureSet features)
    {
        for (var w = 0; w < Fc4FeatureSet.Size / 4; w++)
            if (features.Word(w) != 0) return false;
        return true;
    }

    private int GetIdByPortName(scoped in CtRequest request, Wwn name, Span<byte> response)
    {
        var port = _ports.FindByPortName(name);
        if (port is null || !port.Registered || !port.Online || !Visible(request.Source, port))
            return CtAnswers.Unable(response, Server, PortNameNotRegistered);
        return GidPn.BuildAccept(response, port.Id);
    }

    private int GetIdsByNodeName(scoped in CtRequest request, Wwn nodeName, Span<byte> response)
    {
        var snapshot = _ports.Registered;
        var matches = ArrayPool<SimNPort>.Shared.Rent(16);
        try
        {
            var count = 0;
            foreach (var port in snapshot)
            {
                if (port.NodeName != nodeName || !Visible(request.Source, port)) continue;
                if (count == matches.Length) break;
                matches[count++] = port;
            }
            if (count == 0) return CtAnswers.Unable(response, Server, NodeNameNotRegistered);
            return WriteList(request, matches.AsSpan(0, count), ListShape.PortIds, response);
        }
        finally { ArrayPool<SimNPort>.Shared.Return(matches, clearArray: true); }
    }

    private int GetSymbolicNodeName(scoped in CtRequest request, Wwn nodeName, Span<byte> response)
    {
        foreach (var port in _ports.Registered)
        {
            if (port.NodeName != nodeName || !Visible(request.Source, port)) continue;
            return port.SymbolicNodeName.Length == 0
                ? CtAnswers.Unable(response, Server, SymbolicNodeNameNotRegistered)
                : GsnnNn.BuildAccept(response, port.SymbolicNodeName);
        }
        return CtAnswers.Unable(response, Server, NodeNameNotRegistered);
    }

    // ---- Registrations. A port registers only itself (S_ID must be the port ID), as switches enforce.
    private int RegisterById(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        FcId id;
        switch (request.Command)
        {
            case GsNameServerCommands.RftId: id = RftId.ParseRequest(iu).Port; break;
            case GsNameServerCommands.RffId: id = RffId.ParseRequest(iu).Port; break;
            case GsNameServerCommands.RspnId: id = RspnId.ParseRequest(iu).Port; break;
            case GsNameServerCommands.RnnId: id = RnnId.ParseRequest(iu).Port; break;
            case GsNameServerCommands.RpnId: id = RpnId.ParseRequest(iu).Port; break;
            default: id = DaId.ParseRequest(iu); break;
        }
        var port = _ports.FindById(id);
        if (port is null || port.IsSwitchPort || !port.Online) return CtAnswers.Unable(response, Server, PortIdNotRegistered);
        if (request.SourceId != id) return CtAnswers.Unable(response, Server, AccessDenied);

        switch (request.Command)
        {
            case GsNameServerCommands.RftId:
                port.Fc4Types = RftId.ParseRequest(iu).Types;
                _ports.SetRegistered(port, true);
                return RftId.BuildAccept(response);
            case GsNameServerCommands.RffId:
            {
                var (_, type, features) = RffId.ParseRequest(iu);
                port.Fc4Features = Fc4Names.WithFeature(port.Fc4Features, type, features);
                return RffId.BuildAccept(response);
            }
            case GsNameServerCommands.RspnId:
                port.SymbolicPortName = RspnId.ParseRequest(iu).SymbolicPortName;
                return RspnId.BuildAccept(response);
            case GsNameServerCommands.RnnId:
                port.NodeName = RnnId.ParseRequest(iu).Name;
                port.ZoneIds = _zoning.ZonesOf(port.Id, port.PortName, port.NodeName);
                return RnnId.BuildAccept(response);
            case GsNameServerCommands.RpnId:
                if (!_ports.Rename(port, RpnId.ParseRequest(iu).Name))
                    return CtAnswers.Reject(response, Server, CtRejectReasons.LogicalError, PortNameNotRegistered);
                port.ZoneIds = _zoning.ZonesOf(port.Id, port.PortName, port.NodeName);
                return RpnId.BuildAccept(response);
            default:
                _ports.SetRegistered(port, false);
                return DaId.BuildAccept(response);
        }
    }

    private int RegisterSymbolicNodeName(scoped in CtRequest request, Span<byte> response)
    {
        var (nodeName, name) = RsnnNn.ParseRequest(request.Iu);
        var source = _ports.FindById(request.SourceId);
        if (source is null || source.NodeName != nodeName) return CtAnswers.Unable(response, Server, NodeNameNotRegistered);
        foreach (var port in _ports.Registered)
            if (port.NodeName == nodeName) port.SymbolicNodeName = name;
        source.SymbolicNodeName = name;
        return RsnnNn.BuildAccept(response);
    }
}
