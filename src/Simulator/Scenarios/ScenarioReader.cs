namespace BsgKit.Simulator.Scenarios;

/// <summary>
/// Reads a well-formed scenario with <see cref="ScenarioJsonTokens"/> and plain assignments. Why: System.Text.Json's
/// generated metadata instantiates JsonPropertyInfo&lt;T&gt; and its setters for every int, uint, double and bool of
/// the model, and ReadyToRun cannot precompile those framework generics in a framework-dependent tool — about 240
/// methods JIT-compiled on every <c>--simulate</c> start; and even Utf8JsonReader alone costs a start
/// milliseconds (see <see cref="ScenarioJsonTokens"/>). This reader is our own non-generic code, precompiled.
/// It accepts only what <see cref="ScenarioJsonContext"/> reads the same way; anything else (an unknown field, a null
/// where the schema has none, a wrong kind, a syntax error) returns null and the caller asks System.Text.Json, which
/// either reads it or names the error exactly as before. ScenarioReaderTests hold the two to the same schema.
/// </summary>
internal static class ScenarioReader
{
    /// <summary>Thrown inside the reader at the first thing it leaves to System.Text.Json; never escapes.</summary>
    private sealed class NotMine : Exception;

    /// <summary>The scenario, or null when System.Text.Json must read it (see the class summary).</summary>
    public static Scenario? TryRead(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var r = new ScenarioJsonTokens(utf8);
            Next(ref r);
            var scenario = ReadScenario(ref r);
            if (r.Read()) return null; // trailing content: System.Text.Json names the error
            return scenario;
        }
        catch (Exception e) when (e is NotMine or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static void Next(ref ScenarioJsonTokens r)
    {
        if (!r.Read()) throw new NotMine();
    }

    /// <summary>Steps onto the property's value and returns its name (null at the end of the object).</summary>
    private static string? Property(ref ScenarioJsonTokens r)
    {
        Next(ref r);
        if (r.TokenType == ScenarioJsonToken.EndObject) return null;
        var name = r.GetString();
        Next(ref r);
        return name;
    }

    private static void StartObject(ref ScenarioJsonTokens r)
    {
        if (r.TokenType != ScenarioJsonToken.StartObject) throw new NotMine();
    }

    private static bool IsNull(ref ScenarioJsonTokens r) => r.TokenType == ScenarioJsonToken.Null;

    private static string Str(ref ScenarioJsonTokens r) =>
        r.TokenType == ScenarioJsonToken.String ? r.GetString()! : throw new NotMine();

    private static string? NullableStr(ref ScenarioJsonTokens r) => IsNull(ref r) ? null : Str(ref r);

    private static int Int(ref ScenarioJsonTokens r) =>
        r.TokenType == ScenarioJsonToken.Number && r.TryGetInt32(out var v) ? v : throw new NotMine();

    private static uint UInt(ref ScenarioJsonTokens r) =>
        r.TokenType == ScenarioJsonToken.Number && r.TryGetUInt32(out var v) ? v : throw new NotMine();

    private static ulong ULong(ref ScenarioJsonTokens r) =>
        r.TokenType == ScenarioJsonToken.Number && r.TryGetUInt64(out var v) ? v : throw new NotMine();

    private static double Double(ref ScenarioJsonTokens r) =>
        r.TokenType == ScenarioJsonToken.Number && r.TryGetDouble(out var v) ? v : throw new NotMine();

    private static bool Bool(ref ScenarioJsonTokens r) => r.TokenType switch
    {
        ScenarioJsonToken.True => true,
        ScenarioJsonToken.False => false,
        _ => throw new NotMine(),
    };

    /// <summary>True while the array has another element (the reader on it); the array itself must not be null.</summary>
    private static bool Element(ref ScenarioJsonTokens r)
    {
        Next(ref r);
        return r.TokenType != ScenarioJsonToken.EndArray;
    }

    private static void StartArray(ref ScenarioJsonTokens r)
    {
        if (r.TokenType != ScenarioJsonToken.StartArray) throw new NotMine();
    }

    private static List<string> Strings(ref ScenarioJsonTokens r)
    {
        StartArray(ref r);
        var list = new List<string>();
        while (Element(ref r)) list.Add(Str(ref r));
        return list;
    }

    private static Scenario ReadScenario(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new Scenario();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "name": s.Name = Str(ref r); break;
                case "description": s.Description = NullableStr(ref r); break;
                case "switches":
                    StartArray(ref r); s.Switches = [];
                    while (Element(ref r)) s.Switches.Add(ReadSwitch(ref r));
                    break;
                case "isls":
                    StartArray(ref r); s.Isls = [];
                    while (Element(ref r)) s.Isls.Add(ReadIsl(ref r));
                    break;
                case "hosts":
                    StartArray(ref r); s.Hosts = [];
                    while (Element(ref r)) s.Hosts.Add(ReadHost(ref r));
                    break;
                case "nports":
                    StartArray(ref r); s.NPorts = [];
                    while (Element(ref r)) s.NPorts.Add(ReadNPort(ref r));
                    break;
                case "zoning": s.Zoning = IsNull(ref r) ? null : ReadZoning(ref r); break;
                case "faults":
                    StartArray(ref r); s.Faults = [];
                    while (Element(ref r)) s.Faults.Add(ReadFault(ref r));
                    break;
                case "iscsiHosts":
                    StartArray(ref r); s.IscsiHosts = [];
                    while (Element(ref r)) s.IscsiHosts.Add(ReadIscsiHost(ref r));
                    break;
                case "nameServer": s.NameServer = IsNull(ref r) ? null : ReadNameServer(ref r); break;
                case "latency": s.Latency = IsNull(ref r) ? null : ReadLatency(ref r); break;
                case "realDelays": s.RealDelays = Bool(ref r); break;
                case "callerLacksCapSysRawio": s.CallerLacksCapSysRawio = Bool(ref r); break;
                case "vn2vn": s.Vn2vn = Bool(ref r); break;
                case "scsiDebug": s.ScsiDebug = IsNull(ref r) ? null : ReadScsiDebug(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static ScsiDebugSpec ReadScsiDebug(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new ScsiDebugSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "host": s.Host = Int(ref r); break;
                case "vendor": s.Vendor = Str(ref r); break;
                case "product": s.Product = Str(ref r); break;
                case "revision": s.Revision = Str(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static SwitchSpec ReadSwitch(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new SwitchSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "domain": s.Domain = Int(ref r); break;
                case "name": s.Name = NullableStr(ref r); break;
                case "wwn": s.Wwn = Str(ref r); break;
                case "ports": s.Ports = Int(ref r); break;
                case "vendor": s.Vendor = NullableStr(ref r); break;
                case "model": s.Model = NullableStr(ref r); break;
                case "firmwareVersion": s.FirmwareVersion = NullableStr(ref r); break;
                case "ipAddress": s.IpAddress = NullableStr(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static NameServerSpec ReadNameServer(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new NameServerSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "maxEntriesPerQuery": s.MaxEntriesPerQuery = Int(ref r); break;
                case "unsupportedCommands": s.UnsupportedCommands = Strings(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static LatencySpec ReadLatency(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new LatencySpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "ctServiceTimeUs": s.CtServiceTimeUs = Int(ref r); break;
                case "nameServerRequestsPerSecond": s.NameServerRequestsPerSecond = Int(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static IslSpec ReadIsl(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new IslSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "fromDomain": s.FromDomain = Int(ref r); break;
                case "fromPort": s.FromPort = Int(ref r); break;
                case "toDomain": s.ToDomain = Int(ref r); break;
                case "toPort": s.ToPort = Int(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static HostSpec ReadHost(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new HostSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "host": s.Host = Int(ref r); break;
                case "driver": s.Driver = Str(ref r); break;
                case "wwpn": s.Wwpn = Str(ref r); break;
                case "wwnn": s.Wwnn = Str(ref r); break;
                case "domain": s.Domain = Int(ref r); break;
                case "port": s.Port = Int(ref r); break;
                case "symbolicName": s.SymbolicName = NullableStr(ref r); break;
                case "speed": s.Speed = Str(ref r); break;
                case "supportedSpeeds": s.SupportedSpeeds = NullableStr(ref r); break;
                case "manufacturer": s.Manufacturer = NullableStr(ref r); break;
                case "model": s.Model = NullableStr(ref r); break;
                case "serialNumber": s.SerialNumber = NullableStr(ref r); break;
                case "firmwareVersion": s.FirmwareVersion = NullableStr(ref r); break;
                case "driverVersion": s.DriverVersion = NullableStr(ref r); break;
                case "portState": s.PortState = Str(ref r); break;
                case "npiv":
                    StartArray(ref r); s.Npiv = [];
                    while (Element(ref r)) s.Npiv.Add(ReadNpiv(ref r));
                    break;
                case "registerFdmi": s.RegisterFdmi = Bool(ref r); break;
                case "lesb": s.Lesb = IsNull(ref r) ? null : ReadLesb(ref r); break;
                case "statistics": s.Statistics = IsNull(ref r) ? null : ReadStatistics(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static Dictionary<string, ulong> ReadStatistics(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var d = new Dictionary<string, ulong>();
        while (Property(ref r) is { } name) d[name] = ULong(ref r);
        return d;
    }

    private static NpivSpec ReadNpiv(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new NpivSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "host": s.Host = Int(ref r); break;
                case "wwpn": s.Wwpn = Str(ref r); break;
                case "wwnn": s.Wwnn = Str(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static NPortSpec ReadNPort(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new NPortSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "wwpn": s.Wwpn = Str(ref r); break;
                case "wwnn": s.Wwnn = Str(ref r); break;
                case "domain": s.Domain = Int(ref r); break;
                case "port": s.Port = Int(ref r); break;
                case "alpa": s.Alpa = Int(ref r); break;
                case "roles": s.Roles = Strings(ref r); break;
                case "fc4Types": s.Fc4Types = Strings(ref r); break;
                case "symbolicPortName": s.SymbolicPortName = NullableStr(ref r); break;
                case "symbolicNodeName": s.SymbolicNodeName = NullableStr(ref r); break;
                case "speed": s.Speed = Str(ref r); break;
                case "online": s.Online = Bool(ref r); break;
                case "lesb": s.Lesb = IsNull(ref r) ? null : ReadLesb(ref r); break;
                case "sfp": s.Sfp = IsNull(ref r) ? null : ReadSfp(ref r); break;
                case "rnid": s.Rnid = IsNull(ref r) ? null : ReadRnid(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static LesbSpec ReadLesb(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new LesbSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "linkFailure": s.LinkFailure = UInt(ref r); break;
                case "lossOfSync": s.LossOfSync = UInt(ref r); break;
                case "lossOfSignal": s.LossOfSignal = UInt(ref r); break;
                case "primitiveSequenceError": s.PrimitiveSequenceError = UInt(ref r); break;
                case "invalidTransmissionWord": s.InvalidTransmissionWord = UInt(ref r); break;
                case "invalidCrc": s.InvalidCrc = UInt(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static SfpSpec ReadSfp(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new SfpSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "temperatureC": s.TemperatureC = Double(ref r); break;
                case "voltageV": s.VoltageV = Double(ref r); break;
                case "txBiasMa": s.TxBiasMa = Double(ref r); break;
                case "txPowerUw": s.TxPowerUw = Double(ref r); break;
                case "rxPowerUw": s.RxPowerUw = Double(ref r); break;
                case "vendor": s.Vendor = Str(ref r); break;
                case "partNumber": s.PartNumber = Str(ref r); break;
                case "serialNumber": s.SerialNumber = Str(ref r); break;
                case "revision": s.Revision = Str(ref r); break;
                case "wavelengthNm": s.WavelengthNm = Int(ref r); break;
                case "dateCode": s.DateCode = Str(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static RnidSpec ReadRnid(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new RnidSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "vendorUniqueName": s.VendorUniqueName = Str(ref r); break;
                case "manufacturer": s.Manufacturer = Str(ref r); break;
                case "model": s.Model = Str(ref r); break;
                case "serialNumber": s.SerialNumber = Str(ref r); break;
                case "plant": s.Plant = Str(ref r); break;
                case "nodeType": s.NodeType = Int(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static ZoningSpec ReadZoning(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new ZoningSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "enforced": s.Enforced = Bool(ref r); break;
                case "activeZoneSet": s.ActiveZoneSet = NullableStr(ref r); break;
                case "zoneSets":
                    StartArray(ref r); s.ZoneSets = [];
                    while (Element(ref r)) s.ZoneSets.Add(ReadZoneSet(ref r));
                    break;
                case "zones":
                    StartArray(ref r); s.Zones = [];
                    while (Element(ref r)) s.Zones.Add(ReadZone(ref r));
                    break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static ZoneSetSpec ReadZoneSet(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new ZoneSetSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "name": s.Name = Str(ref r); break;
                case "zones": s.Zones = Strings(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static ZoneSpec ReadZone(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new ZoneSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "name": s.Name = Str(ref r); break;
                case "members": s.Members = Strings(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static FaultSpec ReadFault(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new FaultSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "kind": s.Kind = Str(ref r); break;
                case "target": s.Target = NullableStr(ref r); break;
                case "command": s.Command = NullableStr(ref r); break;
                case "count": s.Count = Int(ref r); break;
                case "after": s.After = Int(ref r); break;
                case "mode": s.Mode = NullableStr(ref r); break;
                case "reason": s.Reason = Int(ref r); break;
                case "explanation": s.Explanation = Int(ref r); break;
                case "scope": s.Scope = NullableStr(ref r); break;
                case "amount": s.Amount = Int(ref r); break;
                default: throw new NotMine();
            }
        }
        return s;
    }

    private static IscsiHostSpec ReadIscsiHost(ref ScenarioJsonTokens r)
    {
        StartObject(ref r);
        var s = new IscsiHostSpec();
        while (Property(ref r) is { } name)
        {
            switch (name)
            {
                case "host": s.Host = Int(ref r); break;
                case "driver": s.Driver = Str(ref r); break;
                case "initiatorName": s.InitiatorName = Str(ref r); break;
                case "ipAddress": s.IpAddress = NullableStr(ref r); break;
                case "hwAddress": s.HwAddress = NullableStr(ref r); break;
                case "netDev": s.NetDev = NullableStr(ref r); break;
                case "portState": s.PortState = Str(ref r); break;
                case "portSpeed": s.PortSpeed = NullableStr(ref r); break;
                case "flash": s.Flash = NullableStr(ref r); break;
                case "nvram": s.Nvram = NullableStr(ref r); break;
                case "acb": s.Acb = NullableStr(ref r); break;
                case "failingDiagTests":
                    StartArray(ref r); s.FailingDiagTests = [];
                    while (Element(ref r)) s.FailingDiagTests.Add(UInt(ref r));
                    break;
                default: throw new NotMine();
            }
        }
        return s;
    }
}
