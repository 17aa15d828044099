using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using static BsgKit.Fc.Codes.CtReasonExplanations;
using static BsgKit.Fc.Codes.GsConfigServerObjects;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// Fabric configuration server (0xFA/0x01 at 0xFFFFFA): the switches as interconnect elements, their ports and
/// what is attached, plus FPNG (fabric ping). Port names are switch port WWNs; an N_Port WWPN is also accepted
/// where a port name is asked, and then describes that N_Port's switch port.
/// </summary>
internal sealed class ConfigServer(FabricTopology topology, PortDirectory ports, ZoningPolicy zoning) : ICtService
{

    public CtServer Server => CtServer.FabricConfiguration;
    public CodeTable Commands => GsConfigServerCommands.Table;

    public int Handle(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        switch (request.Command)
        {
            case GsConfigServerCommands.Gtin:
                Gtin.ParseRequest(iu);
                return TopologyInfo(response);
            case GsConfigServerCommands.Giel:
            {
                Giel.ParseRequest(iu);
                var list = new List<FcsInterconnectElement>(topology.Switches.Count);
                foreach (var s in topology.Switches) list.Add(new FcsInterconnectElement(s.Name, ElementTypeSwitch));
                return Giel.BuildAccept(response, list);
            }
            case GsConfigServerCommands.Giet: return BySwitch(Giet.ParseRequest(iu), response, static (r, s) => Giet.BuildAccept(r, ElementTypeSwitch));
            case GsConfigServerCommands.Gdid: return BySwitch(Gdid.ParseRequest(iu), response, static (r, s) => Gdid.BuildAccept(r, (byte)s.Domain));
            case GsConfigServerCommands.Gmid: return BySwitch(Gmid.ParseRequest(iu), response, static (r, s) => Gmid.BuildAccept(r, s.DomainController));
            case GsConfigServerCommands.Gfn:
            {
                var fabricName = topology.FabricName;
                var s = topology.FindSwitch(Gfn.ParseRequest(iu));
                return s is null ? CtAnswers.Unable(response, Server, NoAdditionalExplanation) : Gfn.BuildAccept(response, fabricName);
            }
            case GsConfigServerCommands.Gieln: return BySwitch(Gieln.ParseRequest(iu), response, static (r, s) => Gieln.BuildAccept(r, s.LogicalName));
            case GsConfigServerCommands.Gmal:
                return BySwitch(Gmal.ParseRequest(iu), response, static (r, s) =>
                    Gmal.BuildAccept(r, s.IpAddress is null ? [] : [$"http://{s.IpAddress}", $"telnet://{s.IpAddress}"]));
            case GsConfigServerCommands.Gieil:
                return BySwitch(Gieil.ParseRequest(iu), response, static (r, s) =>
                    Gieil.BuildAccept(r, new FcsElementInfo(s.Vendor, s.Model, s.FirmwareVersion)));
            case GsConfigServerCommands.Gpl: return PortList(Gpl.ParseRequest(iu), response);
            case GsConfigServerCommands.Gpt:
            {
                var p = ResolvePort(Gpt.ParseRequest(iu), out var nport);
                if (p is null) return CtAnswers.Unable(response, Server, PortTypeNotAvailable);
                return Gpt.BuildAccept(response, nport is not null ? nport.PortType : p.PortType);
            }
            case GsConfigServerCommands.Gppn:
            {
                var p = ResolvePort(Gppn.ParseRequest(iu), out _);
                return p is null ? CtAnswers.Unable(response, Server, PhysicalPortNumberNotAvailable) : Gppn.BuildAccept(response, (uint)p.Index);
            }
            case GsConfigServerCommands.Gapnl: return AttachedPorts(Gapnl.ParseRequest(iu), response);
            case GsConfigServerCommands.Gps:
            {
                var p = ResolvePort(Gps.ParseRequest(iu), out var nport);
                if (p is null) return CtAnswers.Unable(response, Server, PortStateNotAvailable);
                var online = nport is not null ? nport.Online : p.IsOnline;
                return Gps.BuildAccept(response, new FcsPortState(nport is not null ? nport.PortType : p.PortType, online ? PortStateOnline : PortStateOffline));
            }
            case GsConfigServerCommands.Gpsc:
            {
                var p = ResolvePort(Gpsc.ParseRequest(iu), out var nport);
                if (p is null) return CtAnswers.Unable(response, Server, PortStateNotAvailable);
                var speedSource = nport ?? FirstAttached(p);
                var speed = speedSource is null
                    ? new PortSpeedInfo(LinkSpeeds.LinkCapabilities("16 Gbit", "4 Gbit, 8 Gbit, 16 Gbit, 32 Gbit"), LinkSpeeds.NotEstablished)
                    : new PortSpeedInfo(LinkSpeeds.LinkCapabilities(speedSource.Speed, speedSource.SupportedSpeeds), LinkSpeeds.LinkBit(speedSource.Speed));
                return Gpsc.BuildAccept(response, speed);
            }
            case GsConfigServerCommands.Fpng: return Ping(request, Fpng.ParseRequest(iu), response);
            default: return CtAnswers.NotSupported(response, Server);
        }
    }

    private int BySwitch(Wwn name, Span<byte> response, Func<Span<byte>, SimSwitch, int> build)
    {
        var s = topology.FindSwitch(name);
        return s is null ? CtAnswers.Unable(response, Server, CtReasonExplanations.NoAdditionalExplanation) : build(response, s);
    }

    /// <summary>GTIN's layout is not documented in our references: we answer the element count and names.</summary>
    private int TopologyInfo(Span<byte> response)
    {
        Span<byte> payload = stackalloc byte[4 + 8 * Math.Min(topology.Switches.Count, 30)];
        var count = (payload.Length - 4) / 8;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(payload, (uint)count);
        for (var i = 0; i < count; i++) topology.Switches[i].Name.Write(payload[(4 + 8 * i)..]);
        return Gtin.BuildAccept(response, payload);
    }

    private int PortList(Wwn switchName, Span<byte> response)
    {
        var s = topology.FindSwitch(switchName);
        if (s is null) return CtAnswers.Unable(response, Server, PortListNotAvailable);
        var list = new List<FcsPortEntry>(s.Ports.Count);
        foreach (var p in s.Ports) list.Add(new FcsPortEntry(p.Name, ModuleSfpWithSerialId, TxTypeOf(p), p.PortType));
        return Gpl.BuildAccept(response, list);
    }

    private static byte TxTypeOf(SimSwitchPort p)
    {
        var n = FirstAttached(p);
        return n?.Sfp.WavelengthNm switch { 1310 => TxLongWave1310, 1550 => TxLongWave1550, _ => TxShortWave850 };
    }

    private int AttachedPorts(Wwn portName, Span<byte> response)
    {
        var p = ResolvePort(portName, out var nport);
        if (p is null) return CtAnswers.Unable(response, Server, AttachedPortNameListNotAvailable);
        // An N_Port is attached to its switch port (the F_Port), not to itself and its neighbours behind that port.
        if (nport is not null) return Gapnl.BuildAccept(response, [new FcsAttachedPort(p.Name, 0, p.PortType)]);
        var list = new List<FcsAttachedPort>(Math.Max(1, p.Attached.Count));
        if (p.IslPeer is not null) list.Add(new FcsAttachedPort(p.IslPeer.Name, 0, PortTypes.EPort));
        foreach (var n in p.Attached)
            if (n.Online && n.Registered) list.Add(new FcsAttachedPort(n.PortName, 0, n.PortType));
        return Gapnl.BuildAccept(response, list);
    }

    private static SimNPort? FirstAttached(SimSwitchPort p)
    {
        foreach (var n in p.Attached)
            if (!n.IsSwitchPort) return n;
        return null;
    }

    /// <summary>A switch port by its WWN, or the switch port behind an N_Port WWPN (<paramref name="nport"/> set).</summary>
    private SimSwitchPort? ResolvePort(Wwn name, out SimNPort? nport)
    {
        nport = null;
        var p = topology.FindPort(name);
        if (p is not null) return p;
        nport = ports.FindByPortName(name);
        return nport is null ? null : topology.FindPort(nport.Domain, nport.SwitchPort);
    }

    /// <summary>FPNG: the fabric checks that the target is logged in, online and zoned with the requester.</summary>
    private int Ping(scoped in CtRequest request, FpngTarget target, Span<byte> response)
    {
        SimNPort? port = target.PortName is { } wwpn ? ports.FindByPortName(wwpn) : ports.FindById(target.PortId!.Value);
        if (port is null || port.IsSwitchPort || !port.Registered)
            return CtAnswers.Unable(response, Server, target.PortName is null ? CtReasonExplanations.PortIdNotRegistered : CtReasonExplanations.PortNameNotRegistered);
        if (request.Source is { } source && !zoning.CanSee(source, port)) return CtAnswers.Unable(response, Server, DevicesNotInCommonZone);
        if (!port.Online) return CtAnswers.Unable(response, Server, UnableToVerifyConnection);
        return Fpng.BuildAccept(response, target.Token);
    }
}
