// Typed ELS commands for every ELS codec. Static lambdas: cached delegates, no per-call closures.
using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;

namespace BsgKit.Fc.Clients;

public sealed partial class FcHostClient
{
    /// <summary>Port login (PLOGI) with the given service parameters; returns the responder's. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> PlogiAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Plogi, "PLOGI", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Plogi.BuildRequest(s, a), static r => Plogi.ParseAccept(r), cancellationToken);

    /// <summary>Fabric login (FLOGI). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FlogiAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Flogi, "FLOGI", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Flogi.BuildRequest(s, a), static r => Flogi.ParseAccept(r), cancellationToken);

    /// <summary>Fabric discovery (FDISC). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FdiscAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Fdisc, "FDISC", 4 + ServiceParameters.Length, 256, parameters,
            static (s, a) => Fdisc.BuildRequest(s, a), static r => Fdisc.ParseAccept(r), cancellationToken);

    /// <summary>Logout (LOGO) naming the originator. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> LogoAsync(FcId destination, LogoRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Logo, "LOGO", Logo.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Logo.BuildRequest(s, a), static r => Accepted(r, "LOGO accept"), cancellationToken);

    /// <summary>Read timeout values (RTV). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RtvAccept>> RtvAsync(FcId destination, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rtv, "RTV", Rtv.RequestLength, Rtv.AcceptLength, 0,
            static (s, a) => Rtv.BuildRequest(s), static r => Rtv.ParseAccept(r), cancellationToken);

    /// <summary>Read link error status (RLS) of the port with N_Port ID port. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<Lesb>> RlsAsync(FcId destination, FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rls, "RLS", Rls.RequestLength, Rls.AcceptLength, port,
            static (s, a) => Rls.BuildRequest(s, a), static r => Rls.ParseAccept(r), cancellationToken);

    /// <summary>
    /// ECHO: the responder returns data; compare it with what was sent. The response buffer is exactly as long as the
    /// request (an ECHO accept echoes it byte for byte), because qla2xxx and zfcp report the whole buffer as received.
    /// Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).
    /// </summary>
    public ValueTask<FcResponse<byte[]>> EchoAsync(FcId destination, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Echo, "ECHO", Echo.HeaderLength + data.Length, Echo.HeaderLength + data.Length, data,
            static (s, a) => Echo.BuildRequest(s, a.Span), static r => Echo.ParseAccept(r), cancellationToken);

    /// <summary>Read diagnostic parameters (RDP) of the port with N_Port ID port. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RdpAccept>> RdpAsync(FcId destination, FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rdp, "RDP", Rdp.RequestLength, 2048, port,
            static (s, a) => Rdp.BuildRequest(s, a), static r => Rdp.ParseAccept(r), cancellationToken);

    /// <summary>Address discovery (ADISC) with the originator's addresses. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<AdiscParameters>> AdiscAsync(FcId destination, AdiscParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Adisc, "ADISC", Adisc.Length, Adisc.Length, parameters,
            static (s, a) => Adisc.BuildRequest(s, a), static r => Adisc.ParseAccept(r), cancellationToken);

    /// <summary>Read port status (RPS). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RpsAccept>> RpsAsync(FcId destination, RpsRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rps, "RPS", Rps.RequestLength, Rps.AcceptLength, request,
            static (s, a) => Rps.BuildRequest(s, a), static r => Rps.ParseAccept(r), cancellationToken);

    /// <summary>Read port list (RPL). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RplAccept>> RplAsync(FcId destination, RplRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rpl, "RPL", Rpl.RequestLength, 4096, request,
            static (s, a) => Rpl.BuildRequest(s, a), static r => Rpl.ParseAccept(r), cancellationToken);

    /// <summary>Request node identification data (RNID) in the given format (0xDF general topology). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RnidAccept>> RnidAsync(FcId destination, byte format = RnidTypes.FormatGeneralTopology, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rnid, "RNID", Rnid.RequestLength, 256, format,
            static (s, a) => Rnid.BuildRequest(s, a), static r => Rnid.ParseAccept(r), cancellationToken);

    /// <summary>Link incident record registration (LIRR). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> LirrAsync(FcId destination, LirrRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Lirr, "LIRR", Lirr.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Lirr.BuildRequest(s, a), static r => Accepted(r, "LIRR accept"), cancellationToken);

    /// <summary>Scan remote loop (SRL). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> SrlAsync(FcId destination, SrlRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Srl, "SRL", Srl.RequestLength, ElsReply.AcceptHeaderLength, request,
            static (s, a) => Srl.BuildRequest(s, a), static r => Accepted(r, "SRL accept"), cancellationToken);

    /// <summary>Report port speed capabilities (RPSC). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<IReadOnlyList<RpscEntry>>> RpscAsync(FcId destination, CancellationToken cancellationToken = default) =>
        ElsAsync(destination, ElsCommands.Rpsc, "RPSC", Rpsc.RequestLength, 4 + 4 * 64, 0,
            static (s, a) => Rpsc.BuildRequest(s), static r => Rpsc.ParseAccept(r), cancellationToken);

}
