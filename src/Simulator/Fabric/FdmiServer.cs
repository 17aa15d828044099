using BsgKit.Fc;
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.Fdmi;

namespace BsgKit.Simulator.Fabric;

/// <summary>
/// FDMI (0xFA/0x10 at 0xFFFFFA): the HBA and port attribute store. RHBA replaces an earlier registration of the
/// same HBA (what a driver reloading expects); RPA is accepted for any port. Unknown HBAs and ports are rejected
/// with "unable to perform" and explanation 0x02 (port name not registered) / 0x00 for an HBA identifier.
/// </summary>
internal sealed class FdmiServer : ICtService
{
    private readonly object _sync = new();
    private readonly List<Wwn> _hbaOrder = [];
    private readonly Dictionary<ulong, FdmiHbaRegistration> _hbas = [];
    private readonly Dictionary<ulong, IReadOnlyList<FdmiAttribute>> _portAttributes = [];

    public CtServer Server => CtServer.Fdmi;
    public CodeTable Commands => GsFdmiCodes.Commands;

    public int Handle(scoped in CtRequest request, Span<byte> response)
    {
        var iu = request.Iu;
        lock (_sync)
        {
            switch (request.Command)
            {
                case GsFdmiCodes.Rhba:
                {
                    var hba = Rhba.ParseRequest(iu);
                    if (!_hbas.ContainsKey(hba.HbaIdentifier.Value)) _hbaOrder.Add(hba.HbaIdentifier);
                    _hbas[hba.HbaIdentifier.Value] = hba;
                    return Rhba.BuildAccept(response);
                }
                case GsFdmiCodes.Rpa:
                {
                    var (port, attributes) = Rpa.ParseRequest(iu);
                    _portAttributes[port.Value] = attributes;
                    return Rpa.BuildAccept(response);
                }
                case GsFdmiCodes.Dhba:
                {
                    var id = Dhba.ParseRequest(iu);
                    if (!_hbas.Remove(id.Value, out var hba)) return CtAnswers.Unable(response, Server, CtReasonExplanations.NoAdditionalExplanation);
                    _hbaOrder.Remove(id);
                    foreach (var p in hba.Ports) _portAttributes.Remove(p.Value);
                    return Dhba.BuildAccept(response);
                }
                case GsFdmiCodes.Dprt:
                {
                    var port = Dprt.ParseRequest(iu);
                    var found = _portAttributes.Remove(port.Value);
                    foreach (var id in _hbaOrder)
                    {
                        var hba = _hbas[id.Value];
                        if (!Contains(hba.Ports, port)) continue;
                        var remaining = new List<Wwn>(hba.Ports.Count);
                        foreach (var p in hba.Ports)
                            if (p != port) remaining.Add(p);
                        _hbas[id.Value] = hba with { Ports = remaining };
                        found = true;
                    }
                    return found ? Dprt.BuildAccept(response) : CtAnswers.Unable(response, Server, CtReasonExplanations.PortNameNotRegistered);
                }
                case GsFdmiCodes.Grhl:
                    Grhl.ParseRequest(iu);
                    return Grhl.BuildAccept(response, _hbaOrder.ToArray());
                case GsFdmiCodes.Ghat:
                {
                    var id = Ghat.ParseRequest(iu);
                    return _hbas.TryGetValue(id.Value, out var hba)
                        ? Ghat.BuildAccept(response, new FdmiHbaAttributes(hba.Ports, hba.Attributes))
                        : CtAnswers.Unable(response, Server, CtReasonExplanations.NoAdditionalExplanation);
                }
                case GsFdmiCodes.Grpl:
                {
                    var id = Grpl.ParseRequest(iu);
                    return _hbas.TryGetValue(id.Value, out var hba)
                        ? Grpl.BuildAccept(response, hba.Ports)
                        : CtAnswers.Unable(response, Server, CtReasonExplanations.NoAdditionalExplanation);
                }
                case GsFdmiCodes.Gpat:
                {
                    var port = Gpat.ParseRequest(iu);
                    return _portAttributes.TryGetValue(port.Value, out var attributes)
                        ? Gpat.BuildAccept(response, attributes)
                        : CtAnswers.Unable(response, Server, CtReasonExplanations.PortNameNotRegistered);
                }
                default:
                    return CtAnswers.NotSupported(response, Server);
            }
        }
    }

    private static bool Contains(IReadOnlyList<Wwn> list, Wwn value)
    {
        foreach (var w in list)
            if (w == value) return true;
        return false;
    }
}
