using System.Globalization;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Catalog;

namespace BsgKit.Tool.Infrastructure;

/// <summary>
/// What a host or port argument names: -H and HOST (fc_hostN, hostN, N, a WWPN, all; iscsi_hostN for iSCSI), remote
/// ports (rport-H:C-N, FC IDs, WWPNs, looked up with GID_PN when not logged in). A malformed spec is exit 2, a
/// well-formed one that matches nothing exit 3 naming what there is.
/// </summary>
/// <param name="fc">The FC catalog (read when first needed).</param>
/// <param name="iscsi">The iSCSI catalog (read when first needed).</param>
/// <param name="hostSpec">-H as given.</param>
/// <param name="scenarioName">The simulated scenario, for "scenario 'x' has no FC hosts"; null on the real machine.</param>
/// <param name="commandPath">The command, for "els rls runs on one host".</param>
internal sealed class HostResolver(Func<FcCatalogSnapshot> fc, Func<IscsiCatalogSnapshot> iscsi, string? hostSpec, string? scenarioName, string commandPath)
{
    private const string AllHostsWord = "all";
    private const string RportPrefix = "rport-";
    /// <summary>A bare number up to this many digits is a host number; longer is a WWPN without 0x.</summary>
    private const int MaxHostNumberDigits = 4;
    /// <summary>Hex digits of an FC ID (a WWPN has 16).</summary>
    private const int FcIdHexDigits = 6;
    /// <summary>The well-known-address domain (0xFFxxxx: fabric services, domain controllers).</summary>
    private const byte WellKnownDomain = 0xFF;

    public string? HostSpec => hostSpec;

    /// <summary>Whether -H all was given.</summary>
    public bool AllHosts => IsAll(hostSpec);

    private static bool IsAll(string? spec) => spec?.Trim().Equals(AllHostsWord, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The FC hosts -H (or <paramref name="spec"/>) selects (all of them for "all"); the first FC host with a bsg node when absent.</summary>
    public IReadOnlyList<FcHostInfo> SelectHosts(string? spec = null)
    {
        spec ??= hostSpec;
        var hosts = fc().FcHosts.OrderBy(h => h.HostNumber).ToList();
        if (spec is null)
        {
            if (hosts.Count == 0)
                throw CliException.NotFound(scenarioName is not null ? $"scenario '{scenarioName}' has no FC hosts" : "no FC hosts on this machine (nothing in /sys/class/fc_host); try --simulate lab");
            return [hosts.FirstOrDefault(h => h.Node?.DevicePath is not null) ?? hosts[0]];
        }
        if (IsAll(spec))
        {
            if (hosts.Count == 0) throw CliException.NotFound(scenarioName is not null ? $"scenario '{scenarioName}' has no FC hosts" : "no FC hosts on this machine");
            return hosts;
        }
        return [FindHost(spec, hosts)];
    }

    /// <summary>fc_hostN, hostN, N or a WWPN.</summary>
    private FcHostInfo FindHost(string spec, List<FcHostInfo> hosts)
    {
        var s = spec.Trim();
        int? number = null;
        foreach (var prefix in new[] { "fc_host", "host" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(s[prefix.Length..], NumberStyles.None, null, out var n)) number = n;
        if (number is null && s.Length <= MaxHostNumberDigits && int.TryParse(s, NumberStyles.None, null, out var plain)) number = plain;
        FcHostInfo? found = null;
        if (number is int hn) found = hosts.FirstOrDefault(h => h.HostNumber == hn);
        else if (Wwn.TryParse(s, out var w)) found = hosts.FirstOrDefault(h => h.PortName == w);
        else throw CliException.Usage($"-H '{spec}' is not a host (fc_hostN, hostN, N, a WWPN such as 0x10000090fa8c0a01, or all)");
        if (found is null)
        {
            var other = number is int inum && iscsi().IscsiHosts.Any(i => i.HostNumber == inum) ? $" (host{number} is an iSCSI host)" : "";
            throw CliException.NotFound($"no FC host matches '{spec}'{other} (FC hosts: {Names(hosts.Select(h => h.Name))})");
        }
        return found;
    }

    /// <summary>The one host a single-host command runs on.</summary>
    public FcHostInfo SelectHost()
    {
        var hosts = SelectHosts();
        if (hosts.Count != 1)
            throw CliException.Usage($"{commandPath} runs on one host; give -H fc_hostN (-H all works with list, info, ns and discover)");
        return hosts[0];
    }

    /// <summary>The host a remote-port argument implies (rport-H:C-N names its host), else -H.</summary>
    public FcHostInfo SelectHostFor(string? portSpec)
    {
        if (portSpec is null) return SelectHost();
        if (hostSpec is null && TryParseRport(portSpec, out var h))
        {
            var host = fc().FcHosts.FirstOrDefault(x => x.HostNumber == h);
            if (host is not null) return host;
        }
        return SelectHost();
    }

    private static bool TryParseRport(string s, out int host)
    {
        host = 0;
        if (!s.StartsWith(RportPrefix, StringComparison.Ordinal)) return false;
        var colon = s.IndexOf(':');
        return colon > RportPrefix.Length && int.TryParse(s.AsSpan(RportPrefix.Length, colon - RportPrefix.Length), out host);
    }

    /// <summary>
    /// A remote port by rport-H:C-N, FC ID or WWPN (WWPNs not logged in are looked up with GID_PN). With
    /// <paramref name="mustExist"/>, an FC ID that is neither a remote port of the host nor a fabric address is checked
    /// with GPN_ID first, so "no such port" is exit 3 on every driver (each one fails an ELS to nowhere differently).
    /// </summary>
    public async Task<FcId> ResolvePortAsync(FcHostClient client, string spec, CancellationToken ct, bool mustExist = false)
    {
        var s = spec.Trim();
        var ports = fc().RemotePorts;
        if (s.StartsWith(RportPrefix, StringComparison.Ordinal))
        {
            var r = ports.FirstOrDefault(x => x.Name == s)
                    ?? throw CliException.NotFound($"no remote port '{s}' (remote ports of {client.Host.Name}: {Names(ports.Where(p => p.HostNumber == client.HostNumber).Select(p => p.Name))})");
            if (r.HostNumber != client.HostNumber)
                throw CliException.NotFound($"remote port '{s}' belongs to host{r.HostNumber}, not {client.Host.Name}");
            return r.PortId ?? throw CliException.NotFound($"remote port '{s}' has no port_id (state {r.PortState ?? "unknown"})");
        }
        var hexLen = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s.Length - 2 : s.Length;
        if (!s.Contains(':') && hexLen <= FcIdHexDigits)
        {
            if (!FcId.TryParse(s, out var fcid))
                throw CliException.Usage($"'{spec}' is not a remote port (rport-H:C-N, an FC ID such as 0x010a00, or a WWPN)");
            if (mustExist) await CheckExistsAsync(client, fcid, ct).ConfigureAwait(false);
            return fcid;
        }
        var wwpn = Wwn.Parse(s);
        var known = ports.FirstOrDefault(x => x.HostNumber == client.HostNumber && x.PortName == wwpn && x.PortId is not null);
        if (known?.PortId is FcId knownId) return knownId;
        try
        {
            return (await client.GidPnAsync(wwpn, ct).ConfigureAwait(false)).Value;
        }
        catch (FcRejectedException e)
        {
            throw CliException.NotFound($"no port with WWPN {wwpn} in the fabric as seen from {client.Host.Name} ({e.Message})");
        }
    }

    private async Task CheckExistsAsync(FcHostClient client, FcId id, CancellationToken ct)
    {
        if (id.Domain == WellKnownDomain || client.Host.PortId == id) return; // fabric addresses and the host itself
        if (fc().RemotePorts.Any(r => r.HostNumber == client.HostNumber && r.PortId == id)) return;
        try
        {
            await client.GpnIdAsync(id, ct).ConfigureAwait(false);
        }
        catch (FcRejectedException e)
        {
            throw CliException.NotFound($"no port {id} in the fabric as seen from {client.Host.Name} (the name server says: {e.ExplanationName ?? e.ReasonName ?? "rejected"})");
        }
        catch (FcException)
        {
            // The name server is out of reach (a driver that cannot send CT): let the request itself say what happens.
        }
    }

    /// <summary>The host number of iscsi_hostN, hostN or N; null for anything else.</summary>
    public static int? TryParseIscsiHost(string spec)
    {
        var s = spec.Trim();
        foreach (var prefix in new[] { "iscsi_host", "host" })
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && int.TryParse(s[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                return n;
        return int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var plain) ? plain : null;
    }

    /// <summary>iscsi_host7, host7 or 7 among the iSCSI hosts; anything else is exit 3 naming them.</summary>
    public IscsiHostInfo SelectIscsiHost(string spec)
    {
        var number = TryParseIscsiHost(spec);
        var hosts = iscsi().IscsiHosts.OrderBy(h => h.HostNumber).ToList();
        var found = number is int hn ? hosts.FirstOrDefault(h => h.HostNumber == hn) : null;
        if (found is not null) return found;
        var other = number is int fn && fc().FcHosts.Any(h => h.HostNumber == fn) ? $" (host{number} is an FC host)" : "";
        throw CliException.NotFound($"no iSCSI host matches '{spec}'{other} (iSCSI hosts: {Names(hosts.Select(h => h.Name))})");
    }

    private static string Names(IEnumerable<string> names)
    {
        var list = names.ToList();
        return list.Count == 0 ? "none" : string.Join(", ", list);
    }
}
