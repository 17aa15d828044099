using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json.Nodes;
using BsgKit.Bsg;
using BsgKit.Bsg.Catalog;
using BsgKit.Fc;
using BsgKit.Fc.Catalog;
using BsgKit.Fc.Clients;
using BsgKit.Iscsi.Catalog;
using BsgKit.Iscsi.Clients;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Fuzz;

/// <summary>
/// The decoders that sit behind state: the clients' interpretation of completions (a hostile HBA), the sysfs
/// catalog (a hostile tree), the scenario loader (a hostile file), the simulated fabric's responders and the fake
/// kernel (a hostile caller).
/// </summary>
public static class SystemFamilies
{
    // ------------------------------------------------------------------ completions: a driver that answers anything

    /// <summary>
    /// Each input is one client call whose completions are mutated after the simulator produced them: the errno,
    /// every status and length field of sg_io_v4, the reply and the din bytes. Only BsgException (the clients'
    /// FcException / IscsiException family) may come out.
    /// </summary>
    public static async Task CompletionsAsync(FamilyReport report, long inputs, int seed)
    {
        var mutator = new Mutator(seed);
        var corpus = Corpus.Shared;
        var replies = corpus.FcSgIo.Select(s => s.Reply).Concat(corpus.IscsiSgIo.Select(s => s.Reply)).ToList();
        var dins = corpus.FcSgIo.Select(s => s.Din).Concat(corpus.IscsiSgIo.Select(s => s.Din)).Where(d => d.Length > 0).ToList();
        var sans = Corpus.FcScenarios.Select(n => SimulatedSan.Create(n)).ToList();
        var iscsi = SimulatedSan.Create("iscsi");
        var fc = sans.Select(san => (San: san, Catalog: FcCatalog.Scan(san.Catalog), Transport: new HostileTransport(san.Transport, mutator, replies, dins))).ToList();
        var iscsiCatalog = IscsiCatalog.Scan(iscsi.Catalog);
        var iscsiTransport = new HostileTransport(iscsi.Transport, mutator, replies, dins);
        var iscsiHosts = iscsiCatalog.IscsiHosts.Where(h => h.Node is not null).ToList();
        var calls = Workload.FcCalls.Where(c => c.Name != "discovery").ToList();
        var clients = new FcHostClient?[fc.Count];
        var iscsiClients = new IscsiHostClient?[iscsiHosts.Count];
        try
        {
            for (long i = 0; i < inputs; i++)
            {
                if (i % 1000 == 0) // now and then a fresh client: opening is part of the path too
                {
                    for (var k = 0; k < fc.Count; k++)
                    {
                        clients[k]?.Dispose();
                        clients[k] = FcHostClient.Open(fc[k].Catalog, fc[k].Catalog.FcHosts[0].HostNumber, new FcClientOptions { Transport = fc[k].Transport, AllowStateChanges = true });
                    }
                    for (var k = 0; k < iscsiHosts.Count; k++)
                    {
                        iscsiClients[k]?.Dispose();
                        iscsiClients[k] = IscsiHostClient.Open(iscsiCatalog, iscsiHosts[k].HostNumber, new IscsiClientOptions { Transport = iscsiTransport });
                    }
                }
                string name;
                HostileTransport hostile;
                (bool Documented, Exception? Failure) outcome;
                if (i % 8 == 7)
                {
                    var k = mutator.Random.Next(iscsiClients.Length);
                    var (callName, call) = Workload.IscsiCalls[mutator.Random.Next(Workload.IscsiCalls.Count)];
                    name = $"iscsi {iscsiHosts[k].Driver} {callName}";
                    hostile = iscsiTransport;
                    outcome = await Workload.TryAsync(() => call(iscsiClients[k]!));
                }
                else
                {
                    var k = (int)(i % fc.Count);
                    var (callName, call) = calls[mutator.Random.Next(calls.Count)];
                    name = $"{fc[k].San.Scenario.Name} {callName}";
                    hostile = fc[k].Transport;
                    outcome = await Workload.TryAsync(() => call(clients[k]!, Workload.For(fc[k].San.Scenario)));
                }
                if (outcome.Failure is { } failure) report.Failed(name, failure, hostile.LastReply);
                else if (outcome.Documented) report.Expected(name);
                else report.Ok(name);
            }
        }
        finally
        {
            foreach (var c in clients) c?.Dispose();
            foreach (var c in iscsiClients) c?.Dispose();
            foreach (var s in sans) s.Dispose();
            iscsi.Dispose();
        }
    }

    /// <summary>Runs each SG_IO on the simulator, then rewrites what came back.</summary>
    private sealed unsafe class HostileTransport(IBsgTransport inner, Mutator mutator, List<byte[]> replies, List<byte[]> dins) : IBsgTransport
    {
        private static readonly int[] Errnos = [0, 0, 0, Errno.EINVAL, Errno.EIO, Errno.ETIMEDOUT, Errno.EPERM, Errno.ENOMEM, Errno.EBADR, 12345];
        private static readonly uint[] Values = [0, 1, 2, 4, 7, 8, 16, 0xFF, 0x100, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF];

        public byte[] LastReply { get; private set; } = [];

        public BsgNodeChannel Open(string devicePath) => inner.Open(devicePath);

        public int Execute(BsgNodeChannel channel, ref SgIoV4 header, ReadOnlySpan<MemoryRegion> handedOver)
        {
            var errno = inner.Execute(channel, ref header, handedOver);
            var r = mutator.Random;
            if (r.Next(4) == 0) errno = Errnos[r.Next(Errnos.Length)];
            if (r.Next(2) == 0) header.ResponseLen = Pick(r, header.ResponseLen);
            if (r.Next(3) == 0) header.DinResid = (int)Pick(r, (uint)header.DinResid);
            if (r.Next(4) == 0) header.DoutResid = (int)Pick(r, (uint)header.DoutResid);
            if (r.Next(4) == 0) header.DriverStatus = Pick(r, header.DriverStatus);
            if (r.Next(4) == 0) header.TransportStatus = Pick(r, header.TransportStatus);
            if (r.Next(4) == 0) header.DeviceStatus = Pick(r, header.DeviceStatus);
            if (r.Next(4) == 0) header.Info = Pick(r, header.Info);
            LastReply = Rewrite(header.Response, header.MaxResponseLen, replies);
            if (r.Next(2) == 0) Rewrite(header.DinXferp, header.DinXferLen, dins);
            return errno;
        }

        private static uint Pick(Random r, uint current) => r.Next(3) == 0 ? current + (uint)r.Next(-8, 9) : Values[r.Next(Values.Length)];

        /// <summary>Mutates the buffer in place (never beyond its length) and returns what it now holds.</summary>
        private byte[] Rewrite(ulong address, uint length, List<byte[]> others)
        {
            if (address == 0 || length == 0) return [];
            var buffer = new Span<byte>((void*)address, (int)length);
            var mutated = mutator.Mutate(buffer, others);
            mutated.AsSpan(0, Math.Min(mutated.Length, buffer.Length)).CopyTo(buffer);
            return buffer.ToArray();
        }
    }

    // ------------------------------------------------------------------ sysfs: a tree that lies

    /// <summary>
    /// Each input is one attribute of a generated tree rewritten with mutated content (now and then a FIFO or a
    /// link to /dev/zero); every hundred the catalog scans the tree. A scan never throws: problems are lines.
    /// </summary>
    public static void Sysfs(FamilyReport report, long inputs, int seed)
    {
        const int PerScan = 100;
        var mutator = new Mutator(seed);
        using var san = SimulatedSan.Create("lab");
        var files = Directory.EnumerateFiles(Path.Combine(san.SysRoot, "class"), "*", SearchOption.AllDirectories).ToList();
        var originals = files.ToDictionary(f => f, File.ReadAllBytes);
        var seeds = originals.Values.ToList();
        for (long done = 0; done < inputs;)
        {
            var batch = (int)Math.Min(PerScan, inputs - done);
            var changed = new List<string>();
            for (var k = 0; k < batch; k++)
            {
                var f = files[mutator.Random.Next(files.Count)];
                changed.Add(f);
                File.Delete(f);
                switch (mutator.Random.Next(500))
                {
                    case 0: Mono.Unix.Native.Syscall.mkfifo(f, Mono.Unix.Native.FilePermissions.S_IRUSR | Mono.Unix.Native.FilePermissions.S_IWUSR); break;
                    case 1: File.CreateSymbolicLink(f, "/dev/zero"); break;
                    default: File.WriteAllBytes(f, mutator.Mutate(originals[f], seeds)); break;
                }
            }
            try
            {
                var nodes = san.Catalog.Scan();
                FcCatalog.Scan(san.Catalog, nodes);
                IscsiCatalog.Scan(san.Catalog, nodes);
                for (var k = 0; k < batch; k++) report.Ok("BsgNodeCatalog.Scan");
            }
            catch (Exception e)
            {
                report.Failed("BsgNodeCatalog.Scan", e, Encoding.UTF8.GetBytes(string.Join('\n', changed.Select(c => $"{c}: {Describe(c)}"))));
            }
            foreach (var f in changed.Distinct())
            {
                File.Delete(f);
                File.WriteAllBytes(f, originals[f]);
            }
            done += batch;
        }
    }

    private static string Describe(string path) => new FileInfo(path).LinkTarget ?? (File.Exists(path) ? Convert.ToHexString(File.ReadAllBytes(path).AsSpan(0, Math.Min(64, (int)new FileInfo(path).Length))) : "?");

    // ------------------------------------------------------------------ scenarios: a file that lies

    /// <summary>
    /// Each input is the lab scenario with its bytes mutated, or one JSON value replaced by a boundary value (a
    /// huge or negative number, a 300-character string, a wrong type). Loading may only fail with
    /// ScenarioException; one validated scenario in fifty is built, which must not fail at all.
    /// </summary>
    public static void Scenarios(FamilyReport report, long inputs, int seed)
    {
        var mutator = new Mutator(seed);
        var lab = Encoding.UTF8.GetBytes(Corpus.Shared.LabJson);
        List<byte[]> seeds = [lab];
        var built = 0L;
        for (long i = 0; i < inputs; i++)
        {
            var input = mutator.Random.Next(3) == 0 ? ValueMutation(Corpus.Shared.LabJson, mutator.Random) : mutator.Mutate(lab, seeds);
            Scenario scenario;
            try
            {
                scenario = ScenarioLoader.Validated(ScenarioLoader.Parse(Encoding.UTF8.GetString(input), "fuzz"), "fuzz");
            }
            catch (ScenarioException) { report.Expected("ScenarioLoader"); continue; }
            catch (Exception e) { report.Failed("ScenarioLoader", e, input); continue; }
            if (built++ % 50 != 0)
            {
                report.Ok("ScenarioLoader");
                continue;
            }
            try
            {
                using var san = SimulatedSan.Create(scenario);
                FcCatalog.Scan(san.Catalog);
                report.Ok("SimulatedSan");
            }
            catch (ScenarioException) { report.Expected("SimulatedSan"); } // the tree budget
            catch (Exception e) { report.Failed("SimulatedSan", e, input); }
        }
    }

    private static readonly JsonNode?[] Boundary =
    [
        JsonValue.Create(-1), JsonValue.Create(0), JsonValue.Create(int.MaxValue), JsonValue.Create(long.MaxValue), JsonValue.Create(1e300),
        JsonValue.Create(""), JsonValue.Create(new string('x', 300)), JsonValue.Create("0x"), JsonValue.Create("fill:0:ff"),
        JsonValue.Create(true), null, new JsonArray(), new JsonObject(),
    ];

    private static byte[] ValueMutation(string json, Random r)
    {
        var root = JsonNode.Parse(json)!;
        var values = new List<JsonNode>();
        Collect(root, values);
        var victim = values[r.Next(values.Count)];
        var replacement = Boundary[r.Next(Boundary.Length)]?.DeepClone();
        switch (victim.Parent)
        {
            case JsonObject o: o[victim.GetPropertyName()] = replacement; break;
            case JsonArray a: a[victim.GetElementIndex()] = replacement; break;
        }
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Collect(JsonNode? node, List<JsonNode> into)
    {
        switch (node)
        {
            case JsonObject o: foreach (var kv in o) { if (kv.Value is not null) into.Add(kv.Value); Collect(kv.Value, into); } break;
            case JsonArray a: foreach (var v in a) { if (v is not null) into.Add(v); Collect(v, into); } break;
        }
    }

    // ------------------------------------------------------------------ responders: a caller that lies to the fabric

    /// <summary>
    /// Each input is a recorded CT_IU or ELS payload, mutated, sent to the simulated fabric (now and then to another
    /// address, with a response buffer of any size). The fabric answers like a fabric: it never throws.
    /// </summary>
    public static void Responders(FamilyReport report, long inputs, int seed)
    {
        var mutator = new Mutator(seed);
        var exchanges = Corpus.Shared.Exchanges;
        var seeds = exchanges.Select(x => x.Request).ToList();
        var response = new byte[300_000];
        FcId[] addresses = [FcId.DirectoryServer, FcId.ManagementServer, new(0xFFFFFE), new(0xFFFC01), new(0xFFFFFA), new(0x010a00), new(0)];
        SimFabric? fabric = null;
        for (long i = 0; i < inputs; i++)
        {
            if (i % 10_000 == 0) fabric = new SimFabric(ScenarioLoader.Resolve("lab"), new SimClock()); // registrations change it
            var x = exchanges[mutator.Random.Next(exchanges.Count)];
            var request = mutator.Mutate(x.Request, seeds);
            var destination = mutator.Random.Next(8) == 0 ? addresses[mutator.Random.Next(addresses.Length)] : x.Destination;
            var type = mutator.Random.Next(20) == 0 ? (x.Type == FrameType.Ct ? FrameType.Els : FrameType.Ct) : x.Type;
            var name = $"{type} to {destination}";
            try
            {
                fabric!.Exchange(x.Source, destination, type, request, response.AsSpan(0, mutator.Random.Next(4) == 0 ? mutator.Random.Next(64) : response.Length));
                report.Ok(type.ToString());
            }
            catch (Exception e) { report.Failed(name, e, request); }
        }
    }

    // ------------------------------------------------------------------ kernel: sg_io_v4 from a hostile caller

    /// <summary>
    /// Each input is a recorded SG_IO with its request bytes and header fields mutated (guard, protocol, every length,
    /// pointers moved inside, across and outside the memory handed over), run by the fake kernel on a simulated node.
    /// It answers with an errno or a completion; it never throws and never touches memory it was not given.
    /// </summary>
    public static unsafe void Kernel(FamilyReport report, long inputs, int seed)
    {
        const int BufferSize = 64 * 1024;
        var mutator = new Mutator(seed);
        var captured = Corpus.Shared.FcSgIo;
        var seeds = captured.Select(c => c.Request).ToList();
        using var san = SimulatedSan.Create("lab");
        var channels = san.Nodes.Select(n => san.Transport.Open($"/dev/bsg/{n.Name}")).ToList();
        var memory = (byte*)NativeMemory.AlignedAlloc(4 * BufferSize, 4096);
        try
        {
            var request = memory;
            var reply = memory + BufferSize;
            var dout = memory + 2 * BufferSize;
            var din = memory + 3 * BufferSize;
            Span<MemoryRegion> regions = stackalloc MemoryRegion[4];
            for (long i = 0; i < inputs; i++)
            {
                var c = captured[mutator.Random.Next(captured.Count)];
                var r = mutator.Random;
                var req = mutator.Mutate(c.Request, seeds);
                var n = Math.Min(req.Length, BufferSize);
                req.AsSpan(0, n).CopyTo(new Span<byte>(request, BufferSize));
                c.Dout.AsSpan(0, Math.Min(c.Dout.Length, BufferSize)).CopyTo(new Span<byte>(dout, BufferSize));
                var h = c.Header;
                h.Request = (ulong)request;
                h.RequestLen = (uint)n;
                h.Response = (ulong)reply;
                h.MaxResponseLen = Math.Min(h.MaxResponseLen, BufferSize);
                h.DoutXferp = h.DoutXferLen == 0 ? 0 : (ulong)dout;
                h.DoutXferLen = Math.Min(h.DoutXferLen, BufferSize);
                h.DinXferp = h.DinXferLen == 0 ? 0 : (ulong)din;
                h.DinXferLen = Math.Min(h.DinXferLen, BufferSize);
                h.Timeout = 0; // simulated time only
                var steps = 1 + r.Next(3);
                for (var s = 0; s < steps; s++)
                    switch (r.Next(10))
                    {
                        case 0: h.Guard = r.Next(4) == 0 ? r.Next() : 'Q'; break;
                        case 1: h.Protocol = (uint)r.Next(3); h.Subprotocol = (uint)r.Next(4); break;
                        case 2: h.RequestLen = Len(r, h.RequestLen); break;
                        case 3: h.MaxResponseLen = Len(r, h.MaxResponseLen); break;
                        case 4: h.DoutXferLen = Len(r, h.DoutXferLen); if (h.DoutXferp == 0) h.DoutXferp = (ulong)dout; break;
                        case 5: h.DinXferLen = Len(r, h.DinXferLen); if (h.DinXferp == 0) h.DinXferp = (ulong)din; break;
                        case 6: h.Request = Move(r, h.Request); break;
                        case 7: h.Response = Move(r, h.Response); break;
                        case 8: h.DinXferp = Move(r, h.DinXferp); break;
                        case 9: h.DoutXferp = Move(r, h.DoutXferp); break;
                    }
                regions[0] = new((ulong)request, BufferSize);
                regions[1] = new((ulong)reply, BufferSize);
                regions[2] = new((ulong)dout, BufferSize);
                regions[3] = new((ulong)din, BufferSize);
                var channel = channels[r.Next(channels.Count)];
                try
                {
                    san.Transport.Execute(channel, ref h, regions);
                    report.Ok("SimKernel.SgIo");
                }
                catch (Exception e) { report.Failed("SimKernel.SgIo", e, req); }
            }
        }
        finally
        {
            NativeMemory.AlignedFree(memory);
            foreach (var ch in channels) ch.Dispose();
        }
    }

    private static uint Len(Random r, uint current) => r.Next(4) switch
    {
        0 => 0,
        1 => current + (uint)r.Next(1, 64),
        2 => (uint)r.Next(0, 70_000),
        _ => r.Next(2) == 0 ? uint.MaxValue : 0x80000000,
    };

    private static ulong Move(Random r, ulong pointer) => r.Next(4) switch
    {
        0 => 0,
        1 => pointer + (ulong)r.Next(1, 70_000),
        2 => pointer - (ulong)r.Next(1, 4096),
        _ => (ulong)r.NextInt64(),
    };
}
