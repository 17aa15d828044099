using BsgKit.Fc;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting.Fcoe;
using BsgKit.Simulator.Hosting.Fcoe.Wire;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Fuzz;

/// <summary>
/// The software FCF's receive path (`sim fcf`): mutated Ethernet frames from a hostile ENode — FIP solicitation,
/// FIP FLOGI, keep-alives, and FCoE frames carrying PLOGI, name-server CT, SCR and ECHO once logged in. The
/// forwarder must answer or drop every one; it never throws.
/// </summary>
public static class FcoeFamily
{
    private sealed class MemoryPort(MacAddress address) : IEthernetPort
    {
        public string Name => "fuzz0";
        public MacAddress Address { get; } = address;
        public int Mtu => 9000;
        public List<byte[]> Sent { get; } = [];
        public bool Send(ReadOnlySpan<byte> frame) { if (Sent.Count < 64) Sent.Add(frame.ToArray()); return true; }
    }

    public static void Run(FamilyReport report, long inputs, int seed)
    {
        var mutator = new Mutator(seed);
        var scenario = ScenarioLoader.Resolve("lab");
        var enode = new MacAddress(0x02005e00aa01);
        var now = TimeSpan.FromSeconds(1);
        MemoryPort port = null!;
        FcoeForwarder fcf = null!;
        List<byte[]> seeds = [];
        for (long i = 0; i < inputs; i++)
        {
            if (i % 2000 == 0) // a fresh FCF and a clean login now and then, so that logged-in paths stay reachable
            {
                port = new MemoryPort(new MacAddress(0x02005e00f000));
                fcf = new FcoeForwarder(new SimFabric(scenario, new SimClock()), scenario, [port], new FcfOptions());
                fcf.Start(now);
                seeds = LogIn(fcf, port, enode, scenario, now);
            }
            var input = mutator.Mutate(seeds[mutator.Random.Next(seeds.Count)], seeds);
            port.Sent.Clear();
            try
            {
                fcf.Receive(port, input, now);
                if (i % 100 == 0) fcf.Tick(now += TimeSpan.FromMilliseconds(mutator.Random.Next(1, 20_000)));
                report.Ok("FcoeForwarder.Receive");
            }
            catch (Exception e) { report.Failed("FcoeForwarder.Receive", e, input); }
        }
    }

    /// <summary>Logs the ENode in as libfcoe does and returns every frame it sent: the seeds.</summary>
    private static List<byte[]> LogIn(FcoeForwarder fcf, MemoryPort port, MacAddress enode, Scenario scenario, TimeSpan now)
    {
        var frames = new List<byte[]>();
        var portName = new Wwn(0x2000_0000_0000_0000UL | enode.Value);
        var nodeName = new Wwn(0x1000_0000_0000_0000UL | enode.Value);
        void Send(byte[] frame)
        {
            frames.Add(frame);
            fcf.Receive(port, frame, now);
        }
        var f = new byte[FcoeFrame.MaximumLength];
        Send(f[..FipSolicitation.Build(f, MacAddress.AllFcfMacs, enode, nodeName, 2158)]);
        Span<byte> els = stackalloc byte[ServiceParameters.Length];
        var login = ServiceParameters.WithClass3(new CommonServiceParameters(0x20, 0x20, 10, 0, 2112, 0, 0), portName, nodeName,
            new ClassServiceParameters(0x8800, 0, 0, 0, 0, 0, 0));
        var n = Flogi.BuildRequest(els, login);
        var header = new FcFrameHeader(FcFrameCodes.RctlElsRequest, FcId.FabricPort, new FcId(0), FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl, 0, 0, 1, FcFrameCodes.UnknownXid, 0);
        port.Sent.Clear();
        Send(f[..FipLinkService.Build(f, port.Address, enode, FipCodes.SubRequest, FipCodes.FlagFpma, FipCodes.DescFlogi, header, els[..n], new MacAddress(0))]);
        var (vnMac, id) = (new MacAddress(0), new FcId(0));
        foreach (var reply in port.Sent)
            if (FipFrame.TryParse(reply, out var fip) == FipFrameError.None && fip.Operation == FipCodes.OpLinkService
                && FipLinkService.Parse(fip, out var ls) == FipFrameError.None && ls.HasMac)
                (vnMac, id) = (ls.Mac, ls.Header.DestinationId);
        if (vnMac.IsZero) throw new InvalidOperationException("the FCF did not accept the seed FLOGI: the fcoe family would only fuzz discovery");
        Send(f[..FipKeepAlive.Build(f, port.Address, enode, enode, (vnMac, id, portName))]);
        var target = scenario.NPorts[0];
        var targetId = new FcId((uint)(target.Domain << 16 | target.Port << 8 | target.Alpa));
        var b = new byte[512];
        ushort ox = 0x20;
        void Fcoe(FcId destination, byte rctl, byte type, int length)
        {
            var h = new FcFrameHeader(rctl, destination, id, type, FcFrameCodes.FirstSequence | FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative,
                7, 0, ox++, FcFrameCodes.UnknownXid, 0);
            Send(f[..FcoeFrame.Build(f, port.Address, vnMac, FcFrameCodes.SofI3, h, b.AsSpan(0, length), FcFrameCodes.EofT)]);
        }
        Fcoe(FcId.DirectoryServer, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, Plogi.BuildRequest(b, login));
        Fcoe(FcId.DirectoryServer, FcFrameCodes.RctlUnsolicitedControl, FcFrameCodes.TypeCt, RftId.BuildRequest(b, id, Fc.Codes.Fc4TypeSet.Of(Fc.Codes.Fc4Types.Fcp)));
        Fcoe(FcId.DirectoryServer, FcFrameCodes.RctlUnsolicitedControl, FcFrameCodes.TypeCt, GpnId.BuildRequest(b, targetId));
        Fcoe(FcId.DirectoryServer, FcFrameCodes.RctlUnsolicitedControl, FcFrameCodes.TypeCt, GpnFt.BuildRequest(b, new NsFc4TypeScope(Fc.Codes.Fc4Types.Fcp)));
        Fcoe(FcId.FabricController, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, Scr.BuildRequest(b, Scr.Full));
        Fcoe(targetId, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, Plogi.BuildRequest(b, login));
        Fcoe(targetId, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, Echo.BuildRequest(b, [1, 2, 3, 4]));
        return frames;
    }
}
