// Typed ELS commands for every ELS codec. Static lambdas: cached delegates, no per-call closures.
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;

namespace BsgKit.Fc.Clients;

public sealed partial class FcRemotePortClient
{
    /// <summary>Port login (PLOGI) with the given service parameters; returns the responder's. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> PlogiAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Plogi, "PLOGI", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Plogi.BuildRequest(s, a), static r => Plogi.ParseAccept(r), cancellationToken);

    /// <summary>Fabric login (FLOGI). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FlogiAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Flogi, "FLOGI", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Flogi.BuildRequest(s, a), static r => Flogi.ParseAccept(r), cancellationToken);

    /// <summary>Fabric discovery (FDISC). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FdiscAsync(ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Fdisc, "FDISC", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Fdisc.BuildRequest(s, a), static r => Fdisc.ParseAccept(r), cancellationToken);

    /// <summary>Logout (LOGO) naming the originator. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> LogoAsync(LogoRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Logo, "LOGO", Logo.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Logo.BuildRequest(s, a), static r => Accepted(r, "LOGO accept"), cancellationToken);

    /// <summary>Read timeout values (RTV). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RtvAccept>> RtvAsync(CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rtv, "RTV", Rtv.RequestLength, Rtv.AcceptLength, 0,
            static (s, a) => Rtv.BuildRequest(s), static r => Rtv.ParseAccept(r), cancellationToken);

    /// <summary>Read link error status (RLS) of the port with N_Port ID port. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<Lesb>> RlsAsync(FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rls, "RLS", Rls.RequestLength, Rls.AcceptLength, port,
            static (s, a) => Rls.BuildRequest(s, a), static r => Rls.ParseAccept(r), cancellationToken);

    /// <summary>ECHO: the responder returns data (response buffer as long as the request); compare it with what was sent. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<byte[]>> EchoAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Echo, "ECHO", Echo.HeaderLength + data.Length, Echo.HeaderLength + data.Length, data,
            static (s, a) => Echo.BuildRequest(s, a.Span), static r => Echo.ParseAccept(r), cancellationToken);

    /// <summary>Read diagnostic parameters (RDP) of the port with N_Port ID port. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RdpAccept>> RdpAsync(FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rdp, "RDP", Rdp.RequestLength, 2048, port,
            static (s, a) => Rdp.BuildRequest(s, a), static r => Rdp.ParseAccept(r), cancellationToken);

    /// <summary>Address discovery (ADISC) with the originator's addresses. Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<AdiscParameters>> AdiscAsync(AdiscParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Adisc, "ADISC", Adisc.Length, Adisc.Length, parameters,
            static (s, a) => Adisc.BuildRequest(s, a), static r => Adisc.ParseAccept(r), cancellationToken);

    /// <summary>Read port status (RPS). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RpsAccept>> RpsAsync(RpsRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rps, "RPS", Rps.RequestLength, Rps.AcceptLength, request,
            static (s, a) => Rps.BuildRequest(s, a), static r => Rps.ParseAccept(r), cancellationToken);

    /// <summary>Read port list (RPL). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RplAccept>> RplAsync(RplRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rpl, "RPL", Rpl.RequestLength, 4096, request,
            static (s, a) => Rpl.BuildRequest(s, a), static r => Rpl.ParseAccept(r), cancellationToken);

    /// <summary>Request node identification data (RNID) in the given format (0xDF general topology). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<RnidAccept>> RnidAsync(byte format = RnidTypes.FormatGeneralTopology, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rnid, "RNID", Rnid.RequestLength, 256, format,
            static (s, a) => Rnid.BuildRequest(s, a), static r => Rnid.ParseAccept(r), cancellationToken);

    /// <summary>Link incident record registration (LIRR). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> LirrAsync(LirrRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Lirr, "LIRR", Lirr.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Lirr.BuildRequest(s, a), static r => Accepted(r, "LIRR accept"), cancellationToken);

    /// <summary>Scan remote loop (SRL). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<bool>> SrlAsync(SrlRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Srl, "SRL", Srl.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Srl.BuildRequest(s, a), static r => Accepted(r, "SRL accept"), cancellationToken);

    /// <summary>Report port speed capabilities (RPSC). Sent to this remote port (RPT_ELS).</summary>
    public ValueTask<FcResponse<IReadOnlyList<RpscEntry>>> RpscAsync(CancellationToken cancellationToken = default) =>
        ElsAsync(null, ElsCommands.Rpsc, "RPSC", Rpsc.RequestLength, 4 + 4 * 64, 0,
            static (s, a) => Rpsc.BuildRequest(s), static r => Rpsc.ParseAccept(r), cancellationToken);

}
