using BsgKit.Fc;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using IscsiDriverNames = BsgKit.Iscsi.Codes.IscsiDrivers;

namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// Checks a scenario completely and reports every problem with the JSON path of the field at fault
/// ("$.hosts[1].wwpn: 'zz' is not a WWN …"), so a scenario author fixes them all in one go.
/// </summary>
public static class ScenarioValidator
{
    /// <summary>FC driver names (proc_name) a host may have.</summary>
    public static readonly IReadOnlyList<string> FcDrivers = ["fcoe", "bnx2fc", "qedf", "lpfc", "qla2xxx", "zfcp", "ibmvfc", "bfa", "fnic"];
    /// <summary>iSCSI driver names an iSCSI host may have.</summary>
    public static readonly IReadOnlyList<string> IscsiDrivers =
        [IscsiDriverNames.Qla4xxxProcName, IscsiDriverNames.Be2iscsiProcName, IscsiDriverNames.IscsiTcpProcName];
    /// <summary>Values of <see cref="FaultSpec.Kind"/>.</summary>
    public static IReadOnlyList<string> FaultKinds => Faults.FaultKinds.All;
    /// <summary>Values of <see cref="NPortSpec.Roles"/>.</summary>
    public static readonly IReadOnlyList<string> Roles = ["target", "initiator"];
    /// <summary>Values of <see cref="HostSpec.PortState"/>.</summary>
    public static readonly IReadOnlyList<string> HostPortStates = ["Online", "Linkdown", "Offline", "Blocked"];

    /// <summary>Every problem in the scenario, each naming the field; empty when it is usable.</summary>
    public static IReadOnlyList<string> Validate(Scenario s)
    {
        var e = new List<string>();
        if (HasNullEntries(e, s)) return e; // nothing below could look at them
        if (string.IsNullOrWhiteSpace(s.Name)) e.Add("$.name: a scenario needs a name");

        var domains = new HashSet<int>();
        var portsOf = new Dictionary<int, int>();
        for (var i = 0; i < s.Switches.Count; i++)
        {
            var sw = s.Switches[i];
            var p = $"$.switches[{i}]";
            if (sw.Domain is < 1 or > 239) e.Add($"{p}.domain: {sw.Domain} is outside 1..239");
            else if (!domains.Add(sw.Domain)) e.Add($"{p}.domain: domain {sw.Domain} is used twice");
            else portsOf[sw.Domain] = sw.Ports; // placements are checked against the first switch of a domain
            CheckWwn(e, $"{p}.wwn", sw.Wwn);
            if (sw.Ports is < 1 or > 256) e.Add($"{p}.ports: {sw.Ports} is outside 1..256");
            CheckText(e, $"{p}.name", sw.Name, CtIu.MaxTextBytes, "GIELN logical name");
            // GIEIL carries vendor, model and release, each with its NUL, behind one length byte.
            var gieil = Latin1(sw.Vendor ?? SimSwitchDefaults.Vendor) + Latin1(sw.Model ?? SimSwitchDefaults.Model) + Latin1(sw.FirmwareVersion ?? SimSwitchDefaults.Firmware) + 3;
            if (gieil > Gieil.MaxListBytes)
                e.Add($"{p}: vendor, model and firmwareVersion take {gieil} bytes in a GIEIL answer (with their NULs), more than its {Gieil.MaxListBytes}");
        }
        if (s.Switches.Count == 0 && (s.Hosts.Count > 0 || s.NPorts.Count > 0)) e.Add("$.switches: at least one switch is needed for hosts and N_Ports");

        for (var i = 0; i < s.Isls.Count; i++)
        {
            var isl = s.Isls[i];
            var p = $"$.isls[{i}]";
            CheckPlacement(e, p, "fromDomain", "fromPort", isl.FromDomain, isl.FromPort, portsOf);
            CheckPlacement(e, p, "toDomain", "toPort", isl.ToDomain, isl.ToPort, portsOf);
            if (isl.FromDomain == isl.ToDomain) e.Add($"{p}: an ISL joins two different switches");
        }

        var hostNumbers = new HashSet<int>();
        var wwpns = new HashSet<ulong>();
        var addresses = new HashSet<(int, int, int)>();
        for (var i = 0; i < s.Hosts.Count; i++)
        {
            var h = s.Hosts[i];
            var p = $"$.hosts[{i}]";
            if (h.Host < 0) e.Add($"{p}.host: {h.Host} is negative");
            else if (!hostNumbers.Add(h.Host)) e.Add($"{p}.host: host{h.Host} is used twice");
            if (!FcDrivers.Contains(h.Driver)) e.Add($"{p}.driver: '{h.Driver}' is not a known FC driver ({string.Join(", ", FcDrivers)})");
            CheckUniqueWwpn(e, $"{p}.wwpn", h.Wwpn, wwpns);
            CheckWwn(e, $"{p}.wwnn", h.Wwnn);
            CheckPlacement(e, p, "domain", "port", h.Domain, h.Port, portsOf);
            if (!addresses.Add((h.Domain, h.Port, 0))) e.Add($"{p}.port: switch {h.Domain} port {h.Port} already has a device");
            if (!HostPortStates.Contains(h.PortState)) e.Add($"{p}.portState: '{h.PortState}' is not one of {string.Join(", ", HostPortStates)}");
            CheckText(e, $"{p}.symbolicName", h.SymbolicName, CtIu.MaxTextBytes, "RSPN_ID symbolic port name");
            CheckText(e, $"{p}.manufacturer", h.Manufacturer, CtIu.MaxTextBytes, "FDMI attribute");
            CheckText(e, $"{p}.model", h.Model, CtIu.MaxTextBytes, "FDMI attribute");
            CheckText(e, $"{p}.serialNumber", h.SerialNumber, CtIu.MaxTextBytes, "FDMI attribute");
            CheckText(e, $"{p}.firmwareVersion", h.FirmwareVersion, CtIu.MaxTextBytes, "FDMI attribute");
            CheckText(e, $"{p}.driverVersion", h.DriverVersion, CtIu.MaxTextBytes, "FDMI attribute");
            foreach (var name in h.Statistics?.Keys ?? Enumerable.Empty<string>())
                if (name.Length is 0 or > 64 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                    e.Add($"{p}.statistics: '{name}' is not a statistics file name (lower-case letters, digits and _, at most 64)");
            for (var j = 0; j < h.Npiv.Count; j++)
            {
                var v = h.Npiv[j];
                var q = $"{p}.npiv[{j}]";
                if (v.Host < 0 || !hostNumbers.Add(v.Host)) e.Add($"{q}.host: host{v.Host} is negative or used twice");
                CheckUniqueWwpn(e, $"{q}.wwpn", v.Wwpn, wwpns);
                CheckWwn(e, $"{q}.wwnn", v.Wwnn);
            }
        }

        if (s.Vn2vn)
            for (var i = 0; i < s.Hosts.Count; i++)
                if (s.Hosts[i].Driver is not ("fcoe" or "bnx2fc" or "qedf"))
                    e.Add($"$.hosts[{i}].driver: vn2vn needs a libfc driver (fcoe, bnx2fc, qedf), not '{s.Hosts[i].Driver}'");
        if (s.ScsiDebug is { } sd)
        {
            if (sd.Host < 0 || !hostNumbers.Add(sd.Host)) e.Add($"$.scsiDebug.host: host{sd.Host} is negative or used twice");
            if (sd.Vendor.Length > 8) e.Add("$.scsiDebug.vendor: longer than 8 characters");
            if (sd.Product.Length > 16) e.Add("$.scsiDebug.product: longer than 16 characters");
            if (sd.Revision.Length > 4) e.Add("$.scsiDebug.revision: longer than 4 characters");
        }

        for (var i = 0; i < s.NPorts.Count; i++)
        {
            var n = s.NPorts[i];
            var p = $"$.nports[{i}]";
            CheckUniqueWwpn(e, $"{p}.wwpn", n.Wwpn, wwpns);
            CheckWwn(e, $"{p}.wwnn", n.Wwnn);
            CheckPlacement(e, p, "domain", "port", n.Domain, n.Port, portsOf);
            if (n.Alpa is < 0 or > 255) e.Add($"{p}.alpa: {n.Alpa} is outside 0..255");
            else if (!addresses.Add((n.Domain, n.Port, n.Alpa))) e.Add($"{p}: FC ID 0x{n.Domain:x2}{n.Port:x2}{n.Alpa:x2} is already taken");
            for (var j = 0; j < n.Roles.Count; j++)
                if (!Roles.Contains(n.Roles[j])) e.Add($"{p}.roles[{j}]: '{n.Roles[j]}' is not one of {string.Join(", ", Roles)}");
            for (var j = 0; j < n.Fc4Types.Count; j++)
                if (!Fc4Names.IsKnown(n.Fc4Types[j]))
                    e.Add($"{p}.fc4Types[{j}]: '{n.Fc4Types[j]}' is not an FC-4 type name (FCP, NVMe, IP, FC-SB …)");
            CheckText(e, $"{p}.symbolicPortName", n.SymbolicPortName, CtIu.MaxTextBytes, "symbolic port name");
            CheckText(e, $"{p}.symbolicNodeName", n.SymbolicNodeName, CtIu.MaxTextBytes, "symbolic node name");
            if (n.Sfp is { } sfp)
            {
                CheckText(e, $"{p}.sfp.vendor", sfp.Vendor, RdpOpticalProductDescriptor.VendorLength, "RDP optical product field");
                CheckText(e, $"{p}.sfp.partNumber", sfp.PartNumber, RdpOpticalProductDescriptor.ModelLength, "RDP optical product field");
                CheckText(e, $"{p}.sfp.serialNumber", sfp.SerialNumber, RdpOpticalProductDescriptor.SerialNumberLength, "RDP optical product field");
                CheckText(e, $"{p}.sfp.revision", sfp.Revision, RdpOpticalProductDescriptor.RevisionLength, "RDP optical product field");
                CheckText(e, $"{p}.sfp.dateCode", sfp.DateCode, RdpOpticalProductDescriptor.DateLength, "RDP optical product field");
            }
            if (n.Rnid is { } rnid) CheckText(e, $"{p}.rnid.vendorUniqueName", rnid.VendorUniqueName, RnidGeneralTopology.VendorUniqueIdLength, "RNID vendor-unique field");
        }

        if (s.Zoning is { } z) ValidateZoning(e, z);
        if (s.NameServer is { MaxEntriesPerQuery: < 0 } ns)
            e.Add($"$.nameServer.maxEntriesPerQuery: {ns.MaxEntriesPerQuery} is negative (0 = no cap)");
        if (s.NameServer is { } nsSpec)
            for (var i = 0; i < nsSpec.UnsupportedCommands.Count; i++)
                if (!BsgKit.Fc.Codes.GsNameServerCommands.Table.TryGetCode(nsSpec.UnsupportedCommands[i], out _))
                    e.Add($"$.nameServer.unsupportedCommands[{i}]: '{nsSpec.UnsupportedCommands[i]}' is not a name-server command (GA_NXT, GID_FF, GID_PT, GPN_FT …)");
        if (s.Latency is { } lat)
        {
            if (lat.CtServiceTimeUs is < 0 or > 10_000_000) e.Add($"$.latency.ctServiceTimeUs: {lat.CtServiceTimeUs} is outside 0..10000000");
            if (lat.NameServerRequestsPerSecond is < 0 or > 10_000_000) e.Add($"$.latency.nameServerRequestsPerSecond: {lat.NameServerRequestsPerSecond} is outside 0..10000000");
        }

        for (var i = 0; i < s.Faults.Count; i++)
        {
            var f = s.Faults[i];
            var p = $"$.faults[{i}]";
            if (!FaultKinds.Contains(f.Kind)) e.Add($"{p}.kind: '{f.Kind}' is not one of {string.Join(", ", FaultKinds)}");
            if (f.Target != null && !FcId.TryParse(StripFcid(f.Target), out _) && !Wwn.TryParse(f.Target, out _))
                e.Add($"{p}.target: '{f.Target}' is neither a WWPN nor an FC ID");
            if (f.Mode is not (null or Faults.FaultModes.ETimedOut or Faults.FaultModes.IoErr)) e.Add($"{p}.mode: '{f.Mode}' is not {string.Join(" or ", Faults.FaultModes.All)}");
            if (f.Scope is not (null or Faults.FaultScopes.Fabric or Faults.FaultScopes.Port or Faults.FaultScopes.Els or Faults.FaultScopes.Ct))
                e.Add($"{p}.scope: '{f.Scope}' is not {string.Join(", ", Faults.FaultScopes.All.SkipLast(1))} or {Faults.FaultScopes.All[^1]}");
            if (f.Count < 0) e.Add($"{p}.count: {f.Count} is negative");
            if (f.After < 0) e.Add($"{p}.after: {f.After} is negative");
            if (f.Reason is < 0 or > 255) e.Add($"{p}.reason: {f.Reason} is outside 0..255");
            if (f.Explanation is < 0 or > 255) e.Add($"{p}.explanation: {f.Explanation} is outside 0..255");
            if (f.Kind == Faults.FaultKinds.Truncate && f.Amount < 0) e.Add($"{p}.amount: {f.Amount} is negative");
        }

        long imageBytes = 0;
        for (var i = 0; i < s.IscsiHosts.Count; i++)
        {
            var h = s.IscsiHosts[i];
            foreach (var image in new[] { h.Flash ?? IscsiHostSpec.DefaultFlash, h.Nvram ?? IscsiHostSpec.DefaultNvram, h.Acb ?? IscsiHostSpec.DefaultAcb })
                imageBytes += ScenarioImage.SizeOf(image);
            var p = $"$.iscsiHosts[{i}]";
            if (h.Host < 0 || !hostNumbers.Add(h.Host)) e.Add($"{p}.host: host{h.Host} is negative or used twice");
            if (!IscsiDrivers.Contains(h.Driver)) e.Add($"{p}.driver: '{h.Driver}' is not one of {string.Join(", ", IscsiDrivers)}");
            if (string.IsNullOrWhiteSpace(h.InitiatorName)) e.Add($"{p}.initiatorName: an iSCSI host needs an initiator name");
            CheckImage(e, $"{p}.flash", h.Flash);
            CheckImage(e, $"{p}.nvram", h.Nvram);
            CheckImage(e, $"{p}.acb", h.Acb);
            if (h.Acb != null && h.Driver != IscsiDriverNames.Qla4xxxProcName) e.Add($"{p}.acb: only qla4xxx has address control blocks");
            if (h.FailingDiagTests.Count > 0 && h.Driver != IscsiDriverNames.Qla4xxxProcName) e.Add($"{p}.failingDiagTests: only qla4xxx runs DIAG_TEST");
        }
        if (imageBytes > ScenarioLimits.MaxImageBytes)
            e.Add($"$.iscsiHosts: the flash, NVRAM and ACB images declare {imageBytes:N0} bytes together, more than the limit of {ScenarioLimits.MaxImageBytes:N0} (ScenarioLimits.MaxImageBytes)");
        return e;
    }

    /// <summary>JSON null inside a list ("nports": [null], "members": [null]): one error each.</summary>
    private static bool HasNullEntries(List<string> e, Scenario s)
    {
        var before = e.Count;
        void Check<T>(string path, IReadOnlyList<T?>? list)
        {
            if (list is null) return;
            for (var i = 0; i < list.Count; i++)
                if (list[i] is null) e.Add($"{path}[{i}]: null is not allowed here");
        }
        Check("$.switches", s.Switches);
        Check("$.isls", s.Isls);
        Check("$.hosts", s.Hosts);
        for (var i = 0; i < s.Hosts.Count; i++) Check($"$.hosts[{i}].npiv", s.Hosts[i]?.Npiv);
        Check("$.nports", s.NPorts);
        for (var i = 0; i < s.NPorts.Count; i++)
        {
            Check($"$.nports[{i}].roles", s.NPorts[i]?.Roles);
            Check($"$.nports[{i}].fc4Types", s.NPorts[i]?.Fc4Types);
        }
        Check("$.faults", s.Faults);
        Check("$.iscsiHosts", s.IscsiHosts);
        if (s.Zoning is { } z)
        {
            Check("$.zoning.zones", z.Zones);
            for (var i = 0; i < z.Zones.Count; i++) Check($"$.zoning.zones[{i}].members", z.Zones[i]?.Members);
            Check("$.zoning.zoneSets", z.ZoneSets);
            for (var i = 0; i < z.ZoneSets.Count; i++) Check($"$.zoning.zoneSets[{i}].zones", z.ZoneSets[i]?.Zones);
        }
        return e.Count > before;
    }

    private static void ValidateZoning(List<string> e, ZoningSpec z)
    {
        var zoneNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < z.Zones.Count; i++)
        {
            var zone = z.Zones[i];
            var p = $"$.zoning.zones[{i}]";
            if (string.IsNullOrWhiteSpace(zone.Name)) e.Add($"{p}.name: a zone needs a name");
            else if (!zoneNames.Add(zone.Name)) e.Add($"{p}.name: zone '{zone.Name}' is defined twice");
            CheckText(e, $"{p}.name", zone.Name, CtIu.MaxTextBytes, "zone name");
            for (var j = 0; j < zone.Members.Count; j++)
            {
                var m = zone.Members[j];
                var ok = m.StartsWith("fcid:", StringComparison.Ordinal) ? FcId.TryParse(m[5..], out _) : Wwn.TryParse(m, out _);
                if (!ok) e.Add($"{p}.members[{j}]: '{m}' is neither a WWPN nor fcid:0xDDAAPP");
            }
        }
        var setNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < z.ZoneSets.Count; i++)
        {
            var set = z.ZoneSets[i];
            var p = $"$.zoning.zoneSets[{i}]";
            if (string.IsNullOrWhiteSpace(set.Name) || !setNames.Add(set.Name)) e.Add($"{p}.name: '{set.Name}' is empty or defined twice");
            CheckText(e, $"{p}.name", set.Name, CtIu.MaxTextBytes, "zone set name");
            for (var j = 0; j < set.Zones.Count; j++)
                if (!zoneNames.Contains(set.Zones[j])) e.Add($"{p}.zones[{j}]: zone '{set.Zones[j]}' is not defined in $.zoning.zones");
        }
        if (z.ActiveZoneSet != null && !setNames.Contains(z.ActiveZoneSet))
            e.Add($"$.zoning.activeZoneSet: zone set '{z.ActiveZoneSet}' is not defined in $.zoning.zoneSets");
    }

    private static int Latin1(string s) => System.Text.Encoding.Latin1.GetByteCount(s);

    /// <summary>A string the wire carries in a field of at most <paramref name="max"/> bytes (GS text is Latin-1, one byte a character).</summary>
    private static void CheckText(List<string> e, string path, string? value, int max, string field)
    {
        if (value is not null && Latin1(value) > max)
            e.Add($"{path}: {Latin1(value)} characters; the {field} holds at most {max}");
    }

    private static string StripFcid(string s) => s.StartsWith("fcid:", StringComparison.Ordinal) ? s[5..] : s;

    private static void CheckWwn(List<string> e, string path, string? value)
    {
        if (!Wwn.TryParse(value, out var w)) e.Add($"{path}: '{value}' is not a WWN (0x2000001b32a0b1c2 or 20:00:00:1b:32:a0:b1:c2)");
        else if (w.IsZero) e.Add($"{path}: a WWN of zero is not valid");
    }

    private static void CheckUniqueWwpn(List<string> e, string path, string? value, HashSet<ulong> seen)
    {
        CheckWwn(e, path, value);
        if (Wwn.TryParse(value, out var w) && !w.IsZero && !seen.Add(w.Value)) e.Add($"{path}: WWPN {w} is used twice");
    }

    private static void CheckPlacement(List<string> e, string p, string domainField, string portField, int domain, int port, Dictionary<int, int> portsOf)
    {
        if (!portsOf.TryGetValue(domain, out var ports)) e.Add($"{p}.{domainField}: no switch has domain {domain}");
        else if (port < 0 || port >= ports) e.Add($"{p}.{portField}: port {port} is outside 0..{ports - 1} on switch {domain}");
    }

    private static void CheckImage(List<string> e, string path, string? image)
    {
        if (image is null) return;
        if (image.StartsWith("fill:", StringComparison.Ordinal))
        {
            var parts = image.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[1], out var size) || size is < 1 or > 64 * 1024 * 1024
                || !byte.TryParse(parts[2], System.Globalization.NumberStyles.HexNumber, null, out _))
                e.Add($"{path}: '{image}' is not fill:SIZE:HEXBYTE (size 1..67108864)");
            return;
        }
        if (image.Length % 2 != 0 || !image.All(Uri.IsHexDigit)) e.Add($"{path}: not an even-length hex string or fill:SIZE:HEXBYTE");
    }
}
