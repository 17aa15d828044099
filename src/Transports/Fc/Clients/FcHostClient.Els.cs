using BsgKit.Fc.Codes;
using BsgKit.Fc.Els;

namespace BsgKit.Fc.Clients;

public sealed partial class FcHostClient
{
    /// <summary>Port login (PLOGI) with the given service parameters; returns the responder's. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> PlogiAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Plogi, ServiceParameters, ServiceParameters>(destination, parameters, cancellationToken);

    /// <summary>Fabric login (FLOGI). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FlogiAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Flogi, ServiceParameters, ServiceParameters>(destination, parameters, cancellationToken);

    /// <summary>Fabric discovery (FDISC). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<ServiceParameters>> FdiscAsync(FcId destination, ServiceParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Fdisc, ServiceParameters, ServiceParameters>(destination, parameters, cancellationToken);

    /// <summary>Logout (LOGO) naming the originator. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> LogoAsync(FcId destination, LogoRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Logo, LogoRequest, bool>(destination, request, cancellationToken);

    /// <summary>Read timeout values (RTV). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RtvAccept>> RtvAsync(FcId destination, CancellationToken cancellationToken = default) =>
        ElsAsync<Rtv, NoArgument, RtvAccept>(destination, default, cancellationToken);

    /// <summary>Read link error status (RLS) of the port with N_Port ID port. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<Lesb>> RlsAsync(FcId destination, FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync<Rls, FcId, Lesb>(destination, port, cancellationToken);

    /// <summary>
    /// ECHO: the responder returns data; compare it with what was sent. The response buffer is exactly as long as the
    /// request (an ECHO accept echoes it byte for byte), because qla2xxx and zfcp report the whole buffer as received.
    /// Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).
    /// </summary>
    public ValueTask<FcResponse<byte[]>> EchoAsync(FcId destination, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default) =>
        ElsAsync<Echo, ReadOnlyMemory<byte>, byte[]>(destination, data, cancellationToken);

    /// <summary>Read diagnostic parameters (RDP) of the port with N_Port ID port. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RdpAccept>> RdpAsync(FcId destination, FcId port, CancellationToken cancellationToken = default) =>
        ElsAsync<Rdp, FcId, RdpAccept>(destination, port, cancellationToken);

    /// <summary>Address discovery (ADISC) with the originator's addresses. Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<AdiscParameters>> AdiscAsync(FcId destination, AdiscParameters parameters, CancellationToken cancellationToken = default) =>
        ElsAsync<Adisc, AdiscParameters, AdiscParameters>(destination, parameters, cancellationToken);

    /// <summary>Read port status (RPS). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RpsAccept>> RpsAsync(FcId destination, RpsRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Rps, RpsRequest, RpsAccept>(destination, request, cancellationToken);

    /// <summary>Read port list (RPL). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RplAccept>> RplAsync(FcId destination, RplRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Rpl, RplRequest, RplAccept>(destination, request, cancellationToken);

    /// <summary>Request node identification data (RNID) in the given format (0xDF general topology). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<RnidAccept>> RnidAsync(FcId destination, byte format = RnidTypes.FormatGeneralTopology, CancellationToken cancellationToken = default) =>
        ElsAsync<Rnid, byte, RnidAccept>(destination, format, cancellationToken);

    /// <summary>Link incident record registration (LIRR). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> LirrAsync(FcId destination, LirrRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Lirr, LirrRequest, bool>(destination, request, cancellationToken);

    /// <summary>Scan remote loop (SRL). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<bool>> SrlAsync(FcId destination, SrlRequest request, CancellationToken cancellationToken = default) =>
        ElsAsync<Srl, SrlRequest, bool>(destination, request, cancellationToken);

    /// <summary>Report port speed capabilities (RPSC). Sent to destination (HST_ELS_NOLOGIN, or RPT_ELS through its rport when the driver lacks it).</summary>
    public ValueTask<FcResponse<IReadOnlyList<RpscEntry>>> RpscAsync(FcId destination, CancellationToken cancellationToken = default) =>
        ElsAsync<Rpsc, NoArgument, IReadOnlyList<RpscEntry>>(destination, default, cancellationToken);

}
