using BsgKit.Fc.Clients;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct.NameServer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace BsgKit.Fc.Discovery;

/// <summary>How the listing got its ports.</summary>
public enum NameServerListingMethod
{
    /// <summary>One GPN_FT / GID_FT over the whole fabric.</summary>
    FullFabric,
    /// <summary>The full answer was truncated; per-domain (and where needed per-area) scoped queries.</summary>
    Scoped,
    /// <summary>Scoped queries were rejected; a GA_NXT walk over the name server.</summary>
    GaNxtWalk,
}

/// <summary>One listed port: ID, and WWPN when the method returns it (GPN_FT, GA_NXT).</summary>
/// <param name="PortId">The port's N_Port ID.</param>
/// <param name="PortName">Its WWPN; null when listed by GID_FT.</param>
public sealed record NameServerPort(FcId PortId, Wwn? PortName);

/// <summary>What <see cref="NameServerListing.ListAsync"/> lists and how far it goes; every property has a default.</summary>
public sealed record NameServerListingOptions
{
    /// <summary>FC-4 type to list (FCP 0x08 by default).</summary>
    public byte Fc4Type { get; init; } = Fc4Types.Fcp;

    /// <summary>GPN_FT (IDs and WWPNs, 16-byte entries) or GID_FT (IDs only, 4-byte entries: 4× more per response).</summary>
    public bool WithPortNames { get; init; } = true;

    /// <summary>Hard bound on GA_NXT steps, whatever the name server answers.</summary>
    public int MaxWalkSteps { get; init; } = 16_384;

    /// <summary>Domain IDs tried by scoped queries (FC-SW: 1..239).</summary>
    public byte FirstDomain { get; init; } = 1;
    /// <summary>Last domain ID tried by scoped queries (inclusive).</summary>
    public byte LastDomain { get; init; } = 239;
}

/// <summary>The listing, how it was obtained, and whether it is known to be complete.</summary>
/// <param name="Ports">The listed ports, in port ID order, each once.</param>
/// <param name="Method">How the ports were obtained.</param>
/// <param name="IsComplete">No truncation or failure is left unresolved.</param>
/// <param name="Requests">CT requests sent.</param>
/// <param name="Notes">Why the listing took a costlier path (truncation, rejected scoped queries …).</param>
/// <param name="Errors">Queries that failed; the ports they would have returned may be missing.</param>
public sealed record NameServerListingResult(
    IReadOnlyList<NameServerPort> Ports,
    NameServerListingMethod Method,
    bool IsComplete,
    int Requests,
    IReadOnlyList<string> Notes,
    IReadOnlyList<FcException> Errors)
{
    /// <summary>The requests per command name (GPN_FT, GID_FT, GA_NXT).</summary>
    public IReadOnlyDictionary<string, int> RequestsByCommand { get; init; } = new Dictionary<string, int>();

    /// <summary>The record's properties as "Name = value" text.</summary>
    public override string ToString() => BsgKit.Bsg.Text.RecordText.Of(this);
}

/// <summary>
/// Lists a fabric's ports by FC-4 type in a way that survives big fabrics: one GPN_FT/GID_FT sized for the
/// driver's cap; if truncated (residual or no last-entry bit), per-domain then per-area scoped queries; if the
/// name server rejects scoped queries, a GA_NXT walk that stops when it wraps and has a hard bound.
/// </summary>
public static class NameServerListing
{
    /// <summary>Lists the ports of <see cref="NameServerListingOptions.Fc4Type"/> through <paramref name="client"/>'s name server.</summary>
    /// <param name="client">The host's client; its driver profile sizes the responses.</param>
    /// <param name="options">What to list; null for FCP with port names over domains 1..239.</param>
    /// <param name="logger">Logs when the listing falls back to scoped queries or a walk; null for none.</param>
    /// <param name="cancellationToken">Stops the listing.</param>
    /// <returns>The ports, the method that found them and whether the list is complete.</returns>
    /// <exception cref="FcException">The fabric-wide query failed other than by a reject (an errno, a timeout, a driver that cannot send it): nothing could be listed.</exception>
    public static async Task<NameServerListingResult> ListAsync(FcClient client, NameServerListingOptions? options = null,
        ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        options ??= new NameServerListingOptions();
        logger ??= NullLogger.Instance;
        var state = new ListingState(client, options);

        var full = await state.QueryAsync(new NsFc4TypeScope(options.Fc4Type), cancellationToken).ConfigureAwait(false);
        if (full.Outcome == ScopedOutcome.Failed) throw full.Error!;
        if (full.Outcome is ScopedOutcome.Complete or ScopedOutcome.Empty)
            return state.Result(NameServerListingMethod.FullFabric, complete: true);

        state.Notes.Add(full.Outcome == ScopedOutcome.Truncated
            ? $"the fabric-wide list was truncated after {state.Count} entries; querying per domain"
            : $"the fabric-wide query was rejected ({full.Error?.Message}); querying per domain");
        logger.LogInformation("{Note}", state.Notes[^1]);

        var scopedWorks = true;
        var complete = true;
        for (int domain = options.FirstDomain; domain <= options.LastDomain && scopedWorks; domain++)
        {
            var d = await state.QueryAsync(new NsFc4TypeScope(options.Fc4Type, (byte)domain), cancellationToken).ConfigureAwait(false);
            switch (d.Outcome)
            {
                case ScopedOutcome.Rejected:
                    scopedWorks = false;
                    break;
                case ScopedOutcome.Failed:
                    state.Errors.Add(d.Error!);
                    complete = false;
                    break;
                case ScopedOutcome.Truncated:
                    // Area 0 as a scope means the whole domain again; ports there keep what the domain query returned.
                    for (var area = 1; area <= 255; area++)
                    {
                        var a = await state.QueryAsync(new NsFc4TypeScope(options.Fc4Type, (byte)domain, (byte)area), cancellationToken).ConfigureAwait(false);
                        if (a.Outcome is ScopedOutcome.Truncated or ScopedOutcome.Failed or ScopedOutcome.Rejected)
                        {
                            complete = false;
                            state.Notes.Add($"domain {domain} area {area}: {a.Outcome} ({a.Error?.Message ?? "still truncated; kept what fitted"})");
                            if (a.Error is { } e) state.Errors.Add(e);
                        }
                    }
                    break;
            }
        }
        if (scopedWorks) return state.Result(NameServerListingMethod.Scoped, complete);

        state.Notes.Add("the name server rejected domain-scoped queries; walking it with GA_NXT");
        logger.LogInformation("{Note}", state.Notes[^1]);
        var walkComplete = await WalkAsync(state, cancellationToken).ConfigureAwait(false);
        return state.Result(NameServerListingMethod.GaNxtWalk, walkComplete);
    }

    /// <summary>
    /// GA_NXT from 0x000000: each answer names the next registered port. Stops at the first ID seen again (the
    /// walk wrapped), at "database empty", on an error (keeping what it has), or at the hard bound.
    /// </summary>
    private static async Task<bool> WalkAsync(ListingState state, CancellationToken cancellationToken)
    {
        var seen = new HashSet<uint>();
        var previous = new FcId(0);
        for (var step = 0; step < state.Options.MaxWalkSteps; step++)
        {
            GaNxtEntry entry;
            try
            {
                state.CountRequest("GA_NXT");
                entry = (await state.Client.GaNxtAsync(previous, cancellationToken).ConfigureAwait(false)).Value;
            }
            catch (FcRejectedException e) when (e.IsCtReject && e.Explanation is CtReasonExplanations.DatabaseEmpty or CtReasonExplanations.NoObjectInScope)
            {
                return true;
            }
            catch (FcException e)
            {
                state.Errors.Add(e);
                state.Notes.Add($"GA_NXT walk stopped after {step} steps: {e.Message}");
                return false;
            }
            if (!seen.Add(entry.PortId.Value)) return true;   // wrapped: back at the start or repeating
            if (entry.Fc4Types.Contains(state.Options.Fc4Type)) state.Add(entry.PortId, entry.PortName);
            previous = entry.PortId;
        }
        state.Notes.Add($"GA_NXT walk stopped at its bound of {state.Options.MaxWalkSteps} steps");
        return false;
    }

    private enum ScopedOutcome { Complete, Empty, Truncated, Rejected, Failed }

    private readonly record struct QueryOutcome(ScopedOutcome Outcome, FcException? Error);

    private sealed class ListingState(FcClient client, NameServerListingOptions options)
    {
        private readonly Dictionary<uint, NameServerPort> _ports = new();
        public FcClient Client { get; } = client;
        public NameServerListingOptions Options { get; } = options;
        public List<string> Notes { get; } = new();
        public List<FcException> Errors { get; } = new();
        public int Requests;
        public int Count => _ports.Count;

        public void Add(FcId id, Wwn? name)
        {
            // 0x000000 is no fabric N_Port: it is the zeroed tail of a truncated list on drivers that report the
            // whole buffer as received (qla2xxx, zfcp), where the list has no last-entry bit to stop at.
            if (id.Value == 0) return;
            if (!_ports.TryGetValue(id.Value, out var existing) || existing.PortName is null) _ports[id.Value] = new NameServerPort(id, name);
        }

        public readonly Dictionary<string, int> ByCommand = new(StringComparer.Ordinal);

        public void CountRequest(string command)
        {
            Requests++;
            ByCommand[command] = ByCommand.GetValueOrDefault(command) + 1;
        }

        public async Task<QueryOutcome> QueryAsync(NsFc4TypeScope scope, CancellationToken cancellationToken)
        {
            CountRequest(Options.WithPortNames ? "GPN_FT" : "GID_FT");
            try
            {
                bool complete;
                if (Options.WithPortNames)
                {
                    var list = (await Client.GpnFtAsync(scope, cancellationToken).ConfigureAwait(false)).Value;
                    foreach (var e in list.Entries) Add(e.PortId, e.Name);
                    complete = list.IsComplete;
                }
                else
                {
                    var list = (await Client.GidFtAsync(scope, cancellationToken).ConfigureAwait(false)).Value;
                    foreach (var id in list.PortIds) Add(id, null);
                    complete = list.IsComplete;
                }
                return new QueryOutcome(complete ? ScopedOutcome.Complete : ScopedOutcome.Truncated, null);
            }
            // "FC-4 TYPEs not registered" (docs/reference/fc-gs.md, explanation 0x07) is how a fabric-wide GID_FT says no
            // port has that type: empty, not a reason to ask all 239 domains one by one.
            catch (FcRejectedException e) when (e.IsCtReject && e.Reason == CtRejectReasons.UnableToPerform
                                                && (e.Explanation is CtReasonExplanations.DatabaseEmpty or CtReasonExplanations.NoObjectInScope
                                                    || (e.Explanation == CtReasonExplanations.Fc4TypesNotRegistered && scope.DomainScope == 0)))
            {
                return new QueryOutcome(ScopedOutcome.Empty, null);
            }
            catch (FcRejectedException e)
            {
                return new QueryOutcome(ScopedOutcome.Rejected, e);
            }
            catch (FcException e) when (e is not FcNotSupportedException)
            {
                return new QueryOutcome(ScopedOutcome.Failed, e);
            }
        }

        public NameServerListingResult Result(NameServerListingMethod method, bool complete)
        {
            var ports = new List<NameServerPort>(_ports.Values);
            ports.Sort(static (a, b) => a.PortId.CompareTo(b.PortId));
            return new NameServerListingResult(ports, method, complete && Errors.Count == 0, Requests, Notes, Errors)
            {
                RequestsByCommand = new Dictionary<string, int>(ByCommand, StringComparer.Ordinal),
            };
        }
    }
}
