// Typed CT commands for every name-server, fabric-configuration-server, FDMI and zone-server codec.
// Static lambdas: cached delegates, so a call allocates nothing beyond its task and result.
using BsgKit.Fc.Codes;
using BsgKit.Fc.Ct;
using BsgKit.Fc.Ct.ConfigServer;
using BsgKit.Fc.Ct.Fdmi;
using BsgKit.Fc.Ct.NameServer;
using BsgKit.Fc.Ct.ZoneServer;

namespace BsgKit.Fc.Clients;

public abstract partial class FcClient
{
    /// <summary>Returns the name-server object of the port registered after previousPort (GA_NXT).</summary>
    public ValueTask<FcResponse<GaNxtEntry>> GaNxtAsync(FcId previousPort, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GA_NXT", GaNxt.RequestLength, GaNxt.AcceptLength, previousPort,
            static (s, a, m) => GaNxt.BuildRequest(s, a, m), static r => GaNxt.ParseAccept(r), cancellationToken);

    /// <summary>WWPN of a port (GPN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GpnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GPN_ID", GpnId.RequestLength, GpnId.AcceptLength, port,
            static (s, a, m) => GpnId.BuildRequest(s, a, m), static r => GpnId.ParseAccept(r), cancellationToken);

    /// <summary>WWNN of a port (GNN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GnnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GNN_ID", GnnId.RequestLength, GnnId.AcceptLength, port,
            static (s, a, m) => GnnId.BuildRequest(s, a, m), static r => GnnId.ParseAccept(r), cancellationToken);

    /// <summary>Classes of service of a port (GCS_ID).</summary>
    public ValueTask<FcResponse<uint>> GcsIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GCS_ID", GcsId.RequestLength, GcsId.AcceptLength, port,
            static (s, a, m) => GcsId.BuildRequest(s, a, m), static r => GcsId.ParseAccept(r), cancellationToken);

    /// <summary>FC-4 types of a port (GFT_ID).</summary>
    public ValueTask<FcResponse<Fc4TypeSet>> GftIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GFT_ID", GftId.RequestLength, GftId.AcceptLength, port,
            static (s, a, m) => GftId.BuildRequest(s, a, m), static r => GftId.ParseAccept(r), cancellationToken);

    /// <summary>Symbolic port name (GSPN_ID).</summary>
    public ValueTask<FcResponse<string>> GspnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GSPN_ID", GspnId.RequestLength, GspnId.MaxAcceptLength, port,
            static (s, a, m) => GspnId.BuildRequest(s, a, m), static r => GspnId.ParseAccept(r), cancellationToken);

    /// <summary>Port type (GPT_ID).</summary>
    public ValueTask<FcResponse<byte>> GptIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GPT_ID", GptId.RequestLength, GptId.AcceptLength, port,
            static (s, a, m) => GptId.BuildRequest(s, a, m), static r => GptId.ParseAccept(r), cancellationToken);

    /// <summary>Fabric port name the port is attached to (GFPN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GfpnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GFPN_ID", GfpnId.RequestLength, GfpnId.AcceptLength, port,
            static (s, a, m) => GfpnId.BuildRequest(s, a, m), static r => GfpnId.ParseAccept(r), cancellationToken);

    /// <summary>FC-4 features of a port (GFF_ID).</summary>
    public ValueTask<FcResponse<Fc4FeatureSet>> GffIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GFF_ID", GffId.RequestLength, GffId.AcceptLength, port,
            static (s, a, m) => GffId.BuildRequest(s, a, m), static r => GffId.ParseAccept(r), cancellationToken);

    /// <summary>Port ID of a WWPN (GID_PN).</summary>
    public ValueTask<FcResponse<FcId>> GidPnAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GID_PN", GidPn.RequestLength, GidPn.AcceptLength, portName,
            static (s, a, m) => GidPn.BuildRequest(s, a, m), static r => GidPn.ParseAccept(r), cancellationToken);

    /// <summary>Port IDs of a WWNN (GID_NN).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidNnAsync(Wwn nodeName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GID_NN", GidNn.RequestLength, Profile.ListResponseBytes(NsPortIdList.EntrySize, GidNn.DefaultMaxResponseBytes), nodeName,
            static (s, a, m) => GidNn.BuildRequest(s, a, m), static r => GidNn.ParseAccept(r), cancellationToken);

    /// <summary>Symbolic node name (GSNN_NN).</summary>
    public ValueTask<FcResponse<string>> GsnnNnAsync(Wwn nodeName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GSNN_NN", GsnnNn.RequestLength, GsnnNn.MaxAcceptLength, nodeName,
            static (s, a, m) => GsnnNn.BuildRequest(s, a, m), static r => GsnnNn.ParseAccept(r), cancellationToken);

    /// <summary>Port IDs by FC-4 type and scope (GID_FT), one request sized for the driver's cap; check IsComplete.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        GidFtAsync(scope, GidFt.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>Port IDs and WWPNs by FC-4 type and scope (GPN_FT), one request sized for the driver's cap; check IsComplete.</summary>
    public ValueTask<FcResponse<NsPortNameList>> GpnFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        GpnFtAsync(scope, GpnFt.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>Port IDs and WWNNs by FC-4 type and scope (GNN_FT).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GnnFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        GnnFtAsync(scope, GnnFt.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>Port IDs by port type and scope (GID_PT).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidPtAsync(NsPortTypeScope scope, CancellationToken cancellationToken = default) =>
        GidPtAsync(scope, GidPt.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>Port IDs of the ports that registered the given FC-4 feature bits for a type (GID_FF), one request sized for the driver's cap.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFfAsync(NsFc4FeatureScope scope, CancellationToken cancellationToken = default) =>
        GidFfAsync(scope, GidFf.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>GID_FF with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFfAsync(NsFc4FeatureScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GID_FF", GidFf.RequestLength, Profile.ListResponseBytes(NsPortIdList.EntrySize, maxResponseBytes), scope,
            static (s, a, m) => GidFf.BuildRequest(s, a, m), static r => GidFf.ParseAccept(r), cancellationToken);

    /// <summary>GID_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap): bulk discovery asks for the most the driver allows.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GID_FT", GidFt.RequestLength, Profile.ListResponseBytes(NsPortIdList.EntrySize, maxResponseBytes), scope,
            static (s, a, m) => GidFt.BuildRequest(s, a, m), static r => GidFt.ParseAccept(r), cancellationToken);

    /// <summary>GPN_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GpnFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GPN_FT", GpnFt.RequestLength, Profile.ListResponseBytes(NsPortNameList.EntrySize, maxResponseBytes), scope,
            static (s, a, m) => GpnFt.BuildRequest(s, a, m), static r => GpnFt.ParseAccept(r), cancellationToken);

    /// <summary>GNN_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GnnFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GNN_FT", GnnFt.RequestLength, Profile.ListResponseBytes(NsPortNameList.EntrySize, maxResponseBytes), scope,
            static (s, a, m) => GnnFt.BuildRequest(s, a, m), static r => GnnFt.ParseAccept(r), cancellationToken);

    /// <summary>GID_PT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidPtAsync(NsPortTypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "GID_PT", GidPt.RequestLength, Profile.ListResponseBytes(NsPortIdList.EntrySize, maxResponseBytes), scope,
            static (s, a, m) => GidPt.BuildRequest(s, a, m), static r => GidPt.ParseAccept(r), cancellationToken);

    /// <summary>Registers a WWPN for a port (RPN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RpnIdAsync(FcId port, Wwn name, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RPN_ID", RpnId.RequestLength, CtIuHeader.Size, (Port: port, Name: name),
            static (s, a, m) => RpnId.BuildRequest(s, a.Port, a.Name), static r => RpnId.ParseAccept(r), cancellationToken);

    /// <summary>Registers a WWNN for a port (RNN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RnnIdAsync(FcId port, Wwn name, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RNN_ID", RnnId.RequestLength, CtIuHeader.Size, (Port: port, Name: name),
            static (s, a, m) => RnnId.BuildRequest(s, a.Port, a.Name), static r => RnnId.ParseAccept(r), cancellationToken);

    /// <summary>Registers FC-4 types (RFT_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RftIdAsync(FcId port, Fc4TypeSet types, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RFT_ID", RftId.RequestLength, CtIuHeader.Size, (Port: port, Types: types),
            static (s, a, m) => RftId.BuildRequest(s, a.Port, a.Types), static r => RftId.ParseAccept(r), cancellationToken);

    /// <summary>Registers FC-4 features for one type (RFF_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RffIdAsync(FcId port, byte fc4Type, byte features, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RFF_ID", RffId.RequestLength, CtIuHeader.Size, (Port: port, Fc4Type: fc4Type, Features: features),
            static (s, a, m) => RffId.BuildRequest(s, a.Port, a.Fc4Type, a.Features), static r => RffId.ParseAccept(r), cancellationToken);

    /// <summary>Registers a symbolic port name (RSPN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RspnIdAsync(FcId port, string name, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RSPN_ID", CtIuHeader.Size + 8 + 256, CtIuHeader.Size, (Port: port, Name: name),
            static (s, a, m) => RspnId.BuildRequest(s, a.Port, a.Name), static r => RspnId.ParseAccept(r), cancellationToken);

    /// <summary>Registers a symbolic node name (RSNN_NN).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RsnnNnAsync(Wwn nodeName, string name, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "RSNN_NN", CtIuHeader.Size + 12 + 256, CtIuHeader.Size, (NodeName: nodeName, Name: name),
            static (s, a, m) => RsnnNn.BuildRequest(s, a.NodeName, a.Name), static r => RsnnNn.ParseAccept(r), cancellationToken);

    /// <summary>Deregisters every object of a port (DA_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DaIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.NameServer, "DA_ID", DaId.RequestLength, CtIuHeader.Size, port,
            static (s, a, m) => DaId.BuildRequest(s, a), static r => DaId.ParseAccept(r), cancellationToken);

    /// <summary>Topology information (GTIN), raw payload.</summary>
    public ValueTask<FcResponse<byte[]>> GtinAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GTIN", Gtin.RequestLength, Gtin.DefaultMaxResponseBytes, 0,
            static (s, a, m) => Gtin.BuildRequest(s, m), static r => Gtin.ParseAccept(r), cancellationToken);

    /// <summary>Interconnect elements (switches) of the fabric (GIEL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsInterconnectElement>>> GielAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GIEL", Giel.RequestLength, Giel.DefaultMaxResponseBytes, 0,
            static (s, a, m) => Giel.BuildRequest(s, m), static r => Giel.ParseAccept(r), cancellationToken);

    /// <summary>Interconnect element type (GIET).</summary>
    public ValueTask<FcResponse<byte>> GietAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GIET", Giet.RequestLength, Giet.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Giet.BuildRequest(s, a, m), static r => Giet.ParseAccept(r), cancellationToken);

    /// <summary>Domain ID of an interconnect element (GDID).</summary>
    public ValueTask<FcResponse<byte>> GdidAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GDID", Gdid.RequestLength, Gdid.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gdid.BuildRequest(s, a, m), static r => Gdid.ParseAccept(r), cancellationToken);

    /// <summary>Management ID of an interconnect element (GMID).</summary>
    public ValueTask<FcResponse<FcId>> GmidAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GMID", Gmid.RequestLength, Gmid.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gmid.BuildRequest(s, a, m), static r => Gmid.ParseAccept(r), cancellationToken);

    /// <summary>Fabric name of an interconnect element (GFN).</summary>
    public ValueTask<FcResponse<Wwn>> GfnAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GFN", Gfn.RequestLength, Gfn.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gfn.BuildRequest(s, a, m), static r => Gfn.ParseAccept(r), cancellationToken);

    /// <summary>Logical name of an interconnect element (GIELN).</summary>
    public ValueTask<FcResponse<string>> GielnAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GIELN", Gieln.RequestLength, Gieln.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gieln.BuildRequest(s, a, m), static r => Gieln.ParseAccept(r), cancellationToken);

    /// <summary>Management addresses of an interconnect element (GMAL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<string>>> GmalAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GMAL", Gmal.RequestLength, Gmal.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gmal.BuildRequest(s, a, m), static r => Gmal.ParseAccept(r), cancellationToken);

    /// <summary>Vendor, model and release of an interconnect element (GIEIL).</summary>
    public ValueTask<FcResponse<FcsElementInfo>> GieilAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GIEIL", Gieil.RequestLength, Gieil.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gieil.BuildRequest(s, a, m), static r => Gieil.ParseAccept(r), cancellationToken);

    /// <summary>Ports of an interconnect element (GPL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsPortEntry>>> GplAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GPL", Gpl.RequestLength, Gpl.DefaultMaxResponseBytes, elementName,
            static (s, a, m) => Gpl.BuildRequest(s, a, m), static r => Gpl.ParseAccept(r), cancellationToken);

    /// <summary>Port type of a switch port (GPT).</summary>
    public ValueTask<FcResponse<byte>> GptAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GPT", Gpt.RequestLength, Gpt.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gpt.BuildRequest(s, a, m), static r => Gpt.ParseAccept(r), cancellationToken);

    /// <summary>Physical port number of a switch port (GPPN).</summary>
    public ValueTask<FcResponse<uint>> GppnAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GPPN", Gppn.RequestLength, Gppn.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gppn.BuildRequest(s, a, m), static r => Gppn.ParseAccept(r), cancellationToken);

    /// <summary>Ports attached to a switch port (GAPNL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsAttachedPort>>> GapnlAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GAPNL", Gapnl.RequestLength, Gapnl.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gapnl.BuildRequest(s, a, m), static r => Gapnl.ParseAccept(r), cancellationToken);

    /// <summary>Port type and state of a switch port (GPS).</summary>
    public ValueTask<FcResponse<FcsPortState>> GpsAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GPS", Gps.RequestLength, Gps.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gps.BuildRequest(s, a, m), static r => Gps.ParseAccept(r), cancellationToken);

    /// <summary>Speed capabilities and operating speed of a port (GPSC).</summary>
    public ValueTask<FcResponse<PortSpeedInfo>> GpscAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "GPSC", Gpsc.RequestLength, Gpsc.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gpsc.BuildRequest(s, a, m), static r => Gpsc.ParseAccept(r), cancellationToken);

    /// <summary>Fabric ping to a WWPN (FPNG); a reject 0x03/0xF4 means the token is in use.</summary>
    public ValueTask<FcResponse<uint>> FpngAsync(Wwn target, uint token, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "FPNG", Fpng.WwpnRequestLength, Fpng.AcceptLength, (Target: target, Token: token),
            static (s, a, m) => Fpng.BuildRequest(s, a.Target, a.Token, m), static r => Fpng.ParseAccept(r), cancellationToken);

    /// <summary>Fabric ping to an N_Port ID (FPNG).</summary>
    public ValueTask<FcResponse<uint>> FpngAsync(FcId target, uint token, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.FabricConfiguration, "FPNG", Fpng.PortIdRequestLength, Fpng.AcceptLength, (Target: target, Token: token),
            static (s, a, m) => Fpng.BuildRequest(s, a.Target, a.Token, m), static r => Fpng.ParseAccept(r), cancellationToken);

    /// <summary>Registered HBA identifiers (FDMI GRHL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<Wwn>>> GrhlAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "GRHL", Grhl.RequestLength, Grhl.DefaultMaxResponseBytes, 0,
            static (s, a, m) => Grhl.BuildRequest(s, m), static r => Grhl.ParseAccept(r), cancellationToken);

    /// <summary>HBA attributes (FDMI GHAT).</summary>
    public ValueTask<FcResponse<FdmiHbaAttributes>> GhatAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "GHAT", Ghat.RequestLength, Ghat.DefaultMaxResponseBytes, hbaIdentifier,
            static (s, a, m) => Ghat.BuildRequest(s, a, m), static r => Ghat.ParseAccept(r), cancellationToken);

    /// <summary>Registered ports of an HBA (FDMI GRPL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<Wwn>>> GrplAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "GRPL", Grpl.RequestLength, Grpl.DefaultMaxResponseBytes, hbaIdentifier,
            static (s, a, m) => Grpl.BuildRequest(s, a, m), static r => Grpl.ParseAccept(r), cancellationToken);

    /// <summary>Port attributes (FDMI GPAT).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FdmiAttribute>>> GpatAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "GPAT", Gpat.RequestLength, Gpat.DefaultMaxResponseBytes, portName,
            static (s, a, m) => Gpat.BuildRequest(s, a, m), static r => Gpat.ParseAccept(r), cancellationToken);

    /// <summary>Registers an HBA (FDMI RHBA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RhbaAsync(FdmiHbaRegistration hba, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "RHBA", 4096, CtIuHeader.Size, hba,
            static (s, a, m) => Rhba.BuildRequest(s, a), static r => Rhba.ParseAccept(r), cancellationToken);

    /// <summary>Registers port attributes (FDMI RPA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RpaAsync(Wwn portName, IReadOnlyList<FdmiAttribute> attributes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "RPA", 4096, CtIuHeader.Size, (PortName: portName, Attributes: attributes),
            static (s, a, m) => Rpa.BuildRequest(s, a.PortName, a.Attributes), static r => Rpa.ParseAccept(r), cancellationToken);

    /// <summary>Deregisters an HBA (FDMI DHBA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DhbaAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "DHBA", Dhba.RequestLength, CtIuHeader.Size, hbaIdentifier,
            static (s, a, m) => Dhba.BuildRequest(s, a), static r => Dhba.ParseAccept(r), cancellationToken);

    /// <summary>Deregisters a port (FDMI DPRT).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DprtAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.Fdmi, "DPRT", Dprt.RequestLength, CtIuHeader.Size, portName,
            static (s, a, m) => Dprt.BuildRequest(s, a), static r => Dprt.ParseAccept(r), cancellationToken);

    /// <summary>Zone server capabilities (GZC).</summary>
    public ValueTask<FcResponse<ZoneCapabilities>> GzcAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GZC", CtIuHeader.Size, Gzc.AcceptLength, 0,
            static (s, a, m) => Gzc.BuildRequest(s, m), static r => Gzc.ParseAccept(r), cancellationToken);

    /// <summary>Zone enforcement state (GEST).</summary>
    public ValueTask<FcResponse<ZoneEnforcementState>> GestAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GEST", CtIuHeader.Size, Gest.AcceptLength, 0,
            static (s, a, m) => Gest.BuildRequest(s, m), static r => Gest.ParseAccept(r), cancellationToken);

    /// <summary>Zone set names (GZSN).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneSetSummary>>> GzsnAsync(CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GZSN", CtIuHeader.Size, Gzsn.DefaultMaxResponseBytes, 0,
            static (s, a, m) => Gzsn.BuildRequest(s, m), static r => Gzsn.ParseAccept(r), cancellationToken);

    /// <summary>Zones of a zone set (GZD).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneSummary>>> GzdAsync(string zoneSetName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GZD", CtIuHeader.Size + 4 + 256, Gzd.DefaultMaxResponseBytes, zoneSetName,
            static (s, a, m) => Gzd.BuildRequest(s, a, m), static r => Gzd.ParseAccept(r), cancellationToken);

    /// <summary>Members of a zone (GZM).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneMember>>> GzmAsync(string zoneName, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GZM", CtIuHeader.Size + 4 + 256, Gzm.DefaultMaxResponseBytes, zoneName,
            static (s, a, m) => Gzm.BuildRequest(s, a, m), static r => Gzm.ParseAccept(r), cancellationToken);

    /// <summary>
    /// The active zone set (GAZS). A zone set larger than the first response buffer comes back cut, with the CT
    /// residual saying how much was left out: the request is sent once more with room for all of it (within the
    /// driver's limit and the 16-bit CT size field).
    /// </summary>
    public ValueTask<FcResponse<ZoneSet>> GazsAsync(CancellationToken cancellationToken = default) =>
        WithRoomForResidualAsync(static (c, max, ct) => c.GazsAsync(max, ct), Gazs.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>GAZS with room for <paramref name="maxResponseBytes"/> (clipped to the driver's limit); no retry.</summary>
    public ValueTask<FcResponse<ZoneSet>> GazsAsync(int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GAZS", CtIuHeader.Size, maxResponseBytes, 0,
            static (s, a, m) => Gazs.BuildRequest(s, m), static r => Gazs.ParseAccept(r), cancellationToken);

    /// <summary>A zone set with its zones and members (GZS); a cut answer is asked again with room for the residual.</summary>
    public ValueTask<FcResponse<ZoneSet>> GzsAsync(string zoneSetName, CancellationToken cancellationToken = default) =>
        WithRoomForResidualAsync((c, max, ct) => c.GzsAsync(zoneSetName, max, ct), Gzs.DefaultMaxResponseBytes, cancellationToken);

    /// <summary>GZS with room for <paramref name="maxResponseBytes"/> (clipped to the driver's limit); no retry.</summary>
    public ValueTask<FcResponse<ZoneSet>> GzsAsync(string zoneSetName, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync(CtServer.ZoneServer, "GZS", CtIuHeader.Size + 4 + 256, maxResponseBytes, zoneSetName,
            static (s, a, m) => Gzs.BuildRequest(s, a, m), static r => Gzs.ParseAccept(r), cancellationToken);

    /// <summary>The most a CT_IU's max/residual size field (16 bits of 4-byte words) can ask for, header included.</summary>
    private static readonly int LargestCtResponseBytes = CtIuHeader.ResponseBytesFor(ushort.MaxValue);

    /// <summary>
    /// Sends a single-object query; when its accept came back cut short (a CT residual: parsed, or malformed because
    /// the cut fell inside an object), sends it once more with room for the residual. Only whole-zone-database
    /// queries go this way, and not per request in steady state, so reading the exchange (an allocation) is fine.
    /// </summary>
    private async ValueTask<FcResponse<T>> WithRoomForResidualAsync<T>(Func<FcClient, int, CancellationToken, ValueTask<FcResponse<T>>> query,
        int firstMaxBytes, CancellationToken cancellationToken)
    {
        int needed;
        try
        {
            var first = await query(this, firstMaxBytes, cancellationToken).ConfigureAwait(false);
            if (RoomForResidual(first.Exchange) is not int room) return first;
            needed = room;
        }
        catch (FcMalformedResponseException e) when (RoomForResidual(e.Exchange) is int room)
        {
            needed = room;
        }
        return await query(this, needed, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The response size that holds what a cut accept left out, or null when nothing was cut or no more room can be had.</summary>
    private int? RoomForResidual(FcExchangeResult? cut)
    {
        if (cut is not { CtResidualWords: > 0 }) return null;
        var needed = Math.Min(Profile.ResponseBytes(LargestCtResponseBytes), cut.ReceivedLength + 4 * cut.CtResidualWords);
        return needed > cut.ReceivedLength ? needed : null;
    }

}
