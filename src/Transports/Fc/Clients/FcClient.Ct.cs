// Typed CT commands for every name-server, fabric-configuration-server, FDMI and zone-server codec: each is the one
// generic CtAsync with its codec; the codec (ICtCommand) says where it goes, how big it is and how to build and parse it.
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
        CtAsync<GaNxt, FcId, GaNxtEntry>(previousPort, cancellationToken);

    /// <summary>WWPN of a port (GPN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GpnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GpnId, FcId, Wwn>(port, cancellationToken);

    /// <summary>WWNN of a port (GNN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GnnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GnnId, FcId, Wwn>(port, cancellationToken);

    /// <summary>Classes of service of a port (GCS_ID).</summary>
    public ValueTask<FcResponse<uint>> GcsIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GcsId, FcId, uint>(port, cancellationToken);

    /// <summary>FC-4 types of a port (GFT_ID).</summary>
    public ValueTask<FcResponse<Fc4TypeSet>> GftIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GftId, FcId, Fc4TypeSet>(port, cancellationToken);

    /// <summary>Symbolic port name (GSPN_ID).</summary>
    public ValueTask<FcResponse<string>> GspnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GspnId, FcId, string>(port, cancellationToken);

    /// <summary>Port type (GPT_ID).</summary>
    public ValueTask<FcResponse<byte>> GptIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GptId, FcId, byte>(port, cancellationToken);

    /// <summary>Fabric port name the port is attached to (GFPN_ID).</summary>
    public ValueTask<FcResponse<Wwn>> GfpnIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GfpnId, FcId, Wwn>(port, cancellationToken);

    /// <summary>FC-4 features of a port (GFF_ID).</summary>
    public ValueTask<FcResponse<Fc4FeatureSet>> GffIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<GffId, FcId, Fc4FeatureSet>(port, cancellationToken);

    /// <summary>Port ID of a WWPN (GID_PN).</summary>
    public ValueTask<FcResponse<FcId>> GidPnAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<GidPn, Wwn, FcId>(portName, cancellationToken);

    /// <summary>Port IDs of a WWNN (GID_NN).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidNnAsync(Wwn nodeName, CancellationToken cancellationToken = default) =>
        CtAsync<GidNn, Wwn, NsPortIdList>(nodeName, cancellationToken);

    /// <summary>Symbolic node name (GSNN_NN).</summary>
    public ValueTask<FcResponse<string>> GsnnNnAsync(Wwn nodeName, CancellationToken cancellationToken = default) =>
        CtAsync<GsnnNn, Wwn, string>(nodeName, cancellationToken);

    /// <summary>Port IDs by FC-4 type and scope (GID_FT), one request sized for the driver's cap; check IsComplete.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        CtAsync<GidFt, NsFc4TypeScope, NsPortIdList>(scope, cancellationToken);

    /// <summary>Port IDs and WWPNs by FC-4 type and scope (GPN_FT), one request sized for the driver's cap; check IsComplete.</summary>
    public ValueTask<FcResponse<NsPortNameList>> GpnFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        CtAsync<GpnFt, NsFc4TypeScope, NsPortNameList>(scope, cancellationToken);

    /// <summary>Port IDs and WWNNs by FC-4 type and scope (GNN_FT).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GnnFtAsync(NsFc4TypeScope scope, CancellationToken cancellationToken = default) =>
        CtAsync<GnnFt, NsFc4TypeScope, NsPortNameList>(scope, cancellationToken);

    /// <summary>Port IDs by port type and scope (GID_PT).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidPtAsync(NsPortTypeScope scope, CancellationToken cancellationToken = default) =>
        CtAsync<GidPt, NsPortTypeScope, NsPortIdList>(scope, cancellationToken);

    /// <summary>Port IDs of the ports that registered the given FC-4 feature bits for a type (GID_FF), one request sized for the driver's cap.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFfAsync(NsFc4FeatureScope scope, CancellationToken cancellationToken = default) =>
        CtAsync<GidFf, NsFc4FeatureScope, NsPortIdList>(scope, cancellationToken);

    /// <summary>GID_FF with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFfAsync(NsFc4FeatureScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<GidFf, NsFc4FeatureScope, NsPortIdList>(scope, maxResponseBytes, cancellationToken);

    /// <summary>GID_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap): bulk discovery asks for the most the driver allows.</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<GidFt, NsFc4TypeScope, NsPortIdList>(scope, maxResponseBytes, cancellationToken);

    /// <summary>GPN_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GpnFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<GpnFt, NsFc4TypeScope, NsPortNameList>(scope, maxResponseBytes, cancellationToken);

    /// <summary>GNN_FT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortNameList>> GnnFtAsync(NsFc4TypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<GnnFt, NsFc4TypeScope, NsPortNameList>(scope, maxResponseBytes, cancellationToken);

    /// <summary>GID_PT with room for <paramref name="maxResponseBytes"/> (clipped to the driver's cap).</summary>
    public ValueTask<FcResponse<NsPortIdList>> GidPtAsync(NsPortTypeScope scope, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<GidPt, NsPortTypeScope, NsPortIdList>(scope, maxResponseBytes, cancellationToken);

    /// <summary>Registers a WWPN for a port (RPN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RpnIdAsync(FcId port, Wwn name, CancellationToken cancellationToken = default) =>
        CtAsync<RpnId, (FcId Port, Wwn Name), CtIuHeader>((port, name), cancellationToken);

    /// <summary>Registers a WWNN for a port (RNN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RnnIdAsync(FcId port, Wwn name, CancellationToken cancellationToken = default) =>
        CtAsync<RnnId, (FcId Port, Wwn Name), CtIuHeader>((port, name), cancellationToken);

    /// <summary>Registers FC-4 types (RFT_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RftIdAsync(FcId port, Fc4TypeSet types, CancellationToken cancellationToken = default) =>
        CtAsync<RftId, (FcId Port, Fc4TypeSet Types), CtIuHeader>((port, types), cancellationToken);

    /// <summary>Registers FC-4 features for one type (RFF_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RffIdAsync(FcId port, byte fc4Type, byte features, CancellationToken cancellationToken = default) =>
        CtAsync<RffId, (FcId Port, byte Fc4Type, byte Features), CtIuHeader>((port, fc4Type, features), cancellationToken);

    /// <summary>Registers a symbolic port name (RSPN_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RspnIdAsync(FcId port, string name, CancellationToken cancellationToken = default) =>
        CtAsync<RspnId, (FcId Port, string Name), CtIuHeader>((port, name), cancellationToken);

    /// <summary>Registers a symbolic node name (RSNN_NN).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RsnnNnAsync(Wwn nodeName, string name, CancellationToken cancellationToken = default) =>
        CtAsync<RsnnNn, (Wwn NodeName, string Name), CtIuHeader>((nodeName, name), cancellationToken);

    /// <summary>Deregisters every object of a port (DA_ID).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DaIdAsync(FcId port, CancellationToken cancellationToken = default) =>
        CtAsync<DaId, FcId, CtIuHeader>(port, cancellationToken);

    /// <summary>Topology information (GTIN), raw payload.</summary>
    public ValueTask<FcResponse<byte[]>> GtinAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Gtin, NoArgument, byte[]>(default, cancellationToken);

    /// <summary>Interconnect elements (switches) of the fabric (GIEL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsInterconnectElement>>> GielAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Giel, NoArgument, IReadOnlyList<FcsInterconnectElement>>(default, cancellationToken);

    /// <summary>Interconnect element type (GIET).</summary>
    public ValueTask<FcResponse<byte>> GietAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Giet, Wwn, byte>(elementName, cancellationToken);

    /// <summary>Domain ID of an interconnect element (GDID).</summary>
    public ValueTask<FcResponse<byte>> GdidAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gdid, Wwn, byte>(elementName, cancellationToken);

    /// <summary>Management ID of an interconnect element (GMID).</summary>
    public ValueTask<FcResponse<FcId>> GmidAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gmid, Wwn, FcId>(elementName, cancellationToken);

    /// <summary>Fabric name of an interconnect element (GFN).</summary>
    public ValueTask<FcResponse<Wwn>> GfnAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gfn, Wwn, Wwn>(elementName, cancellationToken);

    /// <summary>Logical name of an interconnect element (GIELN).</summary>
    public ValueTask<FcResponse<string>> GielnAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gieln, Wwn, string>(elementName, cancellationToken);

    /// <summary>Management addresses of an interconnect element (GMAL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<string>>> GmalAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gmal, Wwn, IReadOnlyList<string>>(elementName, cancellationToken);

    /// <summary>Vendor, model and release of an interconnect element (GIEIL).</summary>
    public ValueTask<FcResponse<FcsElementInfo>> GieilAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gieil, Wwn, FcsElementInfo>(elementName, cancellationToken);

    /// <summary>Ports of an interconnect element (GPL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsPortEntry>>> GplAsync(Wwn elementName, CancellationToken cancellationToken = default) =>
        CtAsync<Gpl, Wwn, IReadOnlyList<FcsPortEntry>>(elementName, cancellationToken);

    /// <summary>Port type of a switch port (GPT).</summary>
    public ValueTask<FcResponse<byte>> GptAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gpt, Wwn, byte>(portName, cancellationToken);

    /// <summary>Physical port number of a switch port (GPPN).</summary>
    public ValueTask<FcResponse<uint>> GppnAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gppn, Wwn, uint>(portName, cancellationToken);

    /// <summary>Ports attached to a switch port (GAPNL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FcsAttachedPort>>> GapnlAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gapnl, Wwn, IReadOnlyList<FcsAttachedPort>>(portName, cancellationToken);

    /// <summary>Port type and state of a switch port (GPS).</summary>
    public ValueTask<FcResponse<FcsPortState>> GpsAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gps, Wwn, FcsPortState>(portName, cancellationToken);

    /// <summary>Speed capabilities and operating speed of a port (GPSC).</summary>
    public ValueTask<FcResponse<PortSpeedInfo>> GpscAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gpsc, Wwn, PortSpeedInfo>(portName, cancellationToken);

    /// <summary>Fabric ping to a WWPN (FPNG); a reject 0x03/0xF4 means the token is in use.</summary>
    public ValueTask<FcResponse<uint>> FpngAsync(Wwn target, uint token, CancellationToken cancellationToken = default) =>
        CtAsync<Fpng, (Wwn Target, uint Token), uint>((target, token), cancellationToken);

    /// <summary>Fabric ping to an N_Port ID (FPNG).</summary>
    public ValueTask<FcResponse<uint>> FpngAsync(FcId target, uint token, CancellationToken cancellationToken = default) =>
        CtAsync<Fpng, (FcId Target, uint Token), uint>((target, token), cancellationToken);

    /// <summary>Registered HBA identifiers (FDMI GRHL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<Wwn>>> GrhlAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Grhl, NoArgument, IReadOnlyList<Wwn>>(default, cancellationToken);

    /// <summary>HBA attributes (FDMI GHAT).</summary>
    public ValueTask<FcResponse<FdmiHbaAttributes>> GhatAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync<Ghat, Wwn, FdmiHbaAttributes>(hbaIdentifier, cancellationToken);

    /// <summary>Registered ports of an HBA (FDMI GRPL).</summary>
    public ValueTask<FcResponse<IReadOnlyList<Wwn>>> GrplAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync<Grpl, Wwn, IReadOnlyList<Wwn>>(hbaIdentifier, cancellationToken);

    /// <summary>Port attributes (FDMI GPAT).</summary>
    public ValueTask<FcResponse<IReadOnlyList<FdmiAttribute>>> GpatAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Gpat, Wwn, IReadOnlyList<FdmiAttribute>>(portName, cancellationToken);

    /// <summary>Registers an HBA (FDMI RHBA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RhbaAsync(FdmiHbaRegistration hba, CancellationToken cancellationToken = default) =>
        CtAsync<Rhba, FdmiHbaRegistration, CtIuHeader>(hba, cancellationToken);

    /// <summary>Registers port attributes (FDMI RPA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> RpaAsync(Wwn portName, IReadOnlyList<FdmiAttribute> attributes, CancellationToken cancellationToken = default) =>
        CtAsync<Rpa, (Wwn PortName, IReadOnlyList<FdmiAttribute> Attributes), CtIuHeader>((portName, attributes), cancellationToken);

    /// <summary>Deregisters an HBA (FDMI DHBA).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DhbaAsync(Wwn hbaIdentifier, CancellationToken cancellationToken = default) =>
        CtAsync<Dhba, Wwn, CtIuHeader>(hbaIdentifier, cancellationToken);

    /// <summary>Deregisters a port (FDMI DPRT).</summary>
    public ValueTask<FcResponse<CtIuHeader>> DprtAsync(Wwn portName, CancellationToken cancellationToken = default) =>
        CtAsync<Dprt, Wwn, CtIuHeader>(portName, cancellationToken);

    /// <summary>Zone server capabilities (GZC).</summary>
    public ValueTask<FcResponse<ZoneCapabilities>> GzcAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Gzc, NoArgument, ZoneCapabilities>(default, cancellationToken);

    /// <summary>Zone enforcement state (GEST).</summary>
    public ValueTask<FcResponse<ZoneEnforcementState>> GestAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Gest, NoArgument, ZoneEnforcementState>(default, cancellationToken);

    /// <summary>Zone set names (GZSN).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneSetSummary>>> GzsnAsync(CancellationToken cancellationToken = default) =>
        CtAsync<Gzsn, NoArgument, IReadOnlyList<ZoneSetSummary>>(default, cancellationToken);

    /// <summary>Zones of a zone set (GZD).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneSummary>>> GzdAsync(string zoneSetName, CancellationToken cancellationToken = default) =>
        CtAsync<Gzd, string, IReadOnlyList<ZoneSummary>>(zoneSetName, cancellationToken);

    /// <summary>Members of a zone (GZM).</summary>
    public ValueTask<FcResponse<IReadOnlyList<ZoneMember>>> GzmAsync(string zoneName, CancellationToken cancellationToken = default) =>
        CtAsync<Gzm, string, IReadOnlyList<ZoneMember>>(zoneName, cancellationToken);

    /// <summary>
    /// The active zone set (GAZS). A zone set larger than the first response buffer comes back cut, with the CT
    /// residual saying how much was left out: the request is sent once more with room for all of it (within the
    /// driver's limit and the 16-bit CT size field).
    /// </summary>
    public ValueTask<FcResponse<ZoneSet>> GazsAsync(CancellationToken cancellationToken = default) =>
        WithRoomForResidualAsync(static (c, max, ct) => c.GazsAsync(max, ct), Gazs.DefaultResponseBytes, cancellationToken);

    /// <summary>GAZS with room for <paramref name="maxResponseBytes"/> (clipped to the driver's limit); no retry.</summary>
    public ValueTask<FcResponse<ZoneSet>> GazsAsync(int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<Gazs, NoArgument, ZoneSet>(default, maxResponseBytes, cancellationToken);

    /// <summary>A zone set with its zones and members (GZS); a cut answer is asked again with room for the residual.</summary>
    public ValueTask<FcResponse<ZoneSet>> GzsAsync(string zoneSetName, CancellationToken cancellationToken = default) =>
        WithRoomForResidualAsync((c, max, ct) => c.GzsAsync(zoneSetName, max, ct), Gzs.DefaultResponseBytes, cancellationToken);

    /// <summary>GZS with room for <paramref name="maxResponseBytes"/> (clipped to the driver's limit); no retry.</summary>
    public ValueTask<FcResponse<ZoneSet>> GzsAsync(string zoneSetName, int maxResponseBytes, CancellationToken cancellationToken = default) =>
        CtAsync<Gzs, string, ZoneSet>(zoneSetName, maxResponseBytes, cancellationToken);

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
