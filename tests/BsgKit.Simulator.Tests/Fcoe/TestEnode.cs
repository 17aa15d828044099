using System.Buffers.Binary;
using BsgKit.Fc;
using BsgKit.Fc.Els;
using BsgKit.Simulator.Fabric;
using BsgKit.Simulator.Hosting.Fcoe;
using BsgKit.Simulator.Hosting.Fcoe.Wire;
using BsgKit.Simulator.Kernel;
using BsgKit.Simulator.Scenarios;

namespace BsgKit.Simulator.Tests.Fcoe;

/// <summary>One FCF port whose frames are kept in memory: what the FCF sent, in order.</summary>
internal sealed class MemoryPort(string name, MacAddress address, int mtu = 9000) : IEthernetPort
{
    public string Name { get; } = name;
    public MacAddress Address { get; } = address;
    public int Mtu { get; } = mtu;
    public Queue<byte[]> Sent { get; } = new();
    public bool Send(ReadOnlySpan<byte> frame) { Sent.Enqueue(frame.ToArray()); return true; }
}

/// <summary>A received FCoE frame, decoded.</summary>
internal sealed record FcoeIn(MacAddress Destination, MacAddress Source, byte Sof, byte Eof, FcFrameHeader Header, byte[] Payload);

/// <summary>An FCF on in-memory ports, with a clock the test moves.</summary>
internal sealed class FcfBench
{
    public FcfBench(Scenario? scenario = null, int ports = 1, FcfOptions? options = null, int mtu = 9000)
    {
        Scenario = scenario ?? FcfScenarios.Small();
        Fabric = new SimFabric(Scenario, new SimClock());
        Ports = Enumerable.Range(0, ports).Select(i => new MemoryPort($"fcf{i}", new MacAddress(0x02_00_5e_00_f0_00UL + (ulong)i), mtu)).ToList();
        Events = [];
        Forwarder = new FcoeForwarder(Fabric, Scenario, Ports, options ?? new FcfOptions { EventLog = Events.Add });
        Forwarder.Start(Now);
        foreach (var p in Ports) p.Sent.Clear(); // the first unsolicited advertisements
    }

    public Scenario Scenario { get; }
    public SimFabric Fabric { get; }
    public List<MemoryPort> Ports { get; }
    public FcoeForwarder Forwarder { get; }
    public List<string> Events { get; }
    public TimeSpan Now { get; private set; } = TimeSpan.FromSeconds(1);

    public void Advance(TimeSpan by)
    {
        Now += by;
        Forwarder.Tick(Now);
    }

    public TestEnode Enode(int port, ulong mac) => new(this, Ports[port], new MacAddress(mac));
}

/// <summary>
/// An ENode the way Linux fcoe/libfcoe builds its frames (fcoe_ctlr_solicit, fcoe_ctlr_encaps, fc_lport, fc_exch):
/// enough to drive the FCF through discovery, FLOGI, name-server registrations and exchanges in unit tests.
/// </summary>
internal sealed class TestEnode(FcfBench bench, MemoryPort port, MacAddress mac)
{
    private ushort _nextOx = 0x0010;

    public MacAddress Mac { get; } = mac;
    public MacAddress VnMac { get; private set; }
    public FcId PortId { get; private set; }
    public Wwn PortName => new(0x2000_0000_0000_0000UL | Mac.Value);
    public Wwn NodeName => new(0x1000_0000_0000_0000UL | Mac.Value);
    public MemoryPort Port => port;

    public void Deliver(ReadOnlySpan<byte> frame) => bench.Forwarder.Receive(port, frame, bench.Now);

    /// <summary>Frames the FCF sent to this ENode's MAC, its VN_Port MAC, or the ENode multicast group, oldest first.</summary>
    public List<byte[]> Take()
    {
        var mine = new List<byte[]>();
        var others = new Queue<byte[]>();
        while (port.Sent.TryDequeue(out var f))
        {
            var d = MacAddress.Read(f);
            if (d == Mac || (!VnMac.IsZero && d == VnMac) || d == MacAddress.AllEnodeMacs) mine.Add(f);
            else others.Enqueue(f);
        }
        while (others.TryDequeue(out var f)) port.Sent.Enqueue(f);
        return mine;
    }

    public List<FcoeIn> TakeFcoe() => Take().Where(IsFcoe).Select(Decode).ToList();

    public static bool IsFcoe(byte[] f) => BinaryPrimitives.ReadUInt16BigEndian(f.AsSpan(12)) == FcoeFrame.EtherType;

    public static FcoeIn Decode(byte[] frame)
    {
        Assert.Equal(FcoeFrameError.None, FcoeFrame.Parse(frame, out var fc, out var sof, out var eof));
        var h = FcFrameHeader.Read(fc);
        var payload = fc[FcFrameHeader.Length..].ToArray();
        if (h.HasFctl(FcFrameCodes.EndSequence)) payload = payload[..^h.FillBytes];
        return new FcoeIn(MacAddress.Read(frame), MacAddress.Read(frame.AsSpan(6)), sof, eof, h, payload);
    }

    public void Solicit(ushort maxFcoeSize = 2158)
    {
        var f = new byte[128];
        Deliver(f.AsSpan(0, FipSolicitation.Build(f, MacAddress.AllFcfMacs, Mac, NodeName, maxFcoeSize)));
    }

    /// <summary>FIP FLOGI with a zero MAC descriptor (FPMA); returns the granted MAC from the FIP accept.</summary>
    public FcId Flogi(ushort receiveSize = 2112)
    {
        Span<byte> els = stackalloc byte[ServiceParameters.Length];
        var parameters = ServiceParameters.WithClass3(new CommonServiceParameters(0x20, 0x20, 10, 0, receiveSize, 0, 0), PortName, NodeName,
            new ClassServiceParameters(0x8800, 0, 0, 0, 0, 0, 0));
        var length = BsgKit.Fc.Els.Flogi.BuildRequest(els, parameters);
        var h = new FcFrameHeader(FcFrameCodes.RctlElsRequest, FcId.FabricPort, new FcId(0), FcFrameCodes.TypeEls, FcFrameCodes.RequestFctl,
            0, 0, _nextOx++, FcFrameCodes.UnknownXid, 0);
        var f = new byte[512];
        Deliver(f.AsSpan(0, FipLinkService.Build(f, port.Address, Mac, FipCodes.SubRequest, FipCodes.FlagFpma, FipCodes.DescFlogi, h, els[..length], new MacAddress(0))));
        foreach (var reply in Take())
        {
            if (FipFrame.TryParse(reply, out var fip) != FipFrameError.None || fip.Operation != FipCodes.OpLinkService) continue;
            Assert.Equal(FipFrameError.None, FipLinkService.Parse(fip, out var ls));
            Assert.Equal(Fc.Codes.ElsCommands.LsAcc, ls.Payload[0]);
            Assert.True(ls.HasMac);
            VnMac = ls.Mac;
            PortId = ls.Header.DestinationId;
            return PortId;
        }
        throw new InvalidOperationException("no FLOGI reply");
    }

    /// <summary>Sends one request sequence (split into frames of <paramref name="frameSize"/> bytes) to <paramref name="destination"/>; returns its OX_ID.</summary>
    public ushort Request(FcId destination, byte rctl, byte type, ReadOnlySpan<byte> payload, int frameSize = 2112, ushort? oxId = null)
    {
        var ox = oxId ?? _nextOx++;
        var frames = Math.Max(1, (payload.Length + frameSize - 1) / frameSize);
        var f = new byte[FcoeFrame.MaximumLength];
        for (var i = 0; i < frames; i++)
        {
            var chunk = payload.Slice(i * frameSize, Math.Min(frameSize, payload.Length - i * frameSize));
            var last = i == frames - 1;
            var fctl = (i == 0 ? FcFrameCodes.FirstSequence : 0) | (last ? FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative : 0);
            var h = new FcFrameHeader(rctl, destination, PortId, type, fctl, 7, (ushort)i, ox, FcFrameCodes.UnknownXid, (uint)(i * frameSize));
            Deliver(f.AsSpan(0, FcoeFrame.Build(f, port.Address, VnMac, i == 0 ? FcFrameCodes.SofI3 : FcFrameCodes.SofN3, h, chunk,
                last ? FcFrameCodes.EofT : FcFrameCodes.EofN)));
        }
        return ox;
    }

    public ushort Els(FcId destination, ReadOnlySpan<byte> payload) => Request(destination, FcFrameCodes.RctlElsRequest, FcFrameCodes.TypeEls, payload);

    public ushort Ct(FcId destination, ReadOnlySpan<byte> ctIu) => Request(destination, FcFrameCodes.RctlUnsolicitedControl, FcFrameCodes.TypeCt, ctIu);

    /// <summary>The reply sequence to <paramref name="oxId"/>, reassembled from its frames.</summary>
    public byte[] Reply(ushort oxId)
    {
        var frames = TakeFcoe().Where(x => x.Header.OriginatorExchangeId == oxId && x.Header.HasFctl(FcFrameCodes.ExchangeContext)).ToList();
        Assert.NotEmpty(frames);
        Assert.True(frames[^1].Header.HasFctl(FcFrameCodes.LastSequence | FcFrameCodes.EndSequence | FcFrameCodes.SequenceInitiative));
        return frames.SelectMany(x => x.Payload).ToArray();
    }

    /// <summary>PLOGI to a port or server; returns its accept.</summary>
    public ServiceParameters Plogi(FcId destination)
    {
        var b = new byte[256];
        return BsgKit.Fc.Els.Plogi.ParseAccept(Reply(Els(destination, b.AsSpan(0, BsgKit.Fc.Els.Plogi.BuildRequest(b, ServiceParameters.WithClass3(
            new CommonServiceParameters(0x20, 0x20, 10, 0, 2112, 0, 2000), PortName, NodeName, ClassServiceParameters.NotSupported))))));
    }

    /// <summary>PRLI (FCP initiator) to a port; returns the accept's page.</summary>
    public PrliPage Prli(FcId destination)
    {
        var b = new byte[64];
        return Assert.Single(BsgKit.Fc.Els.Prli.ParseAccept(Reply(Els(destination, b.AsSpan(0, BsgKit.Fc.Els.Prli.BuildRequest(b,
            [new PrliPage(Fc.Codes.Fc4Types.Fcp, PrliPage.EstablishImagePair, PrliPage.FcpInitiatorFunction)]))))));
    }

    /// <summary>Logs in as libfc does: solicitation, FLOGI, PLOGI to the directory server, RFT_ID FCP, SCR.</summary>
    public TestEnode LogIn()
    {
        Solicit();
        Take();
        Flogi();
        var b = new byte[256];
        Plogi(FcId.DirectoryServer);
        Reply(Ct(FcId.DirectoryServer, b.AsSpan(0, Fc.Ct.NameServer.RftId.BuildRequest(b, PortId, Fc.Codes.Fc4TypeSet.Of(Fc.Codes.Fc4Types.Fcp)))));
        Reply(Els(FcId.FabricController, b.AsSpan(0, Scr.BuildRequest(b, Scr.Full))));
        return this;
    }
}

internal static class FcfScenarios
{
    /// <summary>One switch, one zoned-open fabric with two targets and an initiator.</summary>
    public static Scenario Small() => new()
    {
        Name = "fcf-test",
        Switches = [new SwitchSpec { Domain = 1, Wwn = "0x100000051e0f0001", Ports = 16 }],
        NPorts =
        [
            new NPortSpec { Wwpn = "0x500507680b214ac1", Wwnn = "0x500507680b004ac1", Domain = 1, Port = 5, SymbolicPortName = "array port 1" },
            new NPortSpec { Wwpn = "0x500507680b224ac1", Wwnn = "0x500507680b004ac1", Domain = 1, Port = 6 },
            new NPortSpec { Wwpn = "0x10000090fa000008", Wwnn = "0x20000090fa000008", Domain = 1, Port = 8, Roles = ["initiator"] },
        ],
    };
}
