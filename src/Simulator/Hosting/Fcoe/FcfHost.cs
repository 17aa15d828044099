using System.Diagnostics;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting.Syscall.Interop;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Hosting.Fcoe;

/// <summary>
/// Runs an <see cref="FcoeForwarder"/> on real interfaces: opens an AF_PACKET port per interface, polls them, hands each
/// frame to the forwarder with the monotonic time and calls its timer when due. Ends when the token is cancelled (SIGINT,
/// SIGTERM) — then it clears every virtual link so the hosts log out at once — and closes its sockets on every path.
/// </summary>
public sealed class FcfHost : IDisposable
{
    private readonly List<PacketSocketPort> _ports;
    private readonly long _start = Stopwatch.GetTimestamp();

    private FcfHost(List<PacketSocketPort> ports, FcoeForwarder forwarder)
    {
        _ports = ports;
        Forwarder = forwarder;
    }

    /// <summary>The FCF logic (FIP, fabric login, frame forwarding) serving the ports.</summary>
    public FcoeForwarder Forwarder { get; }
    /// <summary>The Ethernet interfaces it serves, one packet socket each.</summary>
    public IReadOnlyList<PacketSocketPort> Ports => _ports;

    /// <summary>Opens a packet socket on each interface and builds the scenario's fabric behind them; <see cref="FcfException"/> says what is wrong (bad list, no such interface, no permission).</summary>
    public static FcfHost Open(Scenario scenario, IReadOnlyList<string> interfaces, FcfOptions options)
    {
        if (interfaces.Count == 0) throw new FcfException("no interface given", failure: FcfFailure.BadInterfaceList);
        var duplicate = interfaces.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new FcfException($"interface {duplicate.Key} is given twice", failure: FcfFailure.BadInterfaceList);
        var ports = new List<PacketSocketPort>();
        try
        {
            foreach (var name in interfaces) ports.Add(PacketSocketPort.Open(name));
            var fabric = new SimFabric(scenario, new Kernel.SimClock());
            return new FcfHost(ports, new FcoeForwarder(fabric, scenario, ports, options));
        }
        catch
        {
            foreach (var p in ports) p.Dispose();
            throw;
        }
    }

    private TimeSpan Now => Stopwatch.GetElapsedTime(_start);

    /// <summary>Serves until <paramref name="cancellationToken"/> is cancelled.</summary>
    public unsafe void Run(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        var fds = new PollFd[_ports.Count * 2];
        for (var i = 0; i < _ports.Count; i++)
        {
            fds[2 * i] = new PollFd { Fd = _ports[i].FipDescriptor, Events = Libc.PollIn };
            fds[2 * i + 1] = new PollFd { Fd = _ports[i].FcoeDescriptor, Events = Libc.PollIn };
        }
        Forwarder.Start(Now);
        var next = Forwarder.Tick(Now);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = (int)Math.Clamp((next - Now).TotalMilliseconds, 0, 200);
                int ready;
                fixed (PollFd* p = fds) ready = Libc.Poll(p, (nuint)fds.Length, wait);
                if (ready < 0)
                {
                    var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
                    if (errno == Bsg.Errno.EINTR) continue;
                    throw new FcfException($"poll failed: {Bsg.Errno.Describe(errno)}", errno);
                }
                for (var i = 0; i < fds.Length && ready > 0; i++)
                {
                    if (fds[i].Revents == 0) continue;
                    if ((fds[i].Revents & (Libc.PollErr | Libc.PollHup | Libc.PollNval)) != 0)
                        throw new FcfException($"interface {_ports[i / 2].Name} went away (poll revents 0x{fds[i].Revents:x})");
                    var port = _ports[i / 2];
                    // Drain what is queued, a bounded batch at a time so one busy port cannot starve the others.
                    for (var k = 0; k < 256; k++)
                    {
                        var n = port.Receive(fcoe: i % 2 == 1, buffer);
                        if (n == 0) break;
                        if (n < 0) { Forwarder.Statistics.FramesReceived++; Forwarder.Statistics.Drop("Ethernet: frame longer than any FCoE frame"); continue; }
                        Forwarder.Receive(port, buffer.AsSpan(0, n), Now);
                    }
                }
                // Keep-alive supervision only after everything already queued was read: a frame the FCF was slow to
                // get to (a long first answer, a SIGSTOP) must not count as a missing keep-alive.
                if ((Now >= next || ready == 0) && !Pending(fds)) next = Forwarder.Tick(Now);
            }
        }
        finally
        {
            Forwarder.Shutdown();
        }
    }

    private static unsafe bool Pending(PollFd[] fds)
    {
        for (var i = 0; i < fds.Length; i++) fds[i].Revents = 0;
        fixed (PollFd* p = fds) return Libc.Poll(p, (nuint)fds.Length, 0) > 0;
    }

    /// <summary>Closes the sockets.</summary>
    public void Dispose()
    {
        foreach (var p in _ports) p.Dispose();
    }
}
