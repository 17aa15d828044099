using System.Text;
using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;
using BsgKit.Fc.Wire;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// The ELS answers of one N_Port (or of the fabric's F_Port for ELS sent to a well-known address), built with
/// the shared ELS codecs. Unknown commands get LS_RJT "command not supported"; malformed requests get LS_RJT
/// "logical error / invalid payload length".
/// </summary>
internal sealed class ElsResponder(FabricTopology topology)
{
    private const uint RaTovMs = 10_000, EdTovMs = 2_000;
    private const uint BbCredit = 8;

    public int Respond(SimNPort port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        if (request.IsEmpty) return Reject(response, LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength);
        try
        {
            return request[0] switch
            {
                ElsCommands.Echo => RespondEcho(request, response),
                ElsCommands.Rls => RespondRls(port, request, response),
                ElsCommands.Rnid => RespondRnid(port, Rnid.ParseRequest(request), response),
                ElsCommands.Rpsc => RespondRpsc(port, request, response),
                ElsCommands.Adisc => RespondAdisc(port, request, response),
                ElsCommands.Rtv => RespondRtv(request, response),
                ElsCommands.Rdp => RespondRdp(port, request, response),
                ElsCommands.Lirr => RespondLirr(request, response),
                ElsCommands.Srl => RespondSrl(request, response),
                ElsCommands.Rpl => RespondRpl(port, Rpl.ParseRequest(request), response),
                ElsCommands.Rps => RespondRps(port, Rps.ParseRequest(request), response),
                _ => Reject(response, LsRjtReasons.CommandNotSupported, LsRjtExplanations.None),
            };
        }
        catch (FcWireFormatException)
        {
            return Reject(response, LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength);
        }
    }

    public static int Reject(Span<byte> response, byte reason, byte explanation) => LsRjt.Build(response, new LsRjt(reason, explanation));

    /// <summary>More than one frame's worth of ECHO data cannot be echoed in one frame: LS_RJT, as a port answers.</summary>
    private static int RespondEcho(ReadOnlySpan<byte> request, Span<byte> response)
    {
        var data = Echo.ParseRequest(request);
        return data.Length > Echo.MaxDataLength
            ? Reject(response, LsRjtReasons.LogicalError, LsRjtExplanations.InvalidPayloadLength)
            : Echo.BuildAccept(response, data);
    }

    private static int RespondRls(SimNPort port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        var asked = Rls.ParseRequest(request);
        // RLS names the port whose counters are wanted; an N_Port only knows its own.
        if (asked != port.Id && !port.IsSwitchPort) return Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.UnableToSupplyData);
        return Rls.BuildAccept(response, port.Lesb);
    }

    private RnidGeneralTopology Topology(SimNPort port)
    {
        var vendor = new byte[RnidGeneralTopology.VendorUniqueIdLength];
        var name = port.Rnid?.VendorUniqueName ?? (port.IsSwitchPort ? SwitchOf(port)?.Vendor ?? SimSwitchDefaults.Vendor : "BSGKITSIM");
        Encoding.ASCII.GetBytes(name, 0, Math.Min(vendor.Length, name.Length), vendor, 0);
        uint type = port.Rnid is { } r ? (uint)r.NodeType
            : port.IsSwitchPort ? RnidTypes.AssociatedSwitch
            : port.IsHost ? RnidTypes.AssociatedHost
            : RnidTypes.AssociatedStorageDevice;
        return new RnidGeneralTopology(vendor, type, (uint)port.SwitchPort, 1, 2, 0, 0, new byte[16], 0);
    }

    private int RespondRnid(SimNPort port, byte format, Span<byte> response)
    {
        // A format we do not support is answered with the common identification data only (FC-LS).
        var topologyData = format == RnidTypes.FormatGeneralTopology ? Topology(port) : null;
        return Rnid.BuildAccept(response, new RnidAccept(topologyData is null ? RnidTypes.FormatCommonOnly : format,
            port.PortName, port.NodeName, topologyData, []));
    }

    private static int RespondRpsc(SimNPort port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        Rpsc.ParseRequest(request);
        return Rpsc.BuildAccept(response, [new RpscEntry(LinkSpeeds.LinkCapabilities(port.Speed, port.SupportedSpeeds), LinkSpeeds.LinkBit(port.Speed))]);
    }

    private static int RespondAdisc(SimNPort port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        Adisc.ParseRequest(request);
        return Adisc.BuildAccept(response, new AdiscParameters(default, port.PortName, port.NodeName, port.Id));
    }

    private static int RespondRtv(ReadOnlySpan<byte> request, Span<byte> response)
    {
        Rtv.ParseRequest(request);
        return Rtv.BuildAccept(response, new RtvAccept(RaTovMs, EdTovMs, 0));
    }

    private static int RespondLirr(ReadOnlySpan<byte> request, Span<byte> response)
    {
        Lirr.ParseRequest(request);
        return Lirr.BuildAccept(response);
    }

    private static int RespondSrl(ReadOnlySpan<byte> request, Span<byte> response)
    {
        Srl.ParseRequest(request);
        return Srl.BuildAccept(response);
    }

    private int RespondRdp(SimNPort port, ReadOnlySpan<byte> request, Span<byte> response)
    {
        Rdp.ParseRequest(request);
        var word0 = (uint)request[0] << 24 | (uint)request[1] << 16 | (uint)request[2] << 8 | request[3];
        var attached = AttachedNames(port);
        var descriptors = new List<RdpDescriptor>(16)
        {
            new RdpLinkServiceDescriptor(word0),
            SfpOptics.Diagnostics(port.Sfp),
            new RdpPortSpeedDescriptor(LinkSpeeds.LinkCapabilities(port.Speed, port.SupportedSpeeds), LinkSpeeds.LinkBit(port.Speed)),
            // Port type word bits 31:30: 1 = N_Port, 2 = F_Port (attached-to-fabric view).
            new RdpLinkErrorStatusDescriptor(port.Lesb, port.IsSwitchPort ? 2u << 30 : 1u << 30),
            new RdpPortNamesDescriptor(port.NodeName, port.PortName),
            new RdpPortNamesDescriptor(attached.Node, attached.Port),
            new RdpFecDescriptor(0, 0),
            new RdpBufferCreditDescriptor(BbCredit, BbCredit, 0),
        };
        SfpOptics.AddElements(descriptors, port.Sfp);
        descriptors.Add(SfpOptics.Product(port.Sfp));
        return Rdp.BuildAccept(response, descriptors);
    }

    /// <summary>The other end of the link: the switch port for an N_Port, the first N_Port for a switch port.</summary>
    private (Wwn Node, Wwn Port) AttachedNames(SimNPort port)
    {
        var sw = SwitchOf(port);
        if (!port.IsSwitchPort) return (sw?.Name ?? default, port.FabricPortName);
        var sp = topology.FindPort(port.Domain, port.SwitchPort);
        if (sp is not null)
            foreach (var n in sp.Attached)
                if (!n.IsSwitchPort) return (n.NodeName, n.PortName);
        return (default, default);
    }

    private SimSwitch? SwitchOf(SimNPort port) => topology.FindDomain(port.Domain);

    private static int RespondRpl(SimNPort port, RplRequest request, Span<byte> response)
    {
        // An N_Port's port list is itself: one block at index 0.
        var blocks = request.StartingIndex == 0 && request.MaximumSize != 0
            ? new[] { new PortNumberBlock((uint)port.SwitchPort, port.Id, port.PortName) }
            : [];
        return Rpl.BuildAccept(response, new RplAccept(1, request.StartingIndex, blocks));
    }

    private static int RespondRps(SimNPort port, RpsRequest request, Span<byte> response)
    {
        var matches = request.Selector switch
        {
            RpsSelector.ByWwpn => request.Wwpn == port.PortName,
            RpsSelector.ByPhysicalPortNumber => request.PortSelection == (ulong)port.SwitchPort || request.PortSelection == 0,
            _ => true,
        };
        if (!matches) return Reject(response, LsRjtReasons.UnableToPerform, LsRjtExplanations.UnableToSupplyData);
        return Rps.BuildAccept(response, new RpsAccept(0, ElsFieldValues.RpsPortStatusFabric, port.Lesb));
    }
}
