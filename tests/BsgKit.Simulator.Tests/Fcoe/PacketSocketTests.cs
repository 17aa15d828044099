using System.Diagnostics;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Hosting.Fcoe;
using BsgKit.Simulator.Hosting.Fcoe.Wire;

namespace BsgKit.Simulator.Tests.Fcoe;

/// <summary>
/// The FCF on a real veth pair through AF_PACKET (needs root, like the sim run tests): an ENode made of our own packet
/// socket on the other end discovers it, logs in and gets an ECHO answered by a simulated target.
/// </summary>
public sealed class PacketSocketTests
{
    private static void Ip(params string[] args)
    {
        var psi = new ProcessStartInfo(File.Exists("/usr/sbin/ip") ? "/usr/sbin/ip" : "/sbin/ip") { RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)}: {err.Trim()}");
    }

    private static byte[]? ReceiveWithin(PacketSocketPort port, bool fcoe, Func<byte[], bool> wanted, TimeSpan limit)
    {
        var buffer = new byte[9216];
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed < limit)
        {
            var n = port.Receive(fcoe, buffer);
            if (n > 0 && wanted(buffer[..n])) return buffer[..n];
            if (n == 0) Thread.Sleep(5);
        }
        return null;
    }

    [Fact]
    public void An_enode_on_a_veth_discovers_the_fcf_logs_in_and_gets_an_echo_answered()
    {
        Assert.True(Environment.UserName == "root" || Hosting.Syscall.Interop.Libc.Geteuid() == 0,
            "needs root for AF_PACKET and veth (the test command runs as root; see README)");
        var suffix = Environment.ProcessId % 100000;
        string fcf = $"fcft{suffix}a", host = $"fcft{suffix}b";
        Ip("link", "add", fcf, "mtu", "9000", "type", "veth", "peer", "name", host, "mtu", "9000");
        try
        {
            Ip("link", "set", fcf, "up");
            Ip("link", "set", host, "up");
            var scenario = FcfScenarios.Small();
            using var server = FcfHost.Open(scenario, [fcf], new FcfOptions { FkaPeriodMs = 1000 });
            using var stop = new CancellationTokenSource();
            var loop = new Thread(() => server.Run(stop.Token)) { IsBackground = true };
            loop.Start();
            try
            {
                using var enode = PacketSocketPort.Open(host);
                var frame = new byte[2300];
                enode.Send(frame.AsSpan(0, FipSolicitation.Build(frame, MacAddress.AllFcfMacs, enode.Address, new Wwn(0x1000_0000_0000_0000UL | enode.Address.Value), 2158)));
                var adv = ReceiveWithin(enode, fcoe: false, f => MacAddress.Read(f) == enode.Address, TimeSpan.FromSeconds(10));
                Assert.NotNull(adv);
                Assert.Equal(14 + 2158, adv!.Length); // padded through a 9000-byte MTU
                Assert.Equal(FipFrameError.None, FipFrame.TryParse(adv, out var fip));
                Assert.Equal(FipFrameError.None, FipAdvertisement.Parse(fip, out var info));
                Assert.Equal(server.Ports[0].Address, info.FcfMac);

                var wwpn = new Wwn(0x2000_0000_0000_0000UL | enode.Address.Value);
                Span<byte> els = stackalloc byte[ServiceParameters.Length];
                var length = Flogi.BuildRequest(els, ServiceParameters.WithClass3(new CommonServiceParameters(0x20, 0x20, 10, 0, 2112, 0, 0),
                    wwpn, new Wwn(0x1000_0000_0000_0000UL | enode.Address.Value), ClassServiceParameters.NotSupported));
                var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, FcId.FabricPort, new FcId(0), FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl, 0, 0, 0x21, FcFrameCodes.UnknownXid, 0);
                enode.Send(frame.AsSpan(0, FipLinkService.Build(frame, info.FcfMac, enode.Address, FipCodes.SubRequest, FipCodes.FlagFpma, FipCodes.DescFlogi, h, els[..length], new MacAddress(0))));
                var rep = ReceiveWithin(enode, false, f => FipFrame.TryParse(f, out var x) == FipFrameError.None && x.Operation == FipCodes.OpLinkService, TimeSpan.FromSeconds(10));
                Assert.NotNull(rep);
                FipFrame.TryParse(rep!, out var repFip);
                Assert.Equal(FipFrameError.None, FipLinkService.Parse(repFip, out var ls));
                var id = ls.Header.DestinationId;
                var vnMac = ls.Mac;
                Assert.Equal(MacAddress.Fpma(FipCodes.DefaultFcMap, id.Value), vnMac);

                var echo = new byte[] { ElsCommands.Echo, 0, 0, 0, 0xB5, 0x6B, 0x17, 0x17 };
                var req = new FcFrameHeader(FcFrameCodes.RctlElsRequest, new FcId(0x010500), id, FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl, 0, 0, 0x22, FcFrameCodes.UnknownXid, 0);
                enode.Send(frame.AsSpan(0, FcoeFrame.Build(frame, info.FcfMac, vnMac, FcFrameCodes.SofI3, req, echo, FcFrameCodes.EofT)));
                var answer = ReceiveWithin(enode, true, f => MacAddress.Read(f) == vnMac, TimeSpan.FromSeconds(10));
                Assert.NotNull(answer);
                Assert.Equal(FcoeFrameError.None, FcoeFrame.Parse(answer!, out var fc, out _, out _));
                var reply = FcFrameHeader.Read(fc);
                Assert.Equal((ushort)0x22, reply.OriginatorExchangeId);
                Assert.Equal(ElsCommands.LsAcc, fc[FcFrameHeader.Length]);
                Assert.Equal(echo[4..], fc.Slice(FcFrameHeader.Length + 4, 4).ToArray());
            }
            finally
            {
                stop.Cancel();
                loop.Join(TimeSpan.FromSeconds(10));
            }
            Assert.Equal(1, server.Forwarder.Statistics.FabricLogins);
            Assert.Equal(1, server.Forwarder.Statistics.ClearVirtualLinksSent); // Shutdown clears the link it had
        }
        finally
        {
            Ip("link", "del", fcf);
        }
    }
}
