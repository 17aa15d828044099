using System.Diagnostics;
using System.Text.RegularExpressions;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Simulator.Fabric;

namespace BsgKit.KernelLane;

/// <summary>
/// Fabric mode's independent checks: the kernel's own code (libfc's login, discovery and registrations, the SCSI
/// scan, fcoe-utils) reading what the FCF and the simulated fabric gave it. Each prints CHECK PASS/FAIL with detail.
/// The last ones change the fabric (a port disappears, a link is cleared, the FCF goes silent) and so run last.
/// </summary>
public static class FabricChecks
{
    private static int _run, _failed;

    public static (int Run, int Failed) Run(RealTarget real, SimTarget sim)
    {
        _run = _failed = 0;
        Check("rports-match-zoning", () => RemotePortsMatchZoning(real, sim));
        Check("fc-host-attributes", () => HostAttributes(real, sim));
        Check("registrations-read-back", () => RegistrationsReadBack(real));
        Check("ns-cli-real-equals-sim", () => CliAgrees(real, ["ns", "gpn-ft"], ["ns", "gspn-id", real.PortIdB.ToString()], ["ns", "gff-id", real.PortIdB.ToString()], ["ns", "gid-nn", FabricLane.Scenario.NPorts[FabricLane.T1].Wwnn]));
        Check("mgmt-cli-real-equals-sim", () => CliAgrees(real, ["fdmi", "list"], ["zone", "sets"], ["fcs", "list"]));
        Check("fcnsq", () => Fcnsq(real));
        Check("fcping", () => Fcping(real));
        Check("fcrls", () => Fcrls(real));
        Check("rscn-removes-rport", () => RscnRemovesRport(real));
        Check("cvl-on-link-fault", () => ClearVirtualLink(real));
        Check("silent-fcf-takes-lports-offline", () => SilentFcf(real));
        return (_run, _failed);
    }

    private static void Check(string name, Func<string?> body)
    {
        _run++;
        var sw = Stopwatch.StartNew();
        string? failure;
        try { failure = body(); }
        catch (Exception e) { failure = $"threw {e.GetType().Name}: {e.Message}"; }
        if (failure is null) Console.WriteLine($"CHECK PASS {name} ({sw.Elapsed.TotalSeconds:0.0}s)");
        else { _failed++; Console.WriteLine($"CHECK FAIL {name}: {failure}"); }
    }

    // ---------------------------------------------------------------- sysfs

    private static Dictionary<Wwn, (string Rport, string Roles, string State)> RemotePorts(string host)
    {
        var map = new Dictionary<Wwn, (string, string, string)>();
        foreach (var dir in Directory.GetDirectories("/sys/class/fc_remote_ports", $"rport-{host[4..]}:*"))
            map[new Wwn(RealTarget.Hex64(File.ReadAllText(Path.Combine(dir, "port_name")).Trim()))] =
                (Path.GetFileName(dir), File.ReadAllText(Path.Combine(dir, "roles")).Trim(), File.ReadAllText(Path.Combine(dir, "port_state")).Trim());
        return map;
    }

    /// <summary>libfc's GPN_FT (FCP) and PLOGI/PRLI of our answers: exactly the FCP ports zoning lets each host see.</summary>
    private static string? RemotePortsMatchZoning(RealTarget real, SimTarget sim)
    {
        var fabric = (SimFabric)sim.San.Fabric;
        var problems = new List<string>();
        foreach (var (host, id) in new[] { (real.HostA, sim.PortIdA), (real.HostB, sim.PortIdB) })
        {
            // libfc: the dNS session (an rport named by our PLOGI accept) and every FCP port zoning lets it see.
            var expected = fabric.PortsVisibleTo(id)
                .Where(v => fabric.FindPort(v.PortId)?.Fc4Types.Contains(Fc4Types.Fcp) == true)
                .Select(v => v.PortName).Append(SimFabric.ServerPortName(FcId.DirectoryServer, fabric.FabricName))
                .OrderBy(w => w.Value).ToList();
            var actual = RemotePorts(host).Where(kv => kv.Value.State == "Online").Select(kv => kv.Key).OrderBy(w => w.Value).ToList();
            Console.WriteLine($"    {host}: expected [{string.Join(", ", expected)}], sysfs [{string.Join(", ", actual)}]");
            if (!expected.SequenceEqual(actual)) problems.Add($"{host}: expected {expected.Count} online rports, sysfs has {actual.Count}");
            var rports = RemotePorts(host);
            foreach (var (wwpn, role) in new[] { (FabricLane.Wwpn(FabricLane.T1), "FCP Target"), (FabricLane.Wwpn(FabricLane.I8), "FCP Initiator") })
                if (rports.TryGetValue(wwpn, out var r) && r.Roles != role) problems.Add($"{host}: {wwpn} roles '{r.Roles}', expected '{role}'");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>fc_host as libfc set it from our FLOGI accept and its own state, against the simulator's generated sysfs.</summary>
    private static string? HostAttributes(RealTarget real, SimTarget sim)
    {
        string[] required = ["port_id", "port_name", "node_name", "fabric_name", "port_type", "port_state", "symbolic_name"];
        var problems = new List<string>();
        foreach (var (host, simHost) in new[] { (real.HostA, "host1"), (real.HostB, "host2") })
        {
            var simDir = Path.Combine(sim.San.SysRoot, "class", "fc_host", simHost);
            foreach (var attr in Directory.GetFiles($"/sys/class/fc_host/{host}").Select(Path.GetFileName).Order())
            {
                var simPath = Path.Combine(simDir, attr!);
                string r;
                try { r = File.ReadAllText($"/sys/class/fc_host/{host}/{attr}").Trim(); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; } // write-only (issue_lip)
                var s = File.Exists(simPath) ? File.ReadAllText(simPath).Trim() : "(absent)";
                var needed = required.Contains(attr);
                if (r != s) Console.WriteLine($"    {(needed ? "DIFF" : "info")} {host}/{attr}: real='{r}' sim='{s}'");
                if (needed && r != s) problems.Add($"{host}/{attr}");
            }
        }
        var fabricName = RealTarget.Sysfs(real.HostA, "fabric_name");
        if (RealTarget.Hex64(fabricName) != FabricLane.Scenario.Switches.Select(s => Wwn.Parse(s.Wwn).Value).Min()) problems.Add($"fabric_name {fabricName}");
        return problems.Count == 0 ? null : "differs: " + string.Join(", ", problems);
    }

    // ---------------------------------------------------------------- the CLI through the real kernel

    /// <summary>
    /// The bsgkit CLI, in this process (BsgKitCli.RunAsync is what the bsgkit binary runs; a fresh dotnet costs ~20 s
    /// under TCG). The binary itself runs beside us as `sim fcf`.
    /// </summary>
    private static (int Code, string Out, string Err) Bsgkit(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Tool.BsgKitCli.RunAsync(args, stdout, stderr).GetAwaiter().GetResult();
        return (code, stdout.ToString(), stderr.ToString());
    }


    private static (int Code, string Out, string Err) Run(string exe, IEnumerable<string> args, int timeoutMs = 60_000)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutMs)) { p.Kill(true); return (-1, stdout.Result, stderr.Result + " (timed out)"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The kernel's own RSPN_ID/RSNN_NN/RFT_ID/RFF_ID/RNN_ID decoded by our name server, read back with bsgkit ns against sysfs.</summary>
    private static string? RegistrationsReadBack(RealTarget real)
    {
        var b = real.PortIdB.ToString();
        var symbolic = RealTarget.Sysfs(real.HostB, "symbolic_name");
        var node = new Wwn(RealTarget.Hex64(RealTarget.Sysfs(real.HostB, "node_name")));
        var problems = new List<string>();
        void Expect(string[] args, string pattern)
        {
            var r = Bsgkit(["-H", real.HostA, .. args]);
            Console.WriteLine($"    bsgkit {string.Join(' ', args)} -> rc {r.Code}: {r.Out.Trim().Replace('\n', ' ')}");
            if (r.Code != 0 || !Regex.IsMatch(r.Out, pattern)) problems.Add($"{string.Join(' ', args)} (rc {r.Code}) does not show {pattern}: {r.Err.Trim()}");
        }
        Expect(["ns", "gspn-id", b], Regex.Escape(symbolic));
        Expect(["ns", "gsnn-nn", node.ToString()], Regex.Escape(symbolic));
        Expect(["ns", "gnn-id", b], Regex.Escape(node.ToString()));
        Expect(["ns", "gft-id", b], "FCP");
        Expect(["ns", "gff-id", b], "(?i)initiator");
        Expect(["ns", "gpn-id", b], Regex.Escape(new Wwn(RealTarget.Hex64(RealTarget.Sysfs(real.HostB, "port_name"))).ToString()));

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>The same CLI commands through the real kernel and on the simulator (--simulate the lane's scenario): same exit code, same output.</summary>
    private static string? CliAgrees(RealTarget real, params string[][] commands)
    {
        var problems = new List<string>();
        foreach (var args in commands)
        {
            var r = Bsgkit(["-H", real.HostA, "-o", "json", .. args]);
            var s = Bsgkit(["--simulate", FabricLane.ScenarioPath, "-H", "host1", "-o", "json", .. args]);
            string Norm(string text) => text.Replace(real.HostA, "HOST").Replace("host1", "HOST").Replace($"fc_{real.HostA}", "fc_HOST").Trim();
            Console.WriteLine($"    bsgkit {string.Join(' ', args)}: real rc {r.Code} '{Norm(r.Err)}', sim rc {s.Code} '{Norm(s.Err)}'");
            if (r.Code != s.Code) problems.Add($"{string.Join(' ', args)}: exit {r.Code} real, {s.Code} sim");
            else if (Norm(r.Out) != Norm(s.Out)) problems.Add($"{string.Join(' ', args)}: output differs:\n{Norm(r.Out)}\n--- sim:\n{Norm(s.Out)}");
            else if (Norm(r.Err) != Norm(s.Err)) problems.Add($"{string.Join(' ', args)}: stderr differs: '{Norm(r.Err)}' vs '{Norm(s.Err)}'");
        }
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    // ---------------------------------------------------------------- fcoe-utils against the real kernel

    private static string? Fcnsq(RealTarget real)
    {
        var t1 = FabricLane.FcIdOf(FabricLane.T1).ToString();
        var r = Run("/usr/sbin/fcnsq", [real.HostA, "--gpn", t1]);
        Console.WriteLine($"    fcnsq {real.HostA} --gpn {t1} -> rc {r.Code}: {r.Out.Trim()} {r.Err.Trim()}");
        var expect = FabricLane.Wwpn(FabricLane.T1).Value.ToString("x16");
        if (r.Code != 0 || !r.Out.Contains(expect, StringComparison.OrdinalIgnoreCase)) return $"fcnsq --gpn did not print {expect}";
        var s = Run("/usr/sbin/fcnsq", [real.HostA, "--gspn", real.PortIdB.ToString()]);
        Console.WriteLine($"    fcnsq {real.HostA} --gspn {real.PortIdB} -> rc {s.Code}: {s.Out.Trim()} {s.Err.Trim()}");
        var symbolic = RealTarget.Sysfs(real.HostB, "symbolic_name");
        return s.Code == 0 && s.Out.Contains(symbolic) ? null : $"fcnsq --gspn did not print '{symbolic}'";
    }

    private static string? Fcping(RealTarget real)
    {
        var wwpn = RealTarget.Sysfs(real.HostA, "port_name");
        var problems = new List<string>();
        foreach (var target in new[] { FabricLane.FcIdOf(FabricLane.T1), real.PortIdB })
        {
            var r = Run("/usr/sbin/fcping", ["-c", "2", "-h", wwpn, "-F", target.ToString()]);
            Console.WriteLine($"    fcping -c 2 -h {wwpn} -F {target} -> rc {r.Code}: {r.Out.Trim().Replace('\n', ' ')} {r.Err.Trim()}");
            if (r.Code != 0 || !Regex.IsMatch(r.Out, @"2 packets received|2 received|, 0(\.0+)?% (packet )?loss")) problems.Add($"fcping {target}");
        }
        return problems.Count == 0 ? null : string.Join(", ", problems) + " failed";
    }

    private static string? Fcrls(RealTarget real)
    {
        var rport = RealTarget.RportOf(real.HostA, FabricLane.Wwpn(FabricLane.T1));
        var r = Run("/usr/sbin/fcrls", ["--port", rport]);
        Console.WriteLine($"    fcrls --port {rport} -> rc {r.Code}: {r.Out.Trim().Replace('\n', ' ')} {r.Err.Trim()}");
        return r.Code == 0 && Regex.IsMatch(r.Out, @"Link Failure Count\s+= 0\b") ? null : "fcrls did not show T1's link error status block";
    }

    // ---------------------------------------------------------------- faults, then the FCF going silent

    private static bool WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            if (condition()) return true;
            Thread.Sleep(200);
        }
        return condition();
    }

    private static void SendEls(RealTarget real, LaneNode from, byte code, uint destination, byte[] payload) =>
        LaneCases.Run(real, new LaneCase("trigger", "fault trigger", new RawCall(from, _ => LaneCases.HostEls(code, destination), _ => payload)));

    /// <summary>A simulated port leaves (its "disappear" fault fires on RPL): the FCF's RSCN makes libfc (GPN_ID, reject) drop its rport.</summary>
    private static string? RscnRemovesRport(RealTarget real)
    {
        var t3 = FabricLane.Wwpn(FabricLane.T3);
        if (!RemotePorts(real.HostA).TryGetValue(t3, out var before)) return $"{real.HostA} has no rport for T3 {t3} to begin with";
        // libfc deletes the rport (fc_rport_logoff → fc_remote_port_delete); the transport keeps the entry blocked for
        // dev_loss_tmo and then marks it "Not Present". A short dev_loss_tmo lets us see the end state.
        File.WriteAllText($"/sys/class/fc_remote_ports/{before.Rport}/dev_loss_tmo", "1");
        SendEls(real, LaneNode.HostA, 0x57, FabricLane.FcIdOf(FabricLane.T3).Value, [0x57, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
        var gone = WaitUntil(() => !RemotePorts(real.HostA).TryGetValue(t3, out var r) || r.State == "Not Present", TimeSpan.FromSeconds(20));
        var state = RemotePorts(real.HostA).TryGetValue(t3, out var now) ? now.State : "(no sysfs entry)";
        var after = Bsgkit("-H", real.HostA, "ns", "gpn-id", FabricLane.FcIdOf(FabricLane.T3).ToString());
        Console.WriteLine($"    after RSCN: T3's {before.Rport} is {state}; /dev/bsg/{before.Rport} {(File.Exists($"/dev/bsg/{before.Rport}") ? "still there" : "gone")}; ns gpn-id T3 -> rc {after.Code} {after.Err.Trim()}");
        if (!gone) return "the rport of the vanished port is still online after 20 s";
        return after.Code == 0 ? "the name server still lists the vanished port" : null;
    }

    /// <summary>An "offline" fault on host B (fires on RPS to it): the FCF clears B's virtual link; B's lport resets and logs in again.</summary>
    private static string? ClearVirtualLink(RealTarget real)
    {
        var log = Environment.GetEnvironmentVariable("BSGKIT_LANE_FCF_LOG");
        int Cvls() => log is not null && File.Exists(log) ? File.ReadAllLines(log).Count(l => l.Contains("CTRL/CVL")) : 0;
        var before = Cvls();
        SendEls(real, LaneNode.HostA, 0x56, real.PortIdB.Value, new byte[64].Select((b, i) => i == 0 ? (byte)0x56 : (byte)0).ToArray());
        var cleared = WaitUntil(() => Cvls() > before, TimeSpan.FromSeconds(10));
        var back = WaitUntil(() => RealTarget.Sysfs(real.HostB, "port_state") == "Online" &&
                                   RemotePorts(real.HostA).TryGetValue(new Wwn(RealTarget.Hex64(RealTarget.Sysfs(real.HostB, "port_name"))), out var r) && r.State == "Online",
            TimeSpan.FromSeconds(40));
        Console.WriteLine($"    CVL sent: {cleared}; B back online with A's rport of B: {back}; B port_id {RealTarget.Sysfs(real.HostB, "port_id")}");
        return cleared && back ? null : !cleared ? "the FCF sent no CVL" : "host B did not log in again within 40 s";
    }

    /// <summary>SIGSTOP the FCF: after 2.5 × FKA_ADV_Period without advertisements libfcoe deselects it and the lports go offline; SIGCONT brings them back.</summary>
    private static string? SilentFcf(RealTarget real)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("BSGKIT_LANE_FCF_PID"), out var pid)) return "BSGKIT_LANE_FCF_PID is not set";
        bool Online(string h) => RealTarget.Sysfs(h, "port_state") == "Online";
        var stop = Run("/usr/bin/kill", ["-STOP", pid.ToString()]);
        if (stop.Code != 0) return $"kill -STOP {pid} failed: {stop.Err.Trim()}";
        var sw = Stopwatch.StartNew();
        var offline = WaitUntil(() => !Online(real.HostA) && !Online(real.HostB), TimeSpan.FromSeconds(20));
        var offlineAfter = sw.Elapsed;
        var states = $"{RealTarget.Sysfs(real.HostA, "port_state")}/{RealTarget.Sysfs(real.HostB, "port_state")}";
        Run("/usr/bin/kill", ["-CONT", pid.ToString()]);
        var back = WaitUntil(() => Online(real.HostA) && Online(real.HostB), TimeSpan.FromSeconds(60));
        Console.WriteLine($"    FCF stopped: lports {states} after {offlineAfter.TotalSeconds:0.0} s; after SIGCONT back online: {back} ({sw.Elapsed.TotalSeconds:0.0} s)");
        return offline && back ? null : !offline ? "the lports stayed online with a silent FCF" : "the lports did not come back";
    }
}
